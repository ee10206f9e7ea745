import { describe, expect, it } from 'vitest';
import { asciiBytes, asciiString, bytesEqual, concatBytes, startsWith, u16be, u32le, utf8String, wipe } from './bytes';
import { fromHex, hex16, toHex } from './hex';

describe('hex', () => {
  it('formats upper-case with a separator and parses the forms specs use', () => {
    expect(toHex(Uint8Array.of(0x00, 0xa4, 0x0f))).toBe('00 A4 0F');
    expect(toHex(Uint8Array.of(0xde, 0xad), '')).toBe('DEAD');
    expect(Array.from(fromHex('3b:e0 00_ff\n81'))).toEqual([0x3b, 0xe0, 0x00, 0xff, 0x81]);
    expect(hex16(0x6982)).toBe('6982');
  });

  it('rejects odd length and non-hex characters with the position', () => {
    expect(() => fromHex('ABC')).toThrow(/odd/);
    expect(() => fromHex('0G')).toThrow(/"G" at position 1/);
  });
});

describe('byte helpers', () => {
  it('concatenates, compares and checks prefixes', () => {
    const joined = concatBytes(fromHex('01 02'), new Uint8Array(0), fromHex('03'));
    expect(toHex(joined)).toBe('01 02 03');
    expect(bytesEqual(joined, fromHex('010203'))).toBe(true);
    expect(bytesEqual(joined, fromHex('010204'))).toBe(false);
    expect(startsWith(joined, fromHex('0102'))).toBe(true);
    expect(startsWith(fromHex('01'), fromHex('0102'))).toBe(false);
  });

  it('writes integers in the byte order each protocol uses', () => {
    expect(toHex(u16be(0x000a))).toBe('00 0A');
    expect(toHex(u32le(0x12345678))).toBe('78 56 34 12');
  });

  it('refuses non-ASCII text for ASCII fields', () => {
    expect(toHex(asciiBytes('1234'))).toBe('31 32 33 34');
    expect(asciiString(fromHex('4A 50 4B 49'))).toBe('JPKI');
    expect(() => asciiBytes('１')).toThrow(RangeError);
  });

  it('decodes UTF-8 strictly', () => {
    expect(utf8String(fromHex('E8 A6 8B E6 9C AC'))).toBe('見本');
    expect(() => utf8String(fromHex('E8 A6'))).toThrow();
  });

  it('wipes secrets in place', () => {
    const pin = asciiBytes('1234');
    wipe(pin);
    expect(Array.from(pin)).toEqual([0, 0, 0, 0]);
  });
});
