import type { BulkInterface } from '../host/BulkPipes';
import type { UsbConfigurationLike } from '../UsbDeviceLike';

/** The RC-S380's vendor interface and its two bulk pipes. */
export type Port100Interface = BulkInterface;

/**
 * The first interface with one bulk-IN and one bulk-OUT endpoint (nfcpy clf/transport.py `USB.open`
 * takes the first bulk pipes of the first setting and claims interface 0; Linux
 * drivers/nfc/port100.c `port100_probe` takes the first bulk-in and bulk-out of the interface).
 * On an RC-S380 that is interface 0, class FF (vendor): not a protected class, so a plain web
 * page may claim it (docs/browser-platform.md §3.3).
 */
export function findPort100Interface(configurations: readonly UsbConfigurationLike[]): Port100Interface | null {
  for (const configuration of configurations) {
    for (const usbInterface of configuration.interfaces) {
      for (const alternate of [usbInterface.alternate, ...usbInterface.alternates]) {
        const bulkIn = alternate.endpoints.find((e) => e.type === 'bulk' && e.direction === 'in');
        const bulkOut = alternate.endpoints.find((e) => e.type === 'bulk' && e.direction === 'out');
        if (bulkIn && bulkOut) {
          return { configurationValue: configuration.configurationValue, interfaceNumber: usbInterface.interfaceNumber, interfaceClass: alternate.interfaceClass, bulkIn, bulkOut };
        }
      }
    }
  }
  return null;
}
