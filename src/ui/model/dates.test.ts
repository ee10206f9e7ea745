import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dates';

describe('dates in Japan time (docs/card-reference.md §12: validity ends 23:59:59 JST)', () => {
  it('shows an instant of 15:00 UTC as the next day in Japan, in 和暦 and in English', () => {
    expect(formatDate('2025-06-30T15:00:00.000Z', 'ja')).toBe('令和7年7月1日');
    expect(formatDate('2025-06-30T15:00:00.000Z', 'en')).toBe('1 July 2025');
    expect(formatDate('2030-06-12T14:59:59.000Z', 'ja')).toBe('令和12年6月12日');
    expect(formatDate('2030-06-12T14:59:59.000Z', 'en')).toBe('12 June 2030');
  });

  it('gives a birth date its era year, never the era alone', () => {
    expect(formatDate('1985-06-12', 'ja')).toBe('昭和60年6月12日');
    expect(formatDate('1985-06-12', 'en')).toBe('12 June 1985');
  });

  it('reads a calendar date as that day in Japan, in any zone the browser runs in', () => {
    // A date-only string is UTC midnight to `Date`; read in a zone west of UTC it would fall on the day before.
    expect(formatDate('2025-07-01', 'ja')).toBe('令和7年7月1日');
    expect(formatDate('2025-07-01', 'en')).toBe(formatDate('2025-06-30T15:00:00.000Z', 'en'));
  });

  it('turns the era at the day the platform calendar says (元年 included)', () => {
    expect(formatDate('1989-01-07', 'ja')).toBe('昭和64年1月7日');
    expect(formatDate('1989-01-08', 'ja')).toBe('平成元年1月8日');
    expect(formatDate('2019-04-30', 'ja')).toBe('平成31年4月30日');
    expect(formatDate('2019-05-01', 'ja')).toBe('令和元年5月1日');
  });

  it('shows an instant with its Japan time of day', () => {
    expect(formatDateTime('2026-11-23T01:02:03.000Z', 'ja')).toBe('令和8年11月23日 10:02:03（日本時間）');
    expect(formatDateTime('2026-11-23T01:02:03.000Z', 'en')).toBe('23 November 2026, 10:02:03 JST');
    expect(formatDateTime('2025-06-30T15:00:00.000Z', 'en')).toBe('1 July 2025, 00:00:00 JST');
  });

  it('leaves text that is not a date as the card wrote it', () => {
    expect(formatDate('319851399', 'ja')).toBe('319851399');
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });
});
