/**
 * Readers MynaLens knows by USB identity, and the WebUSB chooser filters built from them
 * (docs/browser-platform.md §1.3, §3.3, §4.8). Only identities are hard-coded; how a reader talks is
 * always read from its own CCID class descriptor.
 */

/** How a reader can be reached from a web page. */
export type ReaderRoute =
  /** CCID framing behind a vendor-class (0xFF) interface: no protected class, a plain page may claim it. */
  | 'ccid-vendor'
  /** A smart-card-class (0x0B) interface: Chrome lets only an installed app with `usb-unrestricted` claim it. */
  | 'ccid-class'
  /** Sony's NFC Port-100 on a vendor-class interface (RC-S380): Type B and ISO-DEP done by us. */
  | 'port100'
  /** The RC-S300's vendor interface: Sony's transparent-session pseudo-APDUs, Type B and ISO-DEP by us (experimental). */
  | 'rcs300'
  /** No interface MynaLens can drive. */
  | 'unsupported';

export interface KnownReader {
  readonly vendorId: number;
  readonly productId: number;
  readonly name: string;
  readonly route: ReaderRoute;
}

/** libccid `readers/supported_readers.txt` and reader dumps (docs/browser-platform.md §4.8, §3.3). */
export const KNOWN_READERS: readonly KnownReader[] = [
  { vendorId: 0x04e6, productId: 0x511a, name: 'SCR3310-NTTCom', route: 'ccid-vendor' },
  { vendorId: 0x04e6, productId: 0x5116, name: 'SCM SCR3310 v2', route: 'ccid-class' },
  { vendorId: 0x04e6, productId: 0x511f, name: 'SCM SCR3310 v2', route: 'ccid-class' },
  { vendorId: 0x072f, productId: 0xb100, name: 'ACS ACR39U', route: 'ccid-class' },
  { vendorId: 0x072f, productId: 0x90cc, name: 'ACS ACR38U-CCID', route: 'ccid-class' },
  { vendorId: 0x072f, productId: 0x223e, name: 'ACS ACR1252U', route: 'ccid-class' },
  { vendorId: 0x054c, productId: 0x0dc8, name: 'Sony PaSoRi RC-S300/S', route: 'rcs300' },
  { vendorId: 0x054c, productId: 0x0dc9, name: 'Sony PaSoRi RC-S300/P', route: 'rcs300' },
  { vendorId: 0x054c, productId: 0x06c1, name: 'Sony PaSoRi RC-S380/S', route: 'port100' },
  { vendorId: 0x054c, productId: 0x06c3, name: 'Sony PaSoRi RC-S380/P', route: 'port100' },
];

/** WebUSB `USBDeviceFilter` (WICG WebUSB §"USBDeviceFilter"). */
export interface UsbDeviceFilterLike {
  readonly vendorId?: number;
  readonly productId?: number;
  readonly classCode?: number;
}

/**
 * What the chooser offers: every known vendor-class reader by identity (Chrome matches `classCode`
 * against the device and every interface): the SCR3310-NTTCom and
 * the RC-S380, and anything with a smart-card-class interface. Class-0x0B readers are listed even in a plain page so the person gets our explanation instead of
 * an empty chooser.
 */
export const READER_REQUEST_FILTERS: readonly UsbDeviceFilterLike[] = [
  ...KNOWN_READERS.filter((r) => r.route !== 'ccid-class' && r.route !== 'unsupported').map(({ vendorId, productId }) => ({ vendorId, productId })),
  { classCode: 0x0b },
];

/** The known reader with this identity, if any. */
export function knownReader(vendorId: number, productId: number): KnownReader | undefined {
  return KNOWN_READERS.find((r) => r.vendorId === vendorId && r.productId === productId);
}
