import type { MessageKey } from '../i18n/en';

/** A catalog key and its values: what a status word means, for the UI to say in the chosen language. */
export interface StatusWordText {
  readonly key: MessageKey;
  readonly values?: Record<string, number>;
}

/** The status words MynaLens meets (ISO/IEC 7816-4 §5.6, JICSAP Table 25; docs/card-reference.md §4) that have a catalog entry of their own. */
const KNOWN = new Set([
  '9000', '6282', '6300', '6581', '66F1', '6700', '6881', '6882', '6981', '6982', '6983', '6984', '6985', '6986', '6987', '6988',
  '69FC', '6A80', '6A81', '6A82', '6A83', '6A86', '6A88', '6B00', '6D00', '6E00', '6F00',
]);

/**
 * What the log row's status word means, as a catalog key (docs/card-reference.md §4): the engine
 * sends the status word, the UI says it — so each language is only a catalog. `null` (no answer:
 * the exchange failed) reads as such.
 */
export function statusWordText(sw: string | null): StatusWordText {
  if (sw === null) return { key: 'sw.noAnswer' };
  const word = sw.toUpperCase();
  if (KNOWN.has(word)) return { key: `sw.${word}` as MessageKey };
  const value = parseInt(word, 16);
  const high = value >> 8;
  const low = value & 0xff;
  if ((value & 0xfff0) === 0x63c0) return { key: 'sw.63Cx', values: { count: value & 0x0f } };
  if (high === 0x61) return { key: 'sw.61xx', values: { count: low || 256 } };
  if (high === 0x6c) return { key: 'sw.6Cxx', values: { count: low || 256 } };
  if (high === 0x62 || high === 0x63) return { key: 'sw.warning' };
  return { key: 'sw.error' };
}
