import { describe, expect, it } from 'vitest';
import { SimulatedCard } from '../SimulatedCard';
import { AID, selectAp, selectEf, sw, verifyPin } from '../test-support/cardHarness';
import { TEST_PINS, testPersonalisation } from '../test-support/testPersonalisation';

const { personalisation } = await testPersonalisation();

function ascii(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return `${bytes.length.toString(16).padStart(2, '0')} ${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ')}`;
}

function cardAtKey(aid: string, fid: number): SimulatedCard {
  const card = new SimulatedCard(personalisation);
  selectAp(card, aid);
  selectEf(card, fid);
  return card;
}

describe('CHANGE REFERENCE DATA 00 24 01 80 (docs/card-reference.md §2: JPKI and text AP PINs)', () => {
  it.each([
    ['JPKI auth PIN', AID.jpki, 0x0018, TEST_PINS.jpkiAuth, '2580'],
    ['JPKI sign password', AID.jpki, 0x001b, TEST_PINS.jpkiSign!, 'NEWPASS99'],
    ['text AP PIN', AID.text, 0x0011, TEST_PINS.textPin, '0246'],
  ])('changes the %s after VERIFY; the old value stops working, the new one works after reset', (_name, aid, fid, old, next) => {
    const card = cardAtKey(aid, fid);
    expect(sw(card, `00 24 01 80 ${ascii(next)}`)).toBe('6982');
    expect(verifyPin(card, old)).toBe('9000');
    expect(sw(card, `00 24 01 80 ${ascii(next)}`)).toBe('9000');
    card.reset();
    selectAp(card, aid);
    selectEf(card, fid);
    expect(verifyPin(card, next)).toBe('9000');
    expect(verifyPin(card, old)).not.toBe('9000');
  });

  it('refuses a new value of the wrong format with 6A80 and keeps the old one', () => {
    const card = cardAtKey(AID.jpki, 0x001b);
    verifyPin(card, TEST_PINS.jpkiSign!);
    expect(sw(card, `00 24 01 80 ${ascii('short')}`)).toBe('6A80');
    expect(sw(card, `00 24 01 80 ${ascii('lowercase1')}`)).toBe('6A80');
    expect(sw(card, `00 24 01 80 ${ascii('A'.repeat(17))}`)).toBe('6A80');
    const auth = cardAtKey(AID.jpki, 0x0018);
    verifyPin(auth, TEST_PINS.jpkiAuth);
    expect(sw(auth, `00 24 01 80 ${ascii('12345')}`)).toBe('6A80');
    expect(sw(auth, `00 24 01 80 ${ascii('12a4')}`)).toBe('6A80');
    expect(verifyPin(auth, TEST_PINS.jpkiAuth)).toBe('9000');
  });

  it('answers 6A86 for P1 ≠ 01, 6700 with no new value, 6986 / 6981 without a key EF', () => {
    const card = cardAtKey(AID.jpki, 0x0018);
    verifyPin(card, TEST_PINS.jpkiAuth);
    expect(sw(card, `00 24 00 80 ${ascii('13572580')}`)).toBe('6A86');
    expect(sw(card, '00 24 01 80')).toBe('6700');
    selectEf(card, 0x000a);
    expect(sw(card, `00 24 01 80 ${ascii('2580')}`)).toBe('6981');
    selectAp(card, AID.jpki);
    expect(sw(card, `00 24 01 80 ${ascii('2580')}`)).toBe('6986');
  });

  it('answers 6984 on a blocked PIN and 6982 for 照合番号A/B and 共通/住基 PINs (not changed this way)', () => {
    const blocked = new SimulatedCard(personalisation, { triesLeft: { textPin: 0 } });
    selectAp(blocked, AID.text);
    selectEf(blocked, 0x0011);
    expect(sw(blocked, `00 24 01 80 ${ascii('0000')}`)).toBe('6984');
    const a = cardAtKey(AID.text, 0x0014);
    verifyPin(a, TEST_PINS.pinA);
    expect(sw(a, `00 24 01 80 ${ascii('111111111118')}`)).toBe('6982');
    const common = cardAtKey(AID.common, 0x001c);
    verifyPin(common, TEST_PINS.commonPin);
    expect(sw(common, `00 24 01 80 ${ascii('1111')}`)).toBe('6982');
  });

  it('needs the VERIFY in the current DF session: re-selecting the DF loses it', () => {
    const card = cardAtKey(AID.text, 0x0011);
    verifyPin(card, TEST_PINS.textPin);
    selectAp(card, AID.text);
    selectEf(card, 0x0011);
    expect(sw(card, `00 24 01 80 ${ascii('0246')}`)).toBe('6982');
  });
});

describe('CHANGE KEY 80 32 00 80 (docs/card-reference.md §2, §9.3: 共通 and 住基 PINs)', () => {
  it.each([
    ['共通AP', AID.common, TEST_PINS.commonPin],
    ['住基AP', AID.juki, TEST_PINS.jukiPin],
  ])('changes the %s PIN after VERIFY, separately from the other AP', (_name, aid, old) => {
    const card = cardAtKey(aid, 0x001c);
    expect(sw(card, `80 32 00 80 ${ascii('4444')}`)).toBe('6982');
    verifyPin(card, old);
    expect(sw(card, `80 32 00 80 ${ascii('4444')}`)).toBe('9000');
    expect(verifyPin(card, '4444')).toBe('9000');
    const other = aid === AID.common ? AID.juki : AID.common;
    selectAp(card, other);
    selectEf(card, 0x001c);
    expect(verifyPin(card, '4444')).toBe('63C2');
  });

  it('answers 6A86 for P1 ≠ 00, 6982 for a JPKI PIN, 6A80 for a bad format', () => {
    const card = cardAtKey(AID.common, 0x001c);
    verifyPin(card, TEST_PINS.commonPin);
    expect(sw(card, `80 32 01 80 ${ascii('4444')}`)).toBe('6A86');
    expect(sw(card, `80 32 00 80 ${ascii('44444')}`)).toBe('6A80');
    const jpki = cardAtKey(AID.jpki, 0x0018);
    verifyPin(jpki, TEST_PINS.jpkiAuth);
    expect(sw(jpki, `80 32 00 80 ${ascii('4444')}`)).toBe('6982');
  });
});
