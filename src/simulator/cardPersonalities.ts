import { fromHex } from '../bytes';

/**
 * The simulator's card personalities (issue 15 §1): the simulated My Number Card's applets behind
 * each ATR or ATQB that pcsc-tools' public ATR list, `smartcard_list.txt`, files for a My Number
 * Card (docs/card-reference.md §1). Chip makers differ, and we do not know which maker stands
 * behind which ATR, so a personality is named by its ATR or ATQB only. The ATR decides how a
 * contact link is negotiated; the ATQB's Protocol Info decides a contactless card's frame size
 * and frame waiting time (ISO/IEC 14443-3 §7.9.4).
 *
 * This is the one catalogue: the start screen, `npm run simulator:pcsc -- --personality`, the
 * CCID emulator's contact cards (ccid/cardPersonalities.ts) and the RC-S380 / RC-S300 emulators'
 * Type B cards all take their cards from here.
 */
export const CARD_PERSONALITY_IDS = [
  'my-number',
  'my-number-c5',
  'my-number-ta1-13',
  'my-number-specific',
  'contactless-05e0',
  'contactless-41e0',
  'contactless-fwi13',
] as const;

export type CardPersonalityId = (typeof CARD_PERSONALITY_IDS)[number];

/** A contact card: its ATR is what a contact reader reports. */
export interface ContactPersonality {
  readonly id: CardPersonalityId;
  readonly kind: 'contact';
  /** The ATR as smartcard_list.txt lists it. */
  readonly atr: Uint8Array;
  /** One line for `--help` and logs: what the ATR says, in English. */
  readonly summary: string;
}

/** A Type B card (ISO/IEC 14443-3 §7.9): what it says in its ATQB. */
export interface ContactlessPersonality {
  readonly id: CardPersonalityId;
  readonly kind: 'contactless';
  /** ATQB Application Data, 4 bytes. */
  readonly applicationData: readonly number[];
  /** ATQB Protocol Info, 3 bytes: rates, FSCI | protocol type, FWI | ADC | FO. */
  readonly protocolInfo: readonly number[];
  /**
   * The ATR a PC/SC contactless reader makes up from the ATQB (PC/SC Part 3 §3.1.3.2.3.2:
   * 3B 88 80 01, Application Data, Protocol Info, MBLI | CID, TCK), as smartcard_list.txt lists it.
   * The simulator's own transport and vpcd report it, as such a reader does.
   */
  readonly atr: Uint8Array;
  readonly summary: string;
}

export type CardPersonality = ContactPersonality | ContactlessPersonality;

const contact = (id: CardPersonalityId, atr: string, summary: string): ContactPersonality => ({ id, kind: 'contact', atr: fromHex(atr), summary });

const contactless = (id: CardPersonalityId, atqb: string, atr: string, summary: string): ContactlessPersonality => {
  const bytes = [...fromHex(atqb)];
  return { id, kind: 'contactless', applicationData: bytes.slice(0, 4), protocolInfo: bytes.slice(4, 7), atr: fromHex(atr), summary };
};

export const CARD_PERSONALITIES: Readonly<Record<CardPersonalityId, CardPersonality>> = {
  'my-number': contact(
    'my-number',
    '3B E0 00 FF 81 31 FE 45 14',
    'contact, ATR 3B E0 00 FF 81 31 FE 45 14: T=1, IFSC 254 (the ATR OpenSC card-jpki.c matches; smartcard_list.txt files it as JUKICARD)',
  ),
  'my-number-c5': contact('my-number-c5', '3B C5 FF 81 31 FB 45 80 73 C6 01 00 00', 'contact, ATR 3B C5 FF 81 31 FB 45 80 73 C6 01 00 00: T=1, IFSC 251'),
  'my-number-ta1-13': contact(
    'my-number-ta1-13',
    '3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B',
    'contact, ATR 3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B: TA1 13 (Fi 372, Di 4), a 4x faster link if negotiated',
  ),
  'my-number-specific': contact(
    'my-number-specific',
    '3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 00 D1 D6',
    'contact, ATR 3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 00 D1 D6: TA2 81, specific mode T=1 (no PPS)',
  ),
  'contactless-05e0': contactless(
    'contactless-05e0',
    '00 00 05 E0 B3 81 A1',
    '3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F',
    'contactless Type B, ATQB application data 00 00 05 E0, protocol info B3 81 A1: FSC 256, FWI 10 (FWT about 309 ms)',
  ),
  'contactless-41e0': contactless(
    'contactless-41e0',
    '00 00 41 E0 B3 81 A1',
    '3B 88 80 01 00 00 41 E0 B3 81 A1 00 3B',
    'contactless Type B, ATQB application data 00 00 41 E0, protocol info B3 81 A1: FSC 256, FWI 10 (FWT about 309 ms)',
  ),
  'contactless-fwi13': contactless(
    'contactless-fwi13',
    '00 4B 51 FF B3 81 D1',
    '3B 88 80 01 00 4B 51 FF B3 81 D1 00 0F',
    'contactless Type B, ATQB application data 00 4B 51 FF, protocol info B3 81 D1: FSC 256, FWI 13 (FWT about 2.5 s)',
  ),
};

/** The default: the ATR the simulator had before personalities existed. */
export const DEFAULT_CARD_PERSONALITY: CardPersonalityId = 'my-number';

/** True when `id` names a personality (command-line and message input is checked with it). */
export function isCardPersonalityId(id: unknown): id is CardPersonalityId {
  return typeof id === 'string' && (CARD_PERSONALITY_IDS as readonly string[]).includes(id);
}

/** The personality of this id; a RangeError for an unknown one. */
export function cardPersonality(id: CardPersonalityId): CardPersonality {
  if (!isCardPersonalityId(id)) throw new RangeError(`unknown card personality "${String(id)}"`);
  return CARD_PERSONALITIES[id];
}

/** The ATQB of a contactless personality as the Type B emulators take it (TypeBCardOptions); a RangeError for a contact one. */
export function typeBCardOf(id: CardPersonalityId): { readonly applicationData: readonly number[]; readonly protocolInfo: readonly number[] } {
  const p = cardPersonality(id);
  if (p.kind !== 'contactless') throw new RangeError(`"${id}" is a contact card: it has no ATQB`);
  return { applicationData: p.applicationData, protocolInfo: p.protocolInfo };
}

/** The contact personalities, in catalogue order. */
export const CONTACT_PERSONALITIES: readonly ContactPersonality[] = CARD_PERSONALITY_IDS.map((id) => CARD_PERSONALITIES[id]).filter(
  (p): p is ContactPersonality => p.kind === 'contact',
);

/** The contactless personalities, in catalogue order. */
export const CONTACTLESS_PERSONALITIES: readonly ContactlessPersonality[] = CARD_PERSONALITY_IDS.map((id) => CARD_PERSONALITIES[id]).filter(
  (p): p is ContactlessPersonality => p.kind === 'contactless',
);
