import { describe, expect, it } from 'vitest';
import { eraCodedDate, toWareki, warekiYymmdd } from './wareki';

describe('和暦 conversion (docs/card-reference.md §10, §12)', () => {
  it('matches the measured example: 1980-02-17 → 550217 (昭和55)', () => {
    expect(warekiYymmdd('19800217')).toBe('550217');
  });

  it.each([
    ['19890107', '昭和', 64, '640107'],
    ['19890108', '平成', 1, '010108'],
    ['20190430', '平成', 31, '310430'],
    ['20190501', '令和', 1, '010501'],
    ['19261224', '大正', 15, '151224'],
    ['19261225', '昭和', 1, '011225'],
    ['19120729', '明治', 45, '450729'],
    ['19120730', '大正', 1, '010730'],
  ])('%s is %s %i (%s) at the era boundary', (date, era, year, yymmdd) => {
    expect(toWareki(date)).toMatchObject({ era, eraYear: year });
    expect(warekiYymmdd(date)).toBe(yymmdd);
  });

  it('writes the SAN date of birth as era code + Gregorian date', () => {
    expect(eraCodedDate('19900102')).toBe('419900102'); // the §12 example: 4 = 平成
    expect(eraCodedDate('19850612')).toBe('319850612');
    expect(eraCodedDate('20200101')).toBe('520200101');
    expect(eraCodedDate('19000101')).toBe('119000101');
    expect(eraCodedDate('19200101')).toBe('219200101');
  });

  it('refuses dates before the Gregorian calendar in Japan and malformed dates', () => {
    expect(() => toWareki('18721231')).toThrow(RangeError);
    expect(() => toWareki('19890230')).toThrow(RangeError);
    expect(() => toWareki('1989-01-08')).toThrow(RangeError);
  });
});
