import { describe, expect, it } from 'vitest';
import { birthDateKey, cardExpiryFor, certificateExpiryFor, isUnderFifteen, verificationCodeB } from './credentials';

describe('credentials derived from the holder (docs/card-reference.md §10, §12)', () => {
  it('builds 照合番号B as 和暦 YYMMDD + expiry year + security code (the §10 example)', () => {
    expect(verificationCodeB('19800217', '20350217', '1234')).toBe('55021720351234');
    expect(verificationCodeB('19800217', '20350217', '1234')).toHaveLength(14);
  });

  it('refuses a malformed expiry or security code', () => {
    expect(() => verificationCodeB('19800217', '2035', '1234')).toThrow(RangeError);
    expect(() => verificationCodeB('19800217', '20350217', '123')).toThrow(RangeError);
  });

  it('takes the birth-date key as 和暦 YYMMDD', () => {
    expect(birthDateKey('20190501')).toBe('010501');
  });

  it('gives an adult a 10-birthday card, a minor a 5-birthday one, certificates always 5', () => {
    expect(cardExpiryFor('19850612', '20250701')).toBe('20350612');
    expect(cardExpiryFor('20080101', '20250701')).toBe('20300101'); // 17 at issuance: birthdays 2026…2030
    expect(cardExpiryFor('20070101', '20250701')).toBe('20350101'); // 18: ten birthdays, 2026…2035
    expect(cardExpiryFor('20080801', '20250701')).toBe('20290801'); // 16: the first is 2025-08-01, the fifth 2029
    expect(certificateExpiryFor('19850612', '20250701')).toBe('20300612');
  });

  it('knows who is under 15', () => {
    expect(isUnderFifteen('20160903', '20250701')).toBe(true);
    expect(isUnderFifteen('20100701', '20250701')).toBe(false);
  });
});
