import { describe, expect, it } from 'vitest';
import { toHex } from '../../bytes';
import { PINS, PIN_IDS, PinFormatError, describeFormat, pinsOf, validatePin, type PinId } from './pin';

// docs/card-reference.md §10 written out by hand: key EF, format, maximum tries.
const TABLE: readonly [PinId, string, number, string, number][] = [
  ['jpkiAuth', 'jpki', 0x0018, '4 digits', 3],
  ['jpkiSign', 'jpki', 0x001b, '6–16 letters A–Z and digits 0–9, at least one of each', 5],
  ['textPin', 'text', 0x0011, '4 digits', 3],
  ['textPinA', 'text', 0x0014, '12 digits', 10],
  ['textPinB', 'text', 0x0015, '14 digits', 10],
  ['visualBirth', 'visual', 0x0011, '6 digits', 10],
  ['visualPinA', 'visual', 0x0013, '12 digits', 10],
  ['visualPinB', 'visual', 0x0012, '14 digits', 10],
  ['commonPin', 'common', 0x001c, '4 digits', 3],
  ['jukiPin', 'juki', 0x001c, '4 digits', 3],
];

function formatError(pinId: PinId, input: string): PinFormatError {
  try {
    validatePin(pinId, input);
  } catch (error) {
    if (error instanceof PinFormatError) return error;
    throw error;
  }
  throw new Error(`"${pinId}" accepted an input it should refuse`);
}

describe('PIN table (docs/card-reference.md §10)', () => {
  it.each(TABLE)('%s lives in the %s AP at key EF %i, %s, %i tries', (id, applet, keyEf, format, maxTries) => {
    expect(PINS[id]).toMatchObject({ id, applet, keyEf, maxTries });
    expect(describeFormat(PINS[id].format)).toBe(format);
  });

  it('lists every credential exactly once, by applet', () => {
    expect([...PIN_IDS].sort()).toEqual(TABLE.map(([id]) => id).sort());
    expect(pinsOf('text')).toEqual(['textPin', 'textPinA', 'textPinB']);
    expect(pinsOf('visual')).toEqual(['visualBirth', 'visualPinA', 'visualPinB']);
  });
});

describe('validatePin', () => {
  it.each([
    ['jpkiAuth', '1234', '31 32 33 34'],
    ['textPinA', '123456789018', '31 32 33 34 35 36 37 38 39 30 31 38'],
    ['textPinB', '60061220354821', '36 30 30 36 31 32 32 30 33 35 34 38 32 31'],
    ['visualBirth', '600612', '36 30 30 36 31 32'],
  ] as const)('%s: returns the ASCII bytes the card compares', (id, input, hex) => {
    expect(toHex(validatePin(id, input))).toBe(hex);
  });

  it('upper-cases the sign password before checking it (§6.2)', () => {
    expect(toHex(validatePin('jpkiSign', 'myna2026'))).toBe('4D 59 4E 41 32 30 32 36');
    expect(toHex(validatePin('jpkiSign', 'A1B2C3D4E5F6G7H8'))).toBe('41 31 42 32 43 33 44 34 45 35 46 36 47 37 48 38');
  });

  it.each([
    ['jpkiAuth', '123', 'length'],
    ['jpkiAuth', '12345', 'length'],
    ['jpkiAuth', '12a4', 'characters'],
    ['jpkiAuth', '１２３４', 'characters'],
    ['textPin', '', 'length'],
    ['textPinA', '12345678901', 'length'],
    ['visualPinA', '1234567890 8', 'characters'],
    ['textPinB', '6006122035482', 'length'],
    ['visualBirth', '60-612', 'characters'],
    ['commonPin', '12 4', 'characters'],
    ['jukiPin', '98765', 'length'],
    ['jpkiSign', 'AB12', 'length'],
    ['jpkiSign', 'ABCDEFGH12345678X', 'length'],
    ['jpkiSign', 'MYNA-2026', 'characters'],
    ['jpkiSign', 'ＭＹＮＡ２０２６', 'characters'],
    ['jpkiSign', 'ABCDEFGH', 'needs-digit'],
    ['jpkiSign', '12345678', 'needs-letter'],
  ] as const)('%s refuses "%s" by rule %s, without echoing it', (id, input, rule) => {
    const error = formatError(id, input);
    expect(error.code).toBe('pin/format');
    expect(error.details).toMatchObject({ pinId: id, rule });
    if (input.length > 0) expect(error.message).not.toContain(input);
    expect(JSON.stringify(error.details)).not.toContain(input || '\u0000');
  });

  it('refuses an unknown PIN id', () => {
    expect(() => validatePin('nope' as PinId, '1234')).toThrow(RangeError);
  });

  it('refuses a value that is not a string (it crosses the worker boundary as data) with PinFormatError, not a TypeError', () => {
    for (const input of [undefined, null, 1234, ['1', '2', '3', '4']]) {
      expect(() => validatePin('jpkiAuth', input as unknown as string)).toThrow(PinFormatError);
    }
  });
});
