import { describe, expect, it } from 'vitest';
import { SimulatedCard } from '../SimulatedCard';
import { AID, selectAp, selectEf, send, sw, verifyPin } from '../test-support/cardHarness';
import { TEST_PINS, testPersonalisation } from '../test-support/testPersonalisation';

const { personalisation } = await testPersonalisation();
const { jpki } = personalisation;

/**
 * Every PIN of docs/card-reference.md §10 with its AP, key EF, maximum tries and right value, written out
 * from the spec (not read from the layout).
 */
const PINS = [
  { pin: 'jpkiAuth', aid: AID.jpki, fid: 0x0018, max: 3, value: TEST_PINS.jpkiAuth },
  { pin: 'jpkiSign', aid: AID.jpki, fid: 0x001b, max: 5, value: TEST_PINS.jpkiSign! },
  { pin: 'textPin', aid: AID.text, fid: 0x0011, max: 3, value: TEST_PINS.textPin },
  { pin: 'textPinA', aid: AID.text, fid: 0x0014, max: 10, value: TEST_PINS.pinA },
  { pin: 'textPinB', aid: AID.text, fid: 0x0015, max: 10, value: TEST_PINS.pinB },
  { pin: 'visualBirth', aid: AID.visual, fid: 0x0011, max: 10, value: TEST_PINS.birthKey },
  { pin: 'visualPinB', aid: AID.visual, fid: 0x0012, max: 10, value: TEST_PINS.pinB },
  { pin: 'visualPinA', aid: AID.visual, fid: 0x0013, max: 10, value: TEST_PINS.pinA },
  { pin: 'commonPin', aid: AID.common, fid: 0x001c, max: 3, value: TEST_PINS.commonPin },
  { pin: 'jukiPin', aid: AID.juki, fid: 0x001c, max: 3, value: TEST_PINS.jukiPin },
] as const;

/** A wrong value of the same length and character set. */
function wrong(value: string): string {
  return value.slice(0, -1) + (value.endsWith('0') ? '1' : '0');
}

function tries(n: number): string {
  return `63C${n.toString(16).toUpperCase()}`;
}

describe.each(PINS)('VERIFY $pin (EF $fid, $max tries; docs/card-reference.md §2, §4, §10)', ({ pin, aid, fid, max, value }) => {
  function cardAtKey(options = {}): SimulatedCard {
    const card = new SimulatedCard(personalisation, options);
    selectAp(card, aid);
    selectEf(card, fid);
    return card;
  }

  it('answers the empty VERIFY with 63Cx = max, spending nothing, as often as asked', () => {
    const card = cardAtKey();
    for (let i = 0; i < 3; i++) expect(sw(card, '00 20 00 80')).toBe(tries(max));
    expect(card.triesLeft(pin)).toBe(max);
    expect(card.maxTries(pin)).toBe(max);
  });

  it('treats a 5-byte VERIFY with P3 = 00 (T=0 case 1) as the status query', () => {
    expect(sw(cardAtKey(), '00 20 00 80 00')).toBe(tries(max));
  });

  it('counts down on each wrong value, 63C0 on the try that blocks, then 6984 for any value and 63C0 for the query', () => {
    const card = cardAtKey();
    for (let left = max - 1; left >= 0; left--) {
      expect(verifyPin(card, wrong(value))).toBe(tries(left));
      expect(sw(card, '00 20 00 80')).toBe(tries(left));
    }
    expect(verifyPin(card, value)).toBe('6984');
    expect(verifyPin(card, wrong(value))).toBe('6984');
    expect(sw(card, '00 20 00 80')).toBe('63C0');
    expect(card.triesLeft(pin)).toBe(0);
  });

  it('accepts the right value with 9000 and resets the counter to the maximum', () => {
    const card = cardAtKey();
    expect(verifyPin(card, wrong(value))).toBe(tries(max - 1));
    expect(verifyPin(card, value)).toBe('9000');
    expect(sw(card, '00 20 00 80')).toBe(tries(max));
  });

  it('starts with the tries given in the options: one left, then blocked', () => {
    const one = cardAtKey({ triesLeft: { [pin]: 1 } });
    expect(sw(one, '00 20 00 80')).toBe('63C1');
    expect(verifyPin(one, wrong(value))).toBe('63C0');
    expect(verifyPin(one, value)).toBe('6984');
    const blocked = cardAtKey({ triesLeft: { [pin]: 0 } });
    expect(sw(blocked, '00 20 00 80')).toBe('63C0');
    expect(verifyPin(blocked, value)).toBe('6984');
  });

  it('verifies by SFI without a SELECT (P2 = 80|SFI)', () => {
    const card = new SimulatedCard(personalisation);
    selectAp(card, aid);
    const p2 = (0x80 | fid).toString(16).toUpperCase();
    expect(sw(card, `00 20 00 ${p2}`)).toBe(tries(max));
    const bytes = new TextEncoder().encode(value);
    const lc = bytes.length.toString(16).padStart(2, '0');
    expect(sw(card, `00 20 00 ${p2} ${lc} ${Array.from(bytes, (b) => b.toString(16)).join(' ')}`)).toBe('9000');
  });

  it('counts a value of the wrong length as a wrong value (docs/card-reference.md §10 unknown; conservative)', () => {
    const card = cardAtKey();
    expect(verifyPin(card, value + '1')).toBe(tries(max - 1));
    expect(verifyPin(card, value.slice(0, -1))).toBe(tries(max - 2));
  });

  it('keeps the counter across reset; a reset alone never restores tries', () => {
    const card = cardAtKey();
    verifyPin(card, wrong(value));
    card.reset();
    selectAp(card, aid);
    selectEf(card, fid);
    expect(sw(card, '00 20 00 80')).toBe(tries(max - 1));
  });
});

describe('VERIFY, special keys and malformed commands', () => {
  it('text 0012 is blocked from issuance: empty VERIFY 63C0, VERIFY 6984 (docs/card-reference.md §7.1)', () => {
    const card = new SimulatedCard(personalisation);
    selectAp(card, AID.text);
    selectEf(card, 0x0012);
    expect(sw(card, '00 20 00 80')).toBe('63C0');
    expect(verifyPin(card, '0000')).toBe('6984');
    expect(verifyPin(card, TEST_PINS.textPin)).toBe('6984');
    expect(card.triesLeft('textBlocked')).toBe(0);
  });

  it('answers 6986 without a current EF and 6981 on an EF that is not a PIN', () => {
    const card = new SimulatedCard(personalisation);
    selectAp(card, AID.jpki);
    expect(sw(card, '00 20 00 80')).toBe('6986');
    expect(verifyPin(card, '1234')).toBe('6986');
    selectEf(card, 0x000a);
    expect(verifyPin(card, '1234')).toBe('6981');
    selectEf(card, 0x0017);
    expect(sw(card, '00 20 00 80')).toBe('6981');
    expect(sw(card, '00 20 00 90 04 31 32 33 34')).toBe('6981');
  });

  it('answers 6A82 for an SFI without an EF and 6A86 for P1 ≠ 00 or a P2 that names no key', () => {
    const card = new SimulatedCard(personalisation);
    selectAp(card, AID.jpki);
    expect(sw(card, '00 20 00 83')).toBe('6A82');
    expect(sw(card, '00 20 01 98')).toBe('6A86');
    expect(sw(card, '00 20 00 00')).toBe('6A86');
    expect(sw(card, '00 20 00 9F')).toBe('6A86');
    expect(sw(card, '00 20 00 18 04 31 33 35 37')).toBe('6A86');
  });

  it('answers 6700 to a VERIFY announcing PIN bytes it does not carry, or with a length that fits no case', () => {
    const card = new SimulatedCard(personalisation);
    selectAp(card, AID.jpki);
    selectEf(card, 0x0018);
    expect(sw(card, '00 20 00 80 04')).toBe('6700');
    expect(sw(card, '00 20 00 80 04 31 33 35')).toBe('6700');
    expect(sw(card, '00 20 00 80 00 00 00')).toBe('6700');
    expect(card.triesLeft('jpkiAuth')).toBe(3);
  });

  it('does not spend a try on the query even for a key already verified in the session', () => {
    const card = new SimulatedCard(personalisation);
    selectAp(card, AID.jpki);
    selectEf(card, 0x0018);
    expect(verifyPin(card, TEST_PINS.jpkiAuth)).toBe('9000');
    expect(sw(card, '00 20 00 80')).toBe('63C3');
  });

  it('forgets an earlier verification of the same key after a wrong value', () => {
    const card = new SimulatedCard(personalisation);
    selectAp(card, AID.jpki);
    selectEf(card, 0x001b);
    expect(verifyPin(card, TEST_PINS.jpkiSign!)).toBe('9000');
    expect(send(card, '00 B0 81 00 04').data).toEqual(jpki.signCertificateEf!.slice(0, 4));
    // The SFI read made 0001 the current EF; VERIFY names the key by SFI instead.
    expect(sw(card, '00 20 00 9B 06 57 52 4F 4E 47 31')).toBe('63C4');
    expect(sw(card, '00 B0 81 00 04')).toBe('6982');
  });

  it('compares bytes exactly: the card does not fold lower case (docs/card-reference.md §6.2)', () => {
    const card = new SimulatedCard(personalisation);
    selectAp(card, AID.jpki);
    selectEf(card, 0x001b);
    expect(verifyPin(card, TEST_PINS.jpkiSign!.toLowerCase())).toBe('63C4');
  });

  it('keeps separate counters for the same holder value in two APs (照合番号A in text and visual)', () => {
    const card = new SimulatedCard(personalisation);
    selectAp(card, AID.text);
    selectEf(card, 0x0014);
    verifyPin(card, wrong(TEST_PINS.pinA));
    expect(card.triesLeft('textPinA')).toBe(9);
    expect(card.triesLeft('visualPinA')).toBe(10);
  });

  it('refuses initial tries outside 0..max', () => {
    expect(() => new SimulatedCard(personalisation, { triesLeft: { jpkiAuth: 4 } })).toThrow(RangeError);
    expect(() => new SimulatedCard(personalisation, { triesLeft: { jpkiSign: -1 } })).toThrow(RangeError);
  });
});
