import { parseYmd } from './calendar';

/**
 * 和暦 (Japanese era) conversion for the two places the card uses it: the 照合番号B and the
 * visual-AP birth-date key take the DOB as era-year `YYMMDD` (docs/card-reference.md §10, §8.1 EF 0011),
 * and the JPKI signature certificate writes the DOB as `EYYYYMMDD` with an era-code digit
 * (docs/card-reference.md §12).
 */

/** The five modern eras, with the code digit of docs/card-reference.md §12 (1 明治 … 5 令和). */
export type EraName = '明治' | '大正' | '昭和' | '平成' | '令和';

interface Era {
  readonly name: EraName;
  readonly code: 1 | 2 | 3 | 4 | 5;
  /** First day of the era, `YYYYMMDD` Gregorian. */
  readonly firstDay: string;
  /** Gregorian year of the era's year 1. */
  readonly firstYear: number;
}

// Newest first, so the first era whose first day is not after the date is the right one.
// 明治 is only supported from 1873-01-01, when Japan adopted the Gregorian calendar: before that
// a Gregorian YYYYMMDD does not correspond to the lunisolar date written in 明治 years.
const ERAS: readonly Era[] = [
  { name: '令和', code: 5, firstDay: '20190501', firstYear: 2019 },
  { name: '平成', code: 4, firstDay: '19890108', firstYear: 1989 },
  { name: '昭和', code: 3, firstDay: '19261225', firstYear: 1926 },
  { name: '大正', code: 2, firstDay: '19120730', firstYear: 1912 },
  { name: '明治', code: 1, firstDay: '18730101', firstYear: 1868 },
];

/** A date expressed in its era: 1989-01-07 → 昭和 64, 1989-01-08 → 平成 1. */
export interface WarekiDate {
  readonly era: EraName;
  readonly eraCode: 1 | 2 | 3 | 4 | 5;
  readonly eraYear: number;
  readonly month: number;
  readonly day: number;
}

/** Converts a Gregorian `YYYYMMDD` to its era (docs/card-reference.md §10: "昭和55 → 55"). */
export function toWareki(date: string): WarekiDate {
  const { year, month, day } = parseYmd(date);
  const era = ERAS.find((e) => e.firstDay <= date);
  if (era === undefined) throw new RangeError(`${date} is before 1873-01-01 (Gregorian calendar in Japan)`);
  return { era: era.name, eraCode: era.code, eraYear: year - era.firstYear + 1, month, day };
}

/**
 * Era-year `YYMMDD`, the form of the visual-AP birth-date key and the first six digits of
 * 照合番号B (docs/card-reference.md §10; myna-card: 1980-02-17 → `550217`).
 */
export function warekiYymmdd(date: string): string {
  const w = toWareki(date);
  // Every era so far is shorter than 100 years; a 3-digit era year cannot be written in YY.
  if (w.eraYear > 99) throw new RangeError(`era year ${w.eraYear} does not fit in two digits`);
  return two(w.eraYear) + two(w.month) + two(w.day);
}

/**
 * `EYYYYMMDD`: the era-code digit followed by the Gregorian date — the DOB value in the JPKI
 * signature certificate's subjectAltName (docs/card-reference.md §12, e.g. `4` + `19900102`).
 */
export function eraCodedDate(date: string): string {
  return String(toWareki(date).eraCode) + date;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}
