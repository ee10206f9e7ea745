import { hex16 } from '../bytes';
import type { UsbLike } from './host/UsbLike';
import type { ReaderDriver } from './readerDriver';
import { knownReader, READER_DRIVERS, routesOf } from './readerRegistry';
import type { UsbDeviceLike } from './UsbDeviceLike';

/** A granted USB device as the reader list shows it (plain data). */
export interface ReaderDescription {
  /** Stable across reloads: `VVVV:PPPP:serial`, or `VVVV:PPPP#n` for the n-th such device without a serial. */
  readonly id: string;
  readonly name: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly serialNumber: string | null;
}

/** A granted device, what the list shows of it, and the routes it can take (first choice first, none when unsupported). */
export interface GrantedReader {
  readonly device: UsbDeviceLike;
  readonly description: ReaderDescription;
  readonly routes: readonly ReaderDriver[];
}

/**
 * WICG WebUSB `getDevices()` in the worker (docs/browser-platform.md §6): a `USBDevice` cannot be posted
 * from the page, so the worker finds the reader the person picked again by vendor, product and
 * serial number. Returns each granted device with its description and routes (readerRegistry.ts),
 * ids unique within the list.
 */
export async function grantedReaders(usb: UsbLike, drivers: readonly ReaderDriver[] = READER_DRIVERS): Promise<GrantedReader[]> {
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
    const known = knownReader(device.vendorId, device.productId, drivers);
    const name = device.productName || known?.reader.name || `USB device ${base}`;
    return {
      device,
      description: { id, name, vendorId: device.vendorId, productId: device.productId, serialNumber: device.serialNumber ?? null },
      routes: routesOf(device, drivers),
    };
  });
}
