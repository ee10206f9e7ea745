import { describe, expect, it } from 'vitest';
import { decodeBase64 } from './base64';

describe('decodeBase64 (RFC 4648 §4)', () => {
  it('decodes the RFC 4648 §10 test vectors', () => {
    const text = (s: string): string => new TextDecoder().decode(decodeBase64(s));
    expect(text('')).toBe('');
    expect(text('Zg==')).toBe('f');
    expect(text('Zm8=')).toBe('fo');
    expect(text('Zm9v')).toBe('foo');
    expect(text('Zm9vYg==')).toBe('foob');
    expect(text('Zm9vYmE=')).toBe('fooba');
    expect(text('Zm9vYmFy')).toBe('foobar');
  });

  it('decodes every byte value, using + and /', () => {
    expect(Array.from(decodeBase64('AP8='))).toEqual([0x00, 0xff]);
    expect(Array.from(decodeBase64('+/+/'))).toEqual([0xfb, 0xff, 0xbf]);
  });

  it('refuses bad length, characters and misplaced padding', () => {
    expect(() => decodeBase64('Zm9')).toThrow(SyntaxError);
    expect(() => decodeBase64('Zm-v')).toThrow(SyntaxError); // base64url is not accepted
    expect(() => decodeBase64('Zg==Zm9v')).toThrow(SyntaxError);
    expect(() => decodeBase64('Z===')).toThrow(SyntaxError);
  });
});
