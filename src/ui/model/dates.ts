import type { Language } from '../i18n/translate';

/**
 * Every date the app shows, in one place: the day in Japan time (the zone JPKI certificates and the
 * card's own dates are set in, docs/card-reference.md §12), in Japanese with its 和暦 era year
 * (令和7年7月1日, 昭和60年6月12日 — the era the card's birth-date key uses, §8.1) and in English as a
 * Gregorian date. The platform's calendar does the era arithmetic; we keep no era table of our own.
 */
const ZONE = 'Asia/Tokyo';

const DATE: Readonly<Record<Language, Intl.DateTimeFormat>> = {
  ja: new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { timeZone: ZONE, era: 'long', year: 'numeric', month: 'long', day: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: 'long', day: 'numeric' }),
};

const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

const ZONE_NAME: Readonly<Record<Language, string>> = { ja: '（日本時間）', en: ' JST' };

/** A calendar date as the card writes it (§7.3, §9.2): `YYYY-MM-DD`, no time of day. */
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An ISO instant (`2025-06-30T15:00:00.000Z`) or a calendar date (`1985-06-12`) as a moment: a
 * calendar date is that day in Japan, so it is read as Japan's midnight, never as UTC's. Null when
 * the text is neither.
 */
function instant(value: string): Date | null {
  const date = new Date(CALENDAR_DATE.test(value) ? `${value}T00:00:00+09:00` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The day `value` falls on in Japan: `令和7年7月1日` / `1 July 2025`. Text that is not a date is
 * returned as it is, so a malformed card field still shows what the card holds.
 */
export function formatDate(value: string, language: Language): string {
  const date = instant(value);
  return date ? DATE[language].format(date) : value;
}

/** An instant with its time of day in Japan: `令和8年11月23日 10:02:03（日本時間）` / `23 November 2026, 10:02:03 JST`. */
export function formatDateTime(value: string, language: Language): string {
  const date = instant(value);
  if (!date) return value;
  const separator = language === 'ja' ? ' ' : ', ';
  return `${DATE[language].format(date)}${separator}${TIME.format(date)}${ZONE_NAME[language]}`;
}
