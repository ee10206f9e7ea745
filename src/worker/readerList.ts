import { hex16 } from '../bytes';
import { grantedReaders, type GrantedReader } from '../usb/discovery';
import type { UsbLike } from '../usb/host/UsbLike';
import type { ReaderDriver } from '../usb/readerDriver';
import { READER_DRIVERS, routesHere } from '../usb/readerRegistry';
import type { ReaderView } from '../protocol';

/*
 * The start screen's reader list, apart from the drivers (readers.ts): the engine lists granted
 * readers from its first chunk, from the drivers' descriptors alone (usb/readerRegistry.ts); each
 * driver loads only when a reader is opened (issue "speed to the physical limit" §4).
 */

/**
 * A granted device as the start screen lists it; `unrestricted` is the page's `usb-unrestricted`
 * policy. The route shown is the first this page may claim (an RC-S300 takes its CCID interface in
 * an installed app, its experimental vendor interface in a plain page); a device whose only routes
 * are of a protected class is listed with `usb/protected-class`, one no driver takes with
 * `usb/not-a-reader`.
 */
export function readerView({ description, routes }: GrantedReader, unrestricted: boolean): ReaderView {
  const here = routesHere(routes, unrestricted)[0];
  const shown = here ?? routes[0];
  return {
    id: description.id,
    name: description.name,
    vendorId: hex16(description.vendorId),
    productId: hex16(description.productId),
    serialNumber: description.serialNumber,
    route: shown?.route ?? 'unsupported',
    experimental: shown?.experimental ?? false,
    blockedBy: !shown ? 'usb/not-a-reader' : !here ? 'usb/protected-class' : null,
  };
}

/** Every granted reader (WebUSB `getDevices()`); none when the browser has no WebUSB. */
export async function listReaderViews(usb: UsbLike | null, unrestricted: boolean, drivers: readonly ReaderDriver[] = READER_DRIVERS): Promise<ReaderView[]> {
  if (!usb) return [];
  return (await grantedReaders(usb, drivers)).map((granted) => readerView(granted, unrestricted));
}
