import { hex16 } from '../bytes';
import { grantedReaders, type ReaderDescription } from '../usb/discovery';
import type { UsbLike } from '../usb/host/UsbLike';
import type { ReaderView } from '../protocol';

/*
 * The start screen's reader list, apart from the drivers (readers.ts): the engine lists granted
 * readers from its first chunk and loads the CCID, RC-S380 and RC-S300 drivers only when a reader
 * is opened (issue "speed to the physical limit" §4).
 */

/** A granted device as the start screen lists it; `unrestricted` is the page's `usb-unrestricted` policy. */
export function readerView(description: ReaderDescription, unrestricted: boolean): ReaderView {
  const route = routeHere(description, unrestricted);
  const blockedBy = route === 'unsupported' ? 'usb/not-a-reader' : route === 'ccid-class' && !unrestricted ? 'usb/protected-class' : null;
  return {
    id: description.id,
    name: description.name,
    vendorId: hex16(description.vendorId),
    productId: hex16(description.productId),
    serialNumber: description.serialNumber,
    route,
    experimental: route === 'rcs300',
    blockedBy,
  };
}

/**
 * The route a reader takes in this page. The RC-S300 has a standard CCID interface (interface 0,
 * class 0B, APDU level: the reader itself does Type B and ISO-DEP — libccid's
 * SONY_FeliCa_RC-S300_S.txt) and Sony's vendor interface (1). Where the page may claim a class-0B
 * interface (an installed app with `usb-unrestricted`), the CCID interface is preferred: it is the
 * path the OS drivers use and needs nothing of ours below APDUs. A plain page can only reach the
 * experimental vendor route.
 */
function routeHere(description: ReaderDescription, unrestricted: boolean): ReaderView['route'] {
  return description.route === 'rcs300' && unrestricted ? 'ccid-class' : description.route;
}

/** Every granted reader (WebUSB `getDevices()`); none when the browser has no WebUSB. */
export async function listReaderViews(usb: UsbLike | null, unrestricted: boolean): Promise<ReaderView[]> {
  if (!usb) return [];
  return (await grantedReaders(usb)).map(({ description }) => readerView(description, unrestricted));
}

