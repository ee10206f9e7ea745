import { CCID_CLASS, CCID_VENDOR } from './ccid/ccidReaders';
import { RCS300 } from './rcs300/rcs300Readers';
import { RCS380 } from './rcs380/rcs380Readers';
import type { ReaderIdentity, UsbDeviceFilterLike } from './readerDriver';

/**
 * The registry's routes (readerRegistry.ts) as the page's chooser reads them: identities only, in
 * the same order, so no page module reaches a driver's `import()` (the page is built apart from the
 * worker; a driver named from it would be built into the page's files too).
 * readerRegistry.test.ts holds the two lists equal.
 */
export const READER_IDENTITIES: readonly ReaderIdentity[] = [CCID_VENDOR, CCID_CLASS, RCS380, RCS300];

/**
 * What the chooser offers (WICG WebUSB `requestDevice()`; Chrome matches `classCode` against the
 * device and every interface): every known reader of a route a plain page can claim, by identity,
 * and each route's own filters (the smart-card class).
 */
export function readerRequestFilters(routes: readonly ReaderIdentity[] = READER_IDENTITIES): UsbDeviceFilterLike[] {
  const identities = routes.filter((d) => !d.protectedClass).flatMap((d) => d.readers.map(({ vendorId, productId }) => ({ vendorId, productId })));
  return [...identities, ...routes.flatMap((d) => d.chooserFilters ?? [])];
}
