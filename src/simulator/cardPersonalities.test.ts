import { describe, expect, it } from 'vitest';
import { toHex } from '../bytes';
import { parseAtr } from '../usb/atr';
import { typeBAtr } from '../usb/isodep/contactlessAtr';
import { parseAtqb } from '../usb/isodep/typeB';
import { knownAtr } from '../usb/knownAtrs';
import { CARD_PERSONALITIES, CARD_PERSONALITY_IDS, CONTACT_PERSONALITIES, CONTACTLESS_PERSONALITIES, cardPersonality, isCardPersonalityId, typeBCardOf } from './cardPersonalities';
import { CONTACT_CARD_ATRS } from './ccid/cardPersonalities';

/** Issue 15 §1: one catalogue of the My Number Card ATRs and ATQBs of pcsc-tools' smartcard_list.txt (docs/card-reference.md §1). */
describe('the card personality catalogue', () => {
  it('holds the four contact ATRs and three ATQBs of the list, keyed by their own ids', () => {
    expect(CONTACT_PERSONALITIES.map((p) => toHex(p.atr))).toEqual([
      '3B E0 00 FF 81 31 FE 45 14',
      '3B C5 FF 81 31 FB 45 80 73 C6 01 00 00',
      '3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B',
      '3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 00 D1 D6',
    ]);
    expect(CONTACTLESS_PERSONALITIES.map((p) => toHex(Uint8Array.from([...p.applicationData, ...p.protocolInfo])))).toEqual([
      '00 00 05 E0 B3 81 A1',
      '00 00 41 E0 B3 81 A1',
      '00 4B 51 FF B3 81 D1',
    ]);
    for (const id of CARD_PERSONALITY_IDS) expect(CARD_PERSONALITIES[id].id).toBe(id);
  });

  it('every contact ATR is well formed (TCK checked) and the CCID emulator holds exactly these cards besides its T=0 one', () => {
    for (const p of CONTACT_PERSONALITIES) {
      expect(() => parseAtr(p.atr)).not.toThrow();
      expect(toHex(CONTACT_CARD_ATRS[p.id as keyof typeof CONTACT_CARD_ATRS])).toBe(toHex(p.atr));
    }
    expect(Object.keys(CONTACT_CARD_ATRS).sort()).toEqual([...CONTACT_PERSONALITIES.map((p) => p.id), 't0-only'].sort());
  });

  it('the TA1 = 13 card asks for Di 4 and the TA2 card is in specific mode', () => {
    expect(parseAtr(cardPersonality('my-number-ta1-13').atr)).toMatchObject({ fi: 372, di: 4 });
    expect(parseAtr(cardPersonality('my-number-specific').atr).specificMode).toBeTruthy();
  });

  it("each contactless personality's listed ATR is the one PC/SC makes from its ATQB, and FWI 13 means a frame waiting time near 2.5 s", () => {
    for (const p of CONTACTLESS_PERSONALITIES) {
      const atqb = parseAtqb(Uint8Array.from([0x50, 1, 2, 3, 4, ...p.applicationData, ...p.protocolInfo]));
      expect(toHex(typeBAtr(atqb, 0))).toBe(toHex(p.atr));
      expect(atqb.fsc).toBe(256);
    }
    const { applicationData, protocolInfo } = typeBCardOf('contactless-fwi13');
    const fwi13 = parseAtqb(Uint8Array.from([0x50, 1, 2, 3, 4, ...applicationData, ...protocolInfo]));
    expect(fwi13.fwi).toBe(13);
    expect(fwi13.fwtMs).toBeCloseTo(2474.52, 2);
  });

  it('the reader check names the card of every personality from the known-ATR list', () => {
    for (const id of CARD_PERSONALITY_IDS) expect([id, knownAtr(CARD_PERSONALITIES[id].atr)?.card]).toEqual([id, expect.stringContaining('My Number Card')]);
  });

  it('an unknown id is refused with a RangeError', () => {
    expect(isCardPersonalityId('my-number-c5')).toBe(true);
    expect(isCardPersonalityId('toString')).toBe(false);
    expect(() => cardPersonality('nope' as never)).toThrow(RangeError);
    expect(() => typeBCardOf('my-number')).toThrow(RangeError);
  });
});
