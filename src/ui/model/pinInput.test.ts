import { describe, expect, it } from 'vitest';
import { checkPin } from './pinInput';
import { groupMyNumber, maskMyNumber } from './myNumberMask';
import { toPem } from './download';

const FOUR = { kind: 'digits', length: 4 } as const;
const SIGN = { kind: 'alphanumeric', minLength: 6, maxLength: 16, needsLetter: true, needsDigit: true } as const;

describe('checkPin', () => {
  it('accepts exactly n digits and names what is wrong otherwise', () => {
    expect(checkPin(FOUR, '1234')).toEqual({ value: '1234', problem: null });
    expect(checkPin(FOUR, '').problem).toBe('empty');
    expect(checkPin(FOUR, '12a').problem).toBe('notDigits');
    expect(checkPin(FOUR, '123').problem).toBe('length');
    expect(checkPin(FOUR, '12345').problem).toBe('length');
  });
  it('upper-cases the signature password and needs a letter and a digit within 6–16', () => {
    expect(checkPin(SIGN, 'myna2026')).toEqual({ value: 'MYNA2026', problem: null });
    expect(checkPin(SIGN, 'MYNA2').problem).toBe('length');
    expect(checkPin(SIGN, 'ABCDEFG').problem).toBe('needsDigit');
    expect(checkPin(SIGN, '1234567').problem).toBe('needsLetter');
    expect(checkPin(SIGN, 'MYNA-2026').problem).toBe('charset');
    expect(checkPin(SIGN, 'A1'.repeat(9)).problem).toBe('length');
  });
});

describe('My Number display', () => {
  it('masks all but the last four digits and groups the revealed number as on the card', () => {
    expect(maskMyNumber('123456789018')).toBe('●●●● ●●●● 9018');
    expect(groupMyNumber('123456789018')).toBe('1234 5678 9018');
    expect(maskMyNumber('bad')).not.toContain('bad');
  });
});

describe('toPem', () => {
  it('wraps base64 at 64 characters between the certificate labels', () => {
    const pem = toPem('A'.repeat(100));
    expect(pem.split('\n')).toEqual(['-----BEGIN CERTIFICATE-----', 'A'.repeat(64), 'A'.repeat(36), '-----END CERTIFICATE-----', '']);
  });
});
