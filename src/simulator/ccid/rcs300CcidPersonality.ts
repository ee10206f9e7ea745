import type { Personality } from './personality';

/**
 * The Sony RC-S300's standard interface, interface 0: a CCID reader (class 0B) at extended-APDU
 * level that runs Type B activation and ISO-DEP itself, so the host sends plain APDUs. Facts from
 * libccid's dumps `readers/SONY_FeliCa_RC-S300_S.txt` / `_P.txt` (docs/browser-platform.md §4.8):
 * dwProtocols 0x0002 (T=1 only), dwFeatures 0x0004007E — automatic parameters from the ATR (02),
 * activation (04), voltage (08), clock (10), baud rate (20) and parameter negotiation (40), and
 * extended APDU exchanges (0x00040000) — and dwMaxCCIDMessageLength 522.
 *
 * The ATR is the one a PC/SC contactless reader makes for a Type B card (PC/SC Part 3
 * §3.1.3.2.3.2), here for the My Number Card that pcsc-tools' smartcard_list.txt lists as
 * `3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F` (docs/card-reference.md §1): written out by hand, not built by
 * the driver's encoder. The emulated device shows interface 0 only; the vendor interface 1 is
 * `FakeRcs300Device`'s.
 */
export const RCS300_CCID: Personality = {
  interfaceClass: 0x0b,
  features: 0x0004007e,
  maxMessageLength: 522,
  packetSize: 64,
  vendorId: 0x054c,
  productId: 0x0dc8,
  productName: 'RC-S300/S CCID interface (simulated)',
  maxSlotIndex: 0,
  cardSlot: 0,
  cardLink: 'apdu',
  protocols: 0x02,
  atr: Uint8Array.of(0x3b, 0x88, 0x80, 0x01, 0x00, 0x00, 0x05, 0xe0, 0xb3, 0x81, 0xa1, 0x00, 0x7f),
};
