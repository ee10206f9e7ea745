import { describe, expect, it } from 'vitest';
import { fromBase64, fromBase64Url, toBase64, toBase64Url } from './base64';

const ascii = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

// RFC 4648 §10 test vectors, written out by hand.
const RFC_VECTORS: readonly [string, string][] = [
  ['', ''],
  ['f', 'Zg=='],
  ['fo', 'Zm8='],
  ['foo', 'Zm9v'],
  ['foob', 'Zm9vYg=='],
  ['fooba', 'Zm9vYmE='],
  ['foobar', 'Zm9vYmFy'],
];

describe('base64 (RFC 4648 §4)', () => {
  it('encodes and decodes the RFC 4648 §10 vectors', () => {
    for (const [plain, encoded] of RFC_VECTORS) {
      expect(toBase64(ascii(plain))).toBe(encoded);
      expect(text(fromBase64(encoded))).toBe(plain);
    }
  });

  it('uses + and / for 62 and 63, and keeps every byte value', () => {
    expect(toBase64(Uint8Array.of(0xfb, 0xff, 0xbf))).toBe('+/+/');
    expect(Array.from(fromBase64('AP8='))).toEqual([0x00, 0xff]);
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase64(toBase64(all))).toEqual(all);
  });

  it('refuses a bad length, a bad character and misplaced padding', () => {
    expect(() => fromBase64('Zm9')).toThrow(SyntaxError);
    expect(() => fromBase64('Zm-v')).toThrow(/"-" at position 2/);
    expect(() => fromBase64('Zg==Zm9v')).toThrow(SyntaxError);
    expect(() => fromBase64('Z===')).toThrow(SyntaxError);
    expect(() => fromBase64('====')).toThrow(SyntaxError);
  });
});

describe('base64url (RFC 4648 §5)', () => {
  it('uses - and _ and writes no padding', () => {
    expect(toBase64Url(Uint8Array.of(0xfb, 0xff, 0xbf))).toBe('-_-_');
    expect(toBase64Url(ascii('f'))).toBe('Zg');
    // The JWK exponent 65537 as RFC 7518 §6.3.1 writes it.
    expect(toBase64Url(Uint8Array.of(0x01, 0x00, 0x01))).toBe('AQAB');
  });

  it('decodes with or without padding and refuses the standard alphabet', () => {
    expect(Array.from(fromBase64Url('AQAB'))).toEqual([1, 0, 1]);
    expect(text(fromBase64Url('Zm8'))).toBe('fo');
    expect(text(fromBase64Url('Zm8='))).toBe('fo');
    expect(() => fromBase64Url('+/+/')).toThrow(SyntaxError);
    expect(() => fromBase64Url('Zm9vY')).toThrow(SyntaxError);
  });
});
