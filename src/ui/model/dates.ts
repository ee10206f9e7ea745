const DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });
const DATE_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** An ISO instant as `YYYY-MM-DD` in Japan time, the zone JPKI certificate dates are set in (docs/card-reference.md §12). */
export function jstDate(iso: string): string {
  return DATE.format(new Date(iso));
}

/** An ISO instant as `YYYY-MM-DD hh:mm:ss JST`. */
export function jstDateTime(iso: string): string {
  return `${DATE_TIME.format(new Date(iso))} JST`;
}
