import { readerDriver, type ReaderDriver, type ReaderIdentity } from '../readerDriver';

/** The USB margin on top of each frame waiting time the card announces (ISO/IEC 14443-4 FWT). */
const RF_MARGIN_MS = 1_000;

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

/** Sony's transparent-session pseudo-APDUs, Type B and ISO-DEP done by us (`Rcs300Reader`, loaded when a reader is opened); the contactless reader check. */
export const RCS300_DRIVER: ReaderDriver = /* @__PURE__ */ readerDriver(RCS300, {
  check: 'contactless',
  timeoutMs: RF_MARGIN_MS,
  interfaceName: () => 'the vendor interface (experimental)',
  load: () => import('./Rcs300Reader').then((m) => m.Rcs300Reader),
});
