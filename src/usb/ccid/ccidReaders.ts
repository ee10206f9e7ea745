import type { ReaderIdentity } from '../readerDriver';

/*
 * Who the CCID routes are for: plain data, read at start-up by the page's chooser and the engine's reader
 * list. Kept apart from the driver descriptor (ccidDriver.ts), whose `import()` of the driver no page
 * module may reach: the page is built apart from the worker, and any module of its graph naming a
 * driver has the driver built into the page's files too.
 */

/** USB-IF smart-card interface class (CCID 1.1 §5.1). */
const SMART_CARD_CLASS = 0x0b;

/** CCID behind a vendor-class interface (docs/browser-platform.md §4.8): no protected class, so a plain page may claim it. */
export const CCID_VENDOR: ReaderIdentity = {
  route: 'ccid-vendor',
  protectedClass: false,
  experimental: false,
  readers: [{ vendorId: 0x04e6, productId: 0x511a, name: 'SCR3310-NTTCom' }],
};

/**
 * CCID on a smart-card-class interface (docs/browser-platform.md §1.3, §4.8): Chrome lets only an
 * installed app with `usb-unrestricted` claim it. The chooser offers every such device by class,
 * even in a plain page, so the person gets our explanation instead of an empty chooser.
 */
export const CCID_CLASS: ReaderIdentity = {
  route: 'ccid-class',
  protectedClass: true,
  experimental: false,
  readers: [
    { vendorId: 0x04e6, productId: 0x5116, name: 'SCM SCR3310 v2' },
    { vendorId: 0x04e6, productId: 0x511f, name: 'SCM SCR3310 v2' },
    { vendorId: 0x072f, productId: 0xb100, name: 'ACS ACR39U' },
    { vendorId: 0x072f, productId: 0x90cc, name: 'ACS ACR38U-CCID' },
    { vendorId: 0x072f, productId: 0x223e, name: 'ACS ACR1252U' },
  ],
  chooserFilters: [{ classCode: SMART_CARD_CLASS }],
};
