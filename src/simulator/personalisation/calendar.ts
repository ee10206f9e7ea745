/**
 * Gregorian dates as the card writes them: `YYYYMMDD` ASCII digits (docs/card-reference.md §7.3 DF24,
 * §8.2 DF22/DF29, §9.2). Pure helpers for issuance; no time zones, no `Date` parsing of strings.
 */

/** A calendar date split into numbers. */
export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days in `month` (1–12) of `year`, Gregorian leap rule. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Gregorian leap year. */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Parses `YYYYMMDD` (docs/card-reference.md §7.3); throws `RangeError` on anything that is not a real date. */
export function parseYmd(text: string): Ymd {
  if (!/^\d{8}$/.test(text)) throw new RangeError(`not a YYYYMMDD date: "${text}"`);
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(4, 6));
  const day = Number(text.slice(6, 8));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`no such date: "${text}"`);
  }
  return { year, month, day };
}

/** Formats a date as `YYYYMMDD`. */
export function formatYmd(date: Ymd): string {
  return (
    String(date.year).padStart(4, '0') + String(date.month).padStart(2, '0') + String(date.day).padStart(2, '0')
  );
}

/**
 * The `n`-th birthday strictly after `after` (both `YYYYMMDD`): the card's expiry is the 10th
 * (adult) or 5th (under 18) birthday after issuance, and a JPKI certificate's the 5th
 * (docs/card-reference.md §12 "Validity"). A 29 February birthday falls on 28 February in common years —
 * our choice; the sources do not say.
 */
export function nthBirthdayAfter(birthDate: string, after: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  const birth = parseYmd(birthDate);
  const start = parseYmd(after);
  const birthdayIn = (year: number): string =>
    formatYmd({ year, month: birth.month, day: Math.min(birth.day, daysInMonth(year, birth.month)) });
  let year = start.year;
  if (birthdayIn(year) <= after) year++;
  return birthdayIn(year + n - 1);
}

/** Whole years of age on `on` (both `YYYYMMDD`), counting a birthday as reached on the day itself. */
export function ageOn(birthDate: string, on: string): number {
  const birth = parseYmd(birthDate);
  const day = parseYmd(on);
  const hadBirthday = day.month > birth.month || (day.month === birth.month && day.day >= birth.day);
  return day.year - birth.year - (hadBirthday ? 0 : 1);
}
