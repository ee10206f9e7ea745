import type { ReaderIdentity } from '../readerDriver';

/*
 * Who the RC-S300 vendor-interface route is for: plain data, read at start-up by the page's chooser and the engine's reader
 * list. Kept apart from the driver descriptor (rcs300Driver.ts), whose `import()` of the driver no page
 * module may reach: the page is built apart from the worker, and any module of its graph naming a
 * driver has the driver built into the page's files too.
 */
/**
 * The RC-S300's vendor interface (docs/browser-platform.md §3.3), EXPERIMENTAL until confirmed on
 * hardware. The RC-S300 also has a standard CCID interface (interface 0, class 0B, APDU level: the
 * reader itself does Type B and ISO-DEP — libccid's SONY_FeliCa_RC-S300_S.txt); where the page may
 * claim it (an installed app with `usb-unrestricted`) that is tried first, as the path the OS
 * drivers use. A plain page can only reach this route.
 */
export const RCS300: ReaderIdentity = {
  route: 'rcs300',
  protectedClass: false,
  experimental: true,
  readers: [
    { vendorId: 0x054c, productId: 0x0dc8, name: 'Sony PaSoRi RC-S300/S', triedFirst: ['ccid-class'] },
    { vendorId: 0x054c, productId: 0x0dc9, name: 'Sony PaSoRi RC-S300/P', triedFirst: ['ccid-class'] },
  ],
};
