import type { ReaderDriver } from '../readerDriver';

/** The USB margin on top of each frame waiting time the card announces (ISO/IEC 14443-4 FWT). */
const RF_MARGIN_MS = 1_000;

/**
 * The RC-S380 (docs/browser-platform.md §3.3): Sony's NFC Port-100 on a vendor-class interface,
 * Type B activation and ISO-DEP done by us (`Rcs380Reader`, loaded when opened). Known by identity
 * only: nothing in its descriptors says Port-100.
 */
export const RCS380_DRIVER: ReaderDriver = {
  route: 'port100',
  protectedClass: false,
  experimental: false,
  readers: [
    { vendorId: 0x054c, productId: 0x06c1, name: 'Sony PaSoRi RC-S380/S' },
    { vendorId: 0x054c, productId: 0x06c3, name: 'Sony PaSoRi RC-S380/P' },
  ],
  interfaceName: () => 'the Port-100 vendor interface',
  open: async (device, os) => {
    const { Rcs380Reader } = await import('./Rcs380Reader');
    const reader = await Rcs380Reader.open(device, { timeoutMs: RF_MARGIN_MS, os });
    return { reader, report: () => ({ kind: 'contactless', report: reader.report() }) };
  },
};
