import { describe, expect, it } from 'vitest';
import { fromHex } from '../../../bytes';
import { SimulatedCard } from '../SimulatedCard';
import { AID, selectAp, selectEf, sw, verifyPin } from '../test-support/cardHarness';
import { TEST_PINS, testPersonalisation } from '../test-support/testPersonalisation';

const { personalisation } = await testPersonalisation();
const newCard = () => new SimulatedCard(personalisation);

describe('CLA byte (docs/card-reference.md §1, §2, §4)', () => {
  it.each(['01', '02', '03', '41', '4F', '81', '83'])('answers 6881 to a logical channel ≠ 0 (CLA %s)', (cla) => {
    expect(sw(newCard(), `${cla} A4 04 0C 0A ${AID.jpki}`)).toBe('6881');
  });

  it('refuses secure messaging: 6882 to SELECT, 69FC to READ BINARY and VERIFY under CLA 08/0C', () => {
    const card = newCard();
    expect(sw(card, `0C A4 04 0C 0A ${AID.jpki}`)).toBe('6882');
    expect(sw(card, `08 A4 04 0C 0A ${AID.jpki}`)).toBe('6882');
    selectAp(card, AID.text);
    selectEf(card, 0x0011);
    expect(sw(card, '08 B0 00 00 00')).toBe('69FC');
    expect(sw(card, '0C B0 00 00 00')).toBe('69FC');
    expect(sw(card, '08 20 00 80 04 32 34 36 38')).toBe('69FC');
    expect(sw(card, '0C 20 00 80')).toBe('69FC');
    // Nothing was verified or spent.
    expect(card.triesLeft('textPin')).toBe(3);
    expect(sw(card, '00 A4 02 0C 02 00 01')).toBe('9000');
    expect(sw(card, '00 B0 00 00 00')).toBe('6982');
  });

  it.each(['10', '20', '90', 'A0', 'C0', 'FF'])('answers 6E00 to an unknown class (CLA %s)', (cla) => {
    expect(sw(newCard(), `${cla} A4 04 0C 0A ${AID.jpki}`)).toBe('6E00');
  });
});

describe('INS byte', () => {
  it.each(['00 00 00 00', '00 0E 00 00', '00 CB 3F FF 03 5C 01 7E 08', '00 D6 00 00 01 00', '00 E0 00 00', '00 B1 00 00 00', '80 B0 00 00 00', '80 A4 04 0C 0A ' + AID.jpki, '00 32 00 80'])(
    'answers 6D00 to %s',
    (command) => {
      expect(sw(newCard(), command)).toBe('6D00');
    },
  );

  it('answers 6700 to the last-command indicator 80 FC 00 00 (docs/card-reference.md §2)', () => {
    expect(sw(newCard(), '80 FC 00 00')).toBe('6700');
    expect(sw(newCard(), '80 FC 00 00 00')).toBe('6700');
  });
});

describe('malformed and truncated commands (ISO 7816-4 §5.1)', () => {
  it.each([
    ['an empty command', ''],
    ['1 byte', '00'],
    ['3 bytes', '00 A4 04'],
    ['Lc longer than the data', '00 A4 04 0C 0A D3 92 F0'],
    ['Lc shorter than the data with 2 extra bytes', '00 A4 04 0C 02 00 01 00 00'],
    ['a 6-byte extended start', '00 B0 00 00 00 01'],
    ['an extended Lc of 0', '00 B0 00 00 00 00 00 00'],
    ['an extended Lc that does not match', '00 20 00 80 00 00 04 31 32'],
  ])('answers 6700 to %s', (_name, hex) => {
    const card = newCard();
    selectAp(card, AID.jpki);
    expect(sw(card, fromHex(hex))).toBe('6700');
  });

  it('never throws and always returns at least a status word, whatever the bytes', () => {
    const card = newCard();
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16;
    const interesting = [0x00, 0x80, 0x08, 0x0c, 0x01];
    const instructions = [0xa4, 0xb0, 0xb2, 0x20, 0x24, 0x84, 0x88, 0xca, 0xc0, 0x2a, 0x32, 0xae, 0xa2, 0xfc];
    for (let i = 0; i < 3000; i++) {
      const length = next() % 40;
      const bytes = Uint8Array.from({ length }, () => next() & 0xff);
      if (length > 0) bytes[0] = interesting[next() % interesting.length]!;
      if (length > 1) bytes[1] = instructions[next() % instructions.length]!;
      const response = card.respond(bytes);
      expect(response.length).toBeGreaterThanOrEqual(2);
      if (i % 200 === 0) card.reset();
    }
  });
});

describe('GET RESPONSE (ISO 7816-4 §11.6.4)', () => {
  it('answers 6985 with nothing pending, 6A86 for P1-P2 ≠ 0000, 6700 without Le', () => {
    const card = newCard();
    expect(sw(card, '00 C0 00 00 10')).toBe('6985');
    expect(sw(card, '00 C0 01 00 10')).toBe('6A86');
    expect(sw(card, '00 C0 00 00')).toBe('6700');
  });

  it('drops pending data when any other command comes first', () => {
    const card = newCard();
    expect(sw(card, `00 A4 04 00 0A ${AID.jpki}`)).toBe('610E');
    expect(sw(card, '00 84 00 00 08')).toBe('9000');
    expect(sw(card, '00 C0 00 00 0E')).toBe('6985');
  });
});

describe('SET SESSION KEY 80 AE and SET PUBLIC IC KEY 80 A2 (docs/card-reference.md §2, §7.8)', () => {
  const cryptogram = '00 01 00 ' + 'AB '.repeat(256);

  it('refuses SET SESSION KEY as each AP does: 66F1 in 共通/visual, 6982 in JPKI/住基', () => {
    const card = newCard();
    for (const [aid, expected] of [
      [AID.common, '66F1'],
      [AID.visual, '66F1'],
      [AID.jpki, '6982'],
      [AID.juki, '6982'],
    ] as const) {
      selectAp(card, aid);
      expect(sw(card, `80 AE 00 00 ${cryptogram}`)).toBe(expected);
    }
  });

  it('in the text AP: 6982 without the PIN, then 6A80 (no cryptogram can be opened), 6700 for a wrong size', () => {
    const card = newCard();
    selectAp(card, AID.text);
    expect(sw(card, `80 AE 00 00 ${cryptogram}`)).toBe('6982');
    selectEf(card, 0x0011);
    expect(verifyPin(card, TEST_PINS.textPin)).toBe('9000');
    expect(sw(card, `80 AE 00 00 ${cryptogram}`)).toBe('6A80');
    expect(sw(card, '80 AE 00 00 04 01 02 03 04')).toBe('6700');
    expect(sw(card, `80 AE 01 00 ${cryptogram}`)).toBe('6A86');
  });

  it('answers 6A86 to 80 A2 with other P1-P2 and 6A80 to a certificate it cannot check', () => {
    const card = newCard();
    selectAp(card, AID.jpki);
    expect(sw(card, '80 A2 00 00 02 7F 21')).toBe('6A86');
    expect(sw(card, '80 A2 00 B6 02 7F 21')).toBe('6A86');
    expect(sw(card, '80 A2 00 C1 02 5F 37')).toBe('6A80');
  });
});
