import { describe, expect, it } from 'vitest';
import { fromHex } from '../bytes';
import { parseAtr } from './atr';
import { KNOWN_ATRS, knownAtr } from './knownAtrs';

describe('knownAtr (pcsc-tools smartcard_list.txt, docs/card-reference.md §1)', () => {
  it('names the TA1 13 My Number Card ATR', () => {
    expect(knownAtr(fromHex('3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B'))?.card).toBe('My Number Card (contact)');
  });

  it('knows nothing of an ATR not in the list (the card is still tried)', () => {
    expect(knownAtr(fromHex('3B 60 00 00'))).toBeNull();
  });

  it('holds only well-formed ATRs (TCK checked)', () => {
    for (const { atr } of KNOWN_ATRS) expect(() => parseAtr(fromHex(atr))).not.toThrow();
  });
});
