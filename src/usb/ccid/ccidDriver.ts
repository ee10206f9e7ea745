import { readerDriver, type ReaderDriver, type ReaderIdentity } from '../readerDriver';
import type { UsbDeviceLike } from '../UsbDeviceLike';

/** How long one bulk-IN reply may take before the reader counts as mute (the card's BWT is far below). */
const REPLY_TIMEOUT_MS = 5_000;

/** USB-IF interface classes CCID framing is found behind (CCID 1.1 §5.1: 0x0B; readers that hide it: 0xFF). */
const SMART_CARD_CLASS = 0x0b;
const VENDOR_CLASS = 0xff;

/** Our CCID driver, `CcidReader`, loaded when a reader is opened; its reader check is the contact one. */
const loadCcid = () => import('./CcidReader').then((m) => m.CcidReader);

/** "the CCID interface (n)": the first interface of this class, as WebUSB parsed it. */
function ccidInterfaceName(interfaceClass: number): (device: UsbDeviceLike) => string {
  return (device) => {
    for (const configuration of device.configurations) {
      const found = configuration.interfaces.find((i) => i.alternates.some((a) => a.interfaceClass === interfaceClass));
      if (found) return `the CCID interface (${found.interfaceNumber})`;
    }
    return 'the CCID interface';
  };
}

/** CCID behind a vendor-class interface (docs/browser-platform.md §4.8): no protected class, so a plain page may claim it. */
export const CCID_VENDOR: ReaderIdentity = {
  route: 'ccid-vendor',
  protectedClass: false,
  experimental: false,
  readers: [{ vendorId: 0x04e6, productId: 0x511a, name: 'SCR3310-NTTCom' }],
};

/**
 * A vendor-class device known by no identity is worth trying as CCID: the CCID class descriptor
 * decides when it is opened.
 */
export const CCID_VENDOR_DRIVER: ReaderDriver = /* @__PURE__ */ readerDriver(CCID_VENDOR, {
  check: 'ccid',
  timeoutMs: REPLY_TIMEOUT_MS,
  load: loadCcid,
  recognises: (classes) => classes.has(VENDOR_CLASS),
  interfaceName: ccidInterfaceName(VENDOR_CLASS),
});

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

export const CCID_CLASS_DRIVER: ReaderDriver = /* @__PURE__ */ readerDriver(CCID_CLASS, {
  check: 'ccid',
  timeoutMs: REPLY_TIMEOUT_MS,
  load: loadCcid,
  recognises: (classes) => classes.has(SMART_CARD_CLASS),
  interfaceName: ccidInterfaceName(SMART_CARD_CLASS),
});
