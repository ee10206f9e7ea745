import { describe, expect, it } from 'vitest';
import { SimulatedCard } from '../SimulatedCard';
import { AID, selectAp, selectEf, send, sw } from '../test-support/cardHarness';
import { testPersonalisation } from '../test-support/testPersonalisation';

const { personalisation } = await testPersonalisation();
const { common, juki } = personalisation;

function cardIn(aid: string): SimulatedCard {
  const card = new SimulatedCard(personalisation);
  selectAp(card, aid);
  return card;
}

describe('READ RECORD (docs/card-reference.md §2, §9.2–§9.3)', () => {
  it('reads record 1 of the 共通AP card-info EF with P2 04, and with P2 05 (1 to last)', () => {
    const card = cardIn(AID.common);
    selectEf(card, 0x0001);
    expect(send(card, '00 B2 01 04 00').data).toEqual(common.cardInfoRecord);
    expect(send(card, '00 B2 01 05 00').data).toEqual(common.cardInfoRecord);
    expect(send(card, '00 B2 01 04 1E').data).toEqual(common.cardInfoRecord);
  });

  it('reads by SFI in P2 without a SELECT (jpki/myna: 00 B2 01 0C 00)', () => {
    const card = cardIn(AID.common);
    expect(send(card, '00 B2 01 0C 00').data).toEqual(common.cardInfoRecord);
    expect(send(card, '00 B2 01 14 00').data).toEqual(common.keyReferenceRecord);
  });

  it('reads the 住基AP key reference record', () => {
    const card = cardIn(AID.juki);
    selectEf(card, 0x0002);
    expect(send(card, '00 B2 01 04 00').data).toEqual(juki.keyReferenceRecord);
  });

  it('answers 6A83 for a missing record and for record 0', () => {
    const card = cardIn(AID.common);
    selectEf(card, 0x0001);
    expect(sw(card, '00 B2 02 04 00')).toBe('6A83');
    expect(sw(card, '00 B2 02 05 00')).toBe('6A83');
    expect(sw(card, '00 B2 00 04 00')).toBe('6A83');
  });

  it('answers 6Cxx when Le is shorter than the record', () => {
    const card = cardIn(AID.common);
    selectEf(card, 0x0001);
    expect(sw(card, '00 B2 01 04 10')).toBe('6C1E');
  });

  it('answers 6981 on a transparent or key EF, 6986 without a current EF, 6A86 for other modes', () => {
    const jpki = cardIn(AID.jpki);
    expect(sw(jpki, '00 B2 01 04 00')).toBe('6986');
    selectEf(jpki, 0x000a);
    expect(sw(jpki, '00 B2 01 04 00')).toBe('6981');
    const card = cardIn(AID.common);
    selectEf(card, 0x001c);
    expect(sw(card, '00 B2 01 04 00')).toBe('6981');
    selectEf(card, 0x0001);
    expect(sw(card, '00 B2 01 06 00')).toBe('6A86');
    expect(sw(card, '00 B2 01 00 00')).toBe('6A86');
    expect(sw(card, '00 B2 01 FC 00')).toBe('6A86');
    expect(sw(card, '00 B2 01 1C 00')).toBe('6A82');
    expect(sw(card, '00 B2 01 04')).toBe('6700');
  });
});
