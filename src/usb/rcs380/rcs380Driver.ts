import { readerDriver, type ReaderDriver, type ReaderIdentity } from '../readerDriver';

/** The USB margin on top of each frame waiting time the card announces (ISO/IEC 14443-4 FWT). */
const RF_MARGIN_MS = 1_000;

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

/** Type B activation and ISO-DEP done by us (`Rcs380Reader`, loaded when a reader is opened); the contactless reader check. */
export const RCS380_DRIVER: ReaderDriver = /* @__PURE__ */ readerDriver(RCS380, {
  check: 'contactless',
  timeoutMs: RF_MARGIN_MS,
  interfaceName: () => 'the Port-100 vendor interface',
  load: () => import('./Rcs380Reader').then((m) => m.Rcs380Reader),
});
