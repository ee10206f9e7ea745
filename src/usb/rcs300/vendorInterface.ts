import type { BulkInterface } from '../host/BulkPipes';
import type { UsbConfigurationLike } from '../UsbDeviceLike';

/** The RC-S300's vendor-class interface and its two bulk pipes. */
export type Rcs300Interface = BulkInterface;

/** USB class code "vendor specific" (USB 2.0 §9.6.5; usb.org defined class codes, FFh). */
const VENDOR_SPECIFIC_CLASS = 0xff;

/**
 * The first interface of class FF with a bulk-IN and a bulk-OUT endpoint. On an RC-S300 that is
 * interface 1 (interface 0 is CCID, class 0B, which WebUSB keeps from plain pages:
 * docs/browser-platform.md §1, §3.3); the public code picks it the same way
 * (Takashi-Matsumura/nfc-rcs300-readidm `interfaceClass === 255`), and one write-up lists
 * interface 1 as vendor class 0xFF with bulk EP 2 OUT and IN, 64-byte packets
 * (docs/browser-platform.md §3.4). Endpoints are read from the descriptor, never assumed.
 */
export function findRcs300VendorInterface(configurations: readonly UsbConfigurationLike[]): Rcs300Interface | null {
  for (const configuration of configurations) {
    for (const usbInterface of configuration.interfaces) {
      for (const alternate of [usbInterface.alternate, ...usbInterface.alternates]) {
        if (alternate.interfaceClass !== VENDOR_SPECIFIC_CLASS) continue;
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
