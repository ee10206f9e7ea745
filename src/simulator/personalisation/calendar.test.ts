import { describe, expect, it } from 'vitest';
import { ageOn, formatYmd, nthBirthdayAfter, parseYmd } from './calendar';

describe('YYYYMMDD dates (docs/card-reference.md §7.3 DF24, §12 validity)', () => {
  it('parses and formats real dates only', () => {
    expect(parseYmd('20240229')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(formatYmd({ year: 985, month: 6, day: 1 })).toBe('09850601');
    expect(() => parseYmd('20230229')).toThrow(RangeError);
    expect(() => parseYmd('20231301')).toThrow(RangeError);
    expect(() => parseYmd('2023011')).toThrow(RangeError);
  });

  it('counts birthdays strictly after the start date', () => {
    expect(nthBirthdayAfter('19850612', '20250701', 10)).toBe('20350612');
    expect(nthBirthdayAfter('19850612', '20250601', 1)).toBe('20250612');
    expect(nthBirthdayAfter('19850612', '20250612', 1)).toBe('20260612'); // the birthday itself does not count
    expect(nthBirthdayAfter('20160903', '20250701', 5)).toBe('20290903');
  });

  it('puts a 29 February birthday on 28 February in common years', () => {
    expect(nthBirthdayAfter('20000229', '20250101', 1)).toBe('20250228');
    expect(nthBirthdayAfter('20000229', '20250101', 4)).toBe('20280229');
  });

  it('computes age in whole years', () => {
    expect(ageOn('19850612', '20250701')).toBe(40);
    expect(ageOn('20160903', '20250701')).toBe(8);
    expect(ageOn('20100702', '20250701')).toBe(14);
    expect(ageOn('20100701', '20250701')).toBe(15);
  });

  it('refuses a non-positive count', () => {
    expect(() => nthBirthdayAfter('19850612', '20250701', 0)).toThrow(RangeError);
  });
});
