import { fromHex } from '../../bytes';

/**
 * The contact cards the fake CCID reader can hold (issue 15 §1). Each is the simulated My Number
 * Card's applets behind another ATR — chip makers differ, and the ATR decides only how the link is
 * negotiated. The ATRs are the ones pcsc-tools' `smartcard_list.txt` lists for My Number cards
 * (docs/card-reference.md §1), plus a T=0-only card for the T=0 paths.
 */
export type FakeContactCard =
  /** `3B E0 00 FF 81 31 FE 45 14`: T=1 only, no TA1, IFSC 254 (the SimulatedCard's own). */
  | 'my-number'
  /** `3B C5 FF 81 31 FB 45 80 73 C6 01 00 00`: T=1, IFSC 251, historical bytes. */
  | 'my-number-c5'
  /** `3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B`: TA1 13 (Fi 372, Di 4), negotiable mode. */
  | 'my-number-ta1-13'
  /** `3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 00 D1 D6`: TA2 81 — specific mode, T=1, no PPS. */
  | 'my-number-specific'
  /** `3B 60 00 00`: T=0 only (ISO/IEC 7816-3 §8.2: TB1, TC1, no TD1, no TCK). */
  | 't0-only';

export const CONTACT_CARD_ATRS: Record<FakeContactCard, Uint8Array | null> = {
  'my-number': null,
  'my-number-c5': fromHex('3B C5 FF 81 31 FB 45 80 73 C6 01 00 00'),
  'my-number-ta1-13': fromHex('3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B'),
  'my-number-specific': fromHex('3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 00 D1 D6'),
  't0-only': fromHex('3B 60 00 00'),
};

export const CONTACT_CARDS = Object.keys(CONTACT_CARD_ATRS) as FakeContactCard[];
