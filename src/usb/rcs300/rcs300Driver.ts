import type { ReaderDriver } from '../readerDriver';

/** The USB margin on top of each frame waiting time the card announces (ISO/IEC 14443-4 FWT). */
const RF_MARGIN_MS = 1_000;

/**
 * The RC-S300's vendor interface (docs/browser-platform.md §3.3), EXPERIMENTAL until confirmed on
 * hardware: Sony's transparent-session pseudo-APDUs, Type B activation and ISO-DEP done by us
 * (`Rcs300Reader`, loaded when opened). The RC-S300 also has a standard CCID interface (interface 0,
 * class 0B, APDU level: the reader itself does Type B and ISO-DEP — libccid's
 * SONY_FeliCa_RC-S300_S.txt); where the page may claim it (an installed app with
 * `usb-unrestricted`) that is tried first, as the path the OS drivers use. A plain page can only
 * reach this route.
 */
export const RCS300_DRIVER: ReaderDriver = {
  route: 'rcs300',
  protectedClass: false,
  experimental: true,
  readers: [
    { vendorId: 0x054c, productId: 0x0dc8, name: 'Sony PaSoRi RC-S300/S', triedFirst: ['ccid-class'] },
    { vendorId: 0x054c, productId: 0x0dc9, name: 'Sony PaSoRi RC-S300/P', triedFirst: ['ccid-class'] },
  ],
  interfaceName: () => 'the vendor interface (experimental)',
  open: async (device, os) => {
    const { Rcs300Reader } = await import('./Rcs300Reader');
    const reader = await Rcs300Reader.open(device, { timeoutMs: RF_MARGIN_MS, os });
    return { reader, report: () => ({ kind: 'contactless', report: reader.report() }) };
  },
};
