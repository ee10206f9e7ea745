import { describe, expect, it } from 'vitest';
import { isValidMyNumber, myNumberCheckDigit, withCheckDigit } from './myNumber';

describe('My Number check digit (docs/card-reference.md §7.2)', () => {
  it('computes the worked example by hand: 12345678901 → Σ = 212, r = 3, check 8', () => {
    // 1·6 + 2·5 + 3·4 + 4·3 + 5·2 + 6·7 + 7·6 + 8·5 + 9·4 + 0·3 + 1·2 = 212; 212 mod 11 = 3; 11 − 3 = 8
    expect(myNumberCheckDigit('12345678901')).toBe(8);
    expect(withCheckDigit('12345678901')).toBe('123456789018');
  });

  it('gives 0 when the remainder is 0 or 1', () => {
    expect(myNumberCheckDigit('00000000000')).toBe(0); // r = 0
    // 10000000000: 1·6 = 6 → r = 6 → 5; 00000100000: 1·7 = 7 → 4; 00000000006: 6·2 = 12 → r = 1 → 0
    expect(myNumberCheckDigit('10000000000')).toBe(5);
    expect(myNumberCheckDigit('00000100000')).toBe(4);
    expect(myNumberCheckDigit('00000000006')).toBe(0);
  });

  it('validates whole numbers', () => {
    expect(isValidMyNumber('123456789018')).toBe(true);
    expect(isValidMyNumber('123456789017')).toBe(false);
    expect(isValidMyNumber('12345678901')).toBe(false);
    expect(isValidMyNumber('12345678901A')).toBe(false);
  });

  it('refuses input that is not eleven digits', () => {
    expect(() => myNumberCheckDigit('1234567890')).toThrow(RangeError);
    expect(() => myNumberCheckDigit('1234567890x')).toThrow(RangeError);
  });
});
