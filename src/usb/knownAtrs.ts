import { toHex } from '../bytes';

/** One ATR a public list names, with what it says about the card. */
export interface KnownAtr {
  /** Spaced upper-case hex, as `toHex` writes it. */
  readonly atr: string;
  /** Which card, as a key the reader check says in the chosen language (protocol/readers.ts `KnownCardKey`). */
  readonly key: 'jukicard-contact' | 'contact-ta1-13' | 'contact-c5' | 'contact-specific' | 'contactless';
  /** The card and the list's note, in English, for the reader report (a file for developers). */
  readonly card: string;
  readonly note: string;
}

/**
 * The ATRs of My Number Cards (and their predecessor) that pcsc-tools' `smartcard_list.txt` lists
 * (docs/card-reference.md §1). The reader check only *names* the card an ATR matches: chip makers
 * differ, so an ATR that is not here never stops MynaLens trying the card — selecting the JPKI AID
 * decides, as OpenSC's `jpki` driver does.
 */
export const KNOWN_ATRS: readonly KnownAtr[] = [
  {
    atr: '3B E0 00 FF 81 31 FE 45 14',
    key: 'jukicard-contact',
    card: 'My Number Card (JPKI contact ATR)',
    note: 'smartcard_list.txt names it JUKICARD (the older 住基カード); OpenSC card-jpki.c matches it for My Number Cards',
  },
  { atr: '3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B', key: 'contact-ta1-13', card: 'My Number Card (contact)', note: 'smartcard_list.txt; TA1 13 asks for Di 4' },
  { atr: '3B C5 FF 81 31 FB 45 80 73 C6 01 00 00', key: 'contact-c5', card: 'My Number Card (contact)', note: 'smartcard_list.txt' },
  {
    atr: '3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 00 D1 D6',
    key: 'contact-specific',
    card: 'My Number Card',
    note: 'smartcard_list.txt; TA2 81 fixes the card in T=1 (specific mode)',
  },
  { atr: '3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F', key: 'contactless', card: 'My Number Card (contactless, PC/SC ATR from the ATQB)', note: 'smartcard_list.txt' },
  { atr: '3B 88 80 01 00 00 41 E0 B3 81 A1 00 3B', key: 'contactless', card: 'My Number Card (contactless, PC/SC ATR from the ATQB)', note: 'smartcard_list.txt' },
  { atr: '3B 88 80 01 00 4B 51 FF B3 81 D1 00 0F', key: 'contactless', card: 'My Number Card (contactless, PC/SC ATR from the ATQB)', note: 'smartcard_list.txt' },
];

/** The known card this exact ATR belongs to, or null: an unknown ATR is no reason to refuse a card. */
export function knownAtr(atr: Uint8Array): KnownAtr | null {
  const hex = toHex(atr);
  return KNOWN_ATRS.find((known) => known.atr === hex) ?? null;
}
