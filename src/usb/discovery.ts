import { hex16 } from '../bytes';
import type { UsbLike } from './host/UsbLike';
import { knownReader, type ReaderRoute } from './knownReaders';
import type { UsbDeviceLike } from './UsbDeviceLike';

/** A granted USB device as the reader list shows it (plain data). */
export interface ReaderDescription {
  /** Stable across reloads: `VVVV:PPPP:serial`, or `VVVV:PPPP#n` for the n-th such device without a serial. */
  readonly id: string;
  readonly name: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly serialNumber: string | null;
  readonly route: ReaderRoute;
}

/** Every interface class the device declares, from WebUSB's parsed configurations (no need to open it). */
function interfaceClasses(device: UsbDeviceLike): number[] {
  const classes = new Set<number>();
  for (const configuration of device.configurations) {
    for (const iface of configuration.interfaces) {
      for (const alternate of iface.alternates) classes.add(alternate.interfaceClass);
    }
  }
  return [...classes];
}

/**
 * How a device can be reached (docs/browser-platform.md §1, §4.8): known readers by identity; otherwise
 * a vendor-class interface is worth trying (the CCID descriptor decides when opened), and a
 * smart-card-class interface needs the installed app.
 */
export function routeOf(device: UsbDeviceLike): ReaderRoute {
  const known = knownReader(device.vendorId, device.productId);
  if (known) return known.route;
  const classes = interfaceClasses(device);
  if (classes.includes(0xff)) return 'ccid-vendor';
  if (classes.includes(0x0b)) return 'ccid-class';
  return 'unsupported';
}

/**
 * WICG WebUSB `getDevices()` in the worker (docs/browser-platform.md §6): a `USBDevice` cannot be posted
 * from the page, so the worker finds the reader the person picked again by vendor, product and
 * serial number. Returns each granted device with its description, ids unique within the list.
 */
export async function grantedReaders(usb: UsbLike): Promise<{ readonly device: UsbDeviceLike; readonly description: ReaderDescription }[]> {
  const devices = await usb.getDevices();
  const seen = new Map<string, number>();
  return devices.map((device) => {
    const base = `${hex16(device.vendorId)}:${hex16(device.productId)}`;
    let id: string;
    if (device.serialNumber) {
      id = `${base}:${device.serialNumber}`;
    } else {
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      id = `${base}#${n}`;
    }
    const known = knownReader(device.vendorId, device.productId);
    const name = device.productName || known?.name || `USB device ${base}`;
    return { device, description: { id, name, vendorId: device.vendorId, productId: device.productId, serialNumber: device.serialNumber ?? null, route: routeOf(device) } };
  });
}
