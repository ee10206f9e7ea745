import { describe, expect, it } from 'vitest';
import { toHex } from '../../../bytes';
import { SimulatedCard } from '../SimulatedCard';
import { AID, selectAp, send, sw } from '../test-support/cardHarness';
import { testPersonalisation } from '../test-support/testPersonalisation';

const { personalisation } = await testPersonalisation();
const { cardLevel } = personalisation;

describe('GET DATA of the card-level objects (docs/card-reference.md §9.4)', () => {
  it('answers right after reset with the objects the card holds', () => {
    const card = new SimulatedCard(personalisation);
    expect(send(card, '00 CA 00 45 00').data).toEqual(cardLevel.get(0x0045));
    expect(send(card, '00 CA 00 F0 00').data).toEqual(cardLevel.get(0x00f0));
    expect(send(card, '00 CA 00 F2 00').data).toEqual(cardLevel.get(0x00f2));
    expect(send(card, '00 CA 00 42 00').data).toEqual(cardLevel.get(0x0042));
  });

  it('needs extended Le for an object over 256 bytes: short Le → 6700, then 00 00 00 (myna-card get_data)', () => {
    const card = new SimulatedCard(personalisation);
    expect(sw(card, '00 CA 00 F8 00')).toBe('6700');
    expect(send(card, '00 CA 00 F8 00 00 00').data).toEqual(cardLevel.get(0x00f8));
    expect(sw(card, '00 CA 7F 21 00')).toBe('6700');
    expect(send(card, '00 CA 7F 21 00 00 00').data).toEqual(cardLevel.get(0x7f21));
  });

  it('answers 6A88 once an application is selected, and again after SELECT of the ISD', () => {
    const card = new SimulatedCard(personalisation);
    selectAp(card, AID.jpki);
    expect(sw(card, '00 CA 00 45 00')).toBe('6A88');
    // 00 A4 00 00 does not bring the MF level back (docs/card-reference.md §2).
    expect(sw(card, '00 A4 00 00')).toBe('9000');
    expect(sw(card, '00 CA 00 45 00')).toBe('6A88');
    expect(selectAp(card, AID.isd)).toBe('9000');
    expect(send(card, '00 CA 00 45 00').data).toEqual(cardLevel.get(0x0045));
    selectAp(card, AID.text);
    card.reset();
    expect(sw(card, '00 CA 00 F0 00')).toBe('9000');
  });

  it('answers the contact ATR 5F51 both at the ISD and inside an AP', () => {
    const card = new SimulatedCard(personalisation);
    expect(toHex(send(card, '00 CA 5F 51 00').data)).toBe('E0 00 FF 81 31 FE 45 14');
    selectAp(card, AID.visual);
    expect(toHex(send(card, '00 CA 5F 51 00').data)).toBe('E0 00 FF 81 31 FE 45 14');
  });

  it('answers 6A88 for an absent object (OpenSC probes DF30), 6Cxx for a short Le under the size, 6700 without Le', () => {
    const card = new SimulatedCard(personalisation);
    expect(sw(card, '00 CA DF 30 05')).toBe('6A88');
    expect(sw(card, '00 CA 00 66 00')).toBe('6A88');
    expect(sw(card, '00 CA 00 45 04')).toBe('6C10');
    expect(sw(card, '00 CA 00 45')).toBe('6700');
  });
});
