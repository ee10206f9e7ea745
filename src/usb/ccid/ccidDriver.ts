import { readerDriver, type ReaderDriver } from '../readerDriver';
import { CCID_VENDOR, CCID_CLASS } from './ccidReaders';
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

export const CCID_CLASS_DRIVER: ReaderDriver = /* @__PURE__ */ readerDriver(CCID_CLASS, {
  check: 'ccid',
  timeoutMs: REPLY_TIMEOUT_MS,
  load: loadCcid,
  recognises: (classes) => classes.has(SMART_CARD_CLASS),
  interfaceName: ccidInterfaceName(SMART_CARD_CLASS),
});
