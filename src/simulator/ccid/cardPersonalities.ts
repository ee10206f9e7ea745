import { fromHex } from '../../bytes';
import { CONTACT_PERSONALITIES, type CardPersonalityId } from '../cardPersonalities';

/**
 * The contact cards the fake CCID reader can hold (issue 15 §1): the contact personalities of the
 * simulator's one catalogue (../cardPersonalities.ts) — the ATRs pcsc-tools' `smartcard_list.txt`
 * lists for My Number cards (docs/card-reference.md §1) — plus a T=0-only card for the T=0 paths,
 * which is no My Number Card and so only the emulator's.
 */
export type FakeContactCard =
  | Extract<CardPersonalityId, 'my-number' | 'my-number-c5' | 'my-number-ta1-13' | 'my-number-specific'>
  /** `3B 60 00 00`: T=0 only (ISO/IEC 7816-3 §8.2: TB1, TC1, no TD1, no TCK). */
  | 't0-only';

export const CONTACT_CARD_ATRS: Record<FakeContactCard, Uint8Array> = {
  ...(Object.fromEntries(CONTACT_PERSONALITIES.map((p) => [p.id, p.atr])) as Record<Exclude<FakeContactCard, 't0-only'>, Uint8Array>),
  't0-only': fromHex('3B 60 00 00'),
};

export const CONTACT_CARDS = Object.keys(CONTACT_CARD_ATRS) as FakeContactCard[];
