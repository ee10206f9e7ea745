import { describe, expect, it } from 'vitest';
import { fromHex } from '../../../bytes';
import { SimulatedCard } from '../SimulatedCard';
import { AID, selectAp, selectEf, send, sw } from '../test-support/cardHarness';
import { testPersonalisation } from '../test-support/testPersonalisation';

const { personalisation } = await testPersonalisation();
const newCard = () => new SimulatedCard(personalisation);

describe('SELECT by DF name (docs/card-reference.md §2, §9.1)', () => {
  it.each(Object.entries(AID))('selects %s by its full AID with P2 0C and no data', (id, aid) => {
    const card = newCard();
    expect(selectAp(card, aid)).toBe('9000');
    expect(card.currentApplication).toBe(id);
  });

  it('returns an FCI template 6F { 84 DF name } with P2 00 and Le', () => {
    const answer = send(newCard(), `00 A4 04 00 0A ${AID.jpki} 00`);
    expect(answer.hex).toBe(`6F 0C 84 0A ${AID.jpki} 90 00`);
  });

  it('announces the FCI with 61xx when P2 00 comes without Le (T=0), then hands it out with GET RESPONSE', () => {
    const card = newCard();
    expect(send(card, `00 A4 04 00 0A ${AID.text}`).hex).toBe('61 0E');
    expect(send(card, '00 C0 00 00 0E').hex).toBe(`6F 0C 84 0A ${AID.text} 90 00`);
    expect(sw(card, '00 C0 00 00 0E')).toBe('6985');
  });

  it('answers 6Cxx when Le is shorter than the FCI', () => {
    expect(sw(newCard(), `00 A4 04 00 0A ${AID.jpki} 05`)).toBe('6C0E');
  });

  it('selects by a prefix: the first DF in search order whose AID starts with it', () => {
    const card = newCard();
    expect(sw(card, '00 A4 04 0C 02 D3 92')).toBe('9000');
    expect(card.currentApplication).toBe('jpki');
    expect(sw(card, '00 A4 04 0C 09 D3 92 10 00 31 00 01 01 04')).toBe('9000');
    expect(card.currentApplication).toBe('text');
  });

  it('walks every DF under a prefix with P2 02 (next occurrence), then answers 6A82', () => {
    const card = newCard();
    expect(send(card, '00 A4 04 00 02 D3 92 00').data.slice(4)).toEqual(fromHex(AID.jpki));
    const seen = [card.currentApplication];
    while (sw(card, '00 A4 04 0E 02 D3 92') === '9000') seen.push(card.currentApplication);
    expect(seen).toEqual(['jpki', 'text', 'visual', 'common', 'juki']);
    // The failed "next" left the last DF selected.
    expect(card.currentApplication).toBe('juki');
  });

  it('starts "next occurrence" from the first match when the current DF does not match the prefix', () => {
    const card = newCard();
    selectAp(card, AID.jpki);
    expect(sw(card, '00 A4 04 0E 09 D3 92 10 00 31 00 01 01 01')).toBe('9000');
    expect(card.currentApplication).toBe('common');
  });

  it.each([
    ['an unknown AID', '00 A4 04 0C 07 A0 00 00 00 03 10 10'],
    ['a longer name than any AID', `00 A4 04 0C 0B ${AID.jpki} 00`],
    ['an AID that differs in its last byte', '00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 02'],
  ])('answers 6A82 to %s and keeps the current DF and its security state', (_name, command) => {
    const card = newCard();
    selectAp(card, AID.jpki);
    selectEf(card, 0x0018);
    expect(send(card, '00 20 00 80 04 31 33 35 37').sw).toBe('9000');
    expect(sw(card, command)).toBe('6A82');
    expect(card.currentApplication).toBe('jpki');
    // Still verified: the auth key signs.
    expect(send(card, '80 2A 00 97 20 ' + '11 '.repeat(32) + '00').data.length).toBe(256);
  });

  it('selects the ISD with an empty name (GlobalPlatform)', () => {
    const card = newCard();
    selectAp(card, AID.jpki);
    expect(sw(card, '00 A4 04 0C')).toBe('9000');
    expect(card.currentApplication).toBe('isd');
  });

  it.each(['04', '08', '01', '0D', '10'])('answers 6A86 to SELECT by name with P2 %s', (p2) => {
    expect(sw(newCard(), `00 A4 04 ${p2} 0A ${AID.jpki}`)).toBe('6A86');
  });
});

describe('SELECT EF by FID (docs/card-reference.md §2)', () => {
  it('selects an EF of the current DF and answers 6A82 for one that is not there', () => {
    const card = newCard();
    selectAp(card, AID.jpki);
    expect(sw(card, '00 A4 02 0C 02 00 0A')).toBe('9000');
    expect(sw(card, '00 A4 02 0C 02 00 03')).toBe('6A82');
    expect(sw(card, '00 A4 02 0C 02 2F 00')).toBe('6A82');
    // 0014 is a text AP key; it is not in the JPKI AP.
    expect(sw(card, '00 A4 02 0C 02 00 14')).toBe('6A82');
  });

  it('returns an EF FCI { 83 FID, 80 size } with P2 00', () => {
    const card = newCard();
    selectAp(card, AID.jpki);
    expect(send(card, '00 A4 02 00 02 00 08 00').hex).toBe('6F 08 83 02 00 08 80 02 00 03 90 00');
    expect(send(card, '00 A4 02 00 02 00 18 00').hex).toBe('6F 04 83 02 00 18 90 00');
  });

  it('answers 6700 to a FID that is not 2 bytes and 6A86 to another P2', () => {
    const card = newCard();
    selectAp(card, AID.jpki);
    expect(sw(card, '00 A4 02 0C 01 0A')).toBe('6700');
    expect(sw(card, '00 A4 02 0C 03 00 0A 00')).toBe('6700');
    expect(sw(card, '00 A4 02 04 02 00 0A')).toBe('6A86');
  });

  it('finds only the ISD internal EF 001E at power-on', () => {
    const card = newCard();
    expect(sw(card, '00 A4 02 0C 02 00 1E')).toBe('9000');
    expect(sw(card, '00 B0 00 00 00')).toBe('6981');
    expect(sw(card, '00 A4 02 0C 02 2F 10')).toBe('6A82');
    expect(sw(card, '00 A4 02 0C 02 2F 11')).toBe('6A82');
    expect(sw(card, '00 A4 02 0C 02 00 0A')).toBe('6A82');
  });
});

describe('SELECT MF (docs/card-reference.md §2: do not rely on it)', () => {
  it('answers 6A86 to 00 A4 00 00 right after reset', () => {
    expect(sw(newCard(), '00 A4 00 00')).toBe('6A86');
  });

  it('answers 9000 without any effect once a DF is current', () => {
    const card = newCard();
    selectAp(card, AID.text);
    selectEf(card, 0x0011);
    expect(sw(card, '00 20 00 80 04 32 34 36 38')).toBe('9000');
    expect(sw(card, '00 A4 00 00')).toBe('9000');
    expect(card.currentApplication).toBe('text');
    // Still verified and the EF still current.
    expect(sw(card, '00 A4 02 0C 02 00 01')).toBe('9000');
    expect(sw(card, '00 B0 00 00 11')).toBe('9000');
  });

  it('answers 6A82 to FID 3F00, before and after a DF is selected', () => {
    const card = newCard();
    expect(sw(card, '00 A4 00 0C 02 3F 00')).toBe('6A82');
    selectAp(card, AID.jpki);
    expect(sw(card, '00 A4 00 0C 02 3F 00')).toBe('6A82');
    expect(sw(card, '00 A4 02 0C 02 3F 00')).toBe('6A82');
  });

  it('answers 6A86 to other P1 values', () => {
    for (const p1 of ['01', '03', '08', '09']) expect(sw(newCard(), `00 A4 ${p1} 0C 02 00 01`)).toBe('6A86');
  });
});
