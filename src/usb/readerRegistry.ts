import { CCID_CLASS_DRIVER, CCID_VENDOR_DRIVER } from './ccid/ccidDriver';
import { RCS300_DRIVER } from './rcs300/rcs300Driver';
import { RCS380_DRIVER } from './rcs380/rcs380Driver';
import type { KnownReader, ReaderDriver } from './readerDriver';
import type { UsbDeviceLike } from './UsbDeviceLike';

/**
 * Every route MynaLens can reach a reader by, each described by its driver (readerDriver.ts). The
 * order is the order a device known by no identity is recognised in: a vendor-class interface is
 * tried as CCID before a smart-card-class one (docs/browser-platform.md §1, §4.8).
 */
export const READER_DRIVERS: readonly ReaderDriver[] = [CCID_VENDOR_DRIVER, CCID_CLASS_DRIVER, RCS380_DRIVER, RCS300_DRIVER];
// The page's chooser reads the same routes' identities from readerIdentities.ts (its test holds the two lists equal).

/** What discovery reads of a device: its identity and WebUSB's parsed configurations (nothing is opened). */
type DeviceIdentity = Pick<UsbDeviceLike, 'vendorId' | 'productId' | 'configurations'>;

/** Every interface class the device declares. */
function interfaceClasses(device: DeviceIdentity): Set<number> {
  const classes = new Set<number>();
  for (const configuration of device.configurations) {
    for (const iface of configuration.interfaces) {
      for (const alternate of iface.alternates) classes.add(alternate.interfaceClass);
    }
  }
  return classes;
}

/** The known reader with this identity and the driver it belongs to, if any. */
export function knownReader(vendorId: number, productId: number, drivers: readonly ReaderDriver[] = READER_DRIVERS): { readonly reader: KnownReader; readonly driver: ReaderDriver } | undefined {
  for (const driver of drivers) {
    const reader = driver.readers.find((r) => r.vendorId === vendorId && r.productId === productId);
    if (reader) return { reader, driver };
  }
  return undefined;
}

/**
 * The routes a device can take, first choice first; empty when no driver can drive it (docs/browser-platform.md
 * §1, §4.8): a known reader's own route, after any it names to try first; otherwise the first route
 * that recognises its interfaces.
 */
export function routesOf(device: DeviceIdentity, drivers: readonly ReaderDriver[] = READER_DRIVERS): readonly ReaderDriver[] {
  const known = knownReader(device.vendorId, device.productId, drivers);
  if (known) {
    const first = (known.reader.triedFirst ?? []).flatMap((route) => drivers.filter((d) => d.route === route));
    return [...first, known.driver];
  }
  const classes = interfaceClasses(device);
  const recognised = drivers.find((d) => d.recognises?.(classes));
  return recognised ? [recognised] : [];
}

/** Of a device's routes, those this page may claim: a protected class only with `usb-unrestricted`. */
export function routesHere(routes: readonly ReaderDriver[], unrestricted: boolean): readonly ReaderDriver[] {
  return routes.filter((d) => unrestricted || !d.protectedClass);
}
