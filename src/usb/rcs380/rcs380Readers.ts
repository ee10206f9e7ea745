import type { ReaderIdentity } from '../readerDriver';

/*
 * Who the RC-S380 route is for: plain data, read at start-up by the page's chooser and the engine's reader
 * list. Kept apart from the driver descriptor (rcs380Driver.ts), whose `import()` of the driver no page
 * module may reach: the page is built apart from the worker, and any module of its graph naming a
 * driver has the driver built into the page's files too.
 */
/**
 * The RC-S380 (docs/browser-platform.md §3.3): Sony's NFC Port-100 on a vendor-class interface.
 * Known by identity only: nothing in its descriptors says Port-100.
 */
export const RCS380: ReaderIdentity = {
  route: 'port100',
  protectedClass: false,
  experimental: false,
  readers: [
    { vendorId: 0x054c, productId: 0x06c1, name: 'Sony PaSoRi RC-S380/S' },
    { vendorId: 0x054c, productId: 0x06c3, name: 'Sony PaSoRi RC-S380/P' },
  ],
};
