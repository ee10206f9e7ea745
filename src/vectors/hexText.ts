import { asciiBytes, fromHex, toHex, utf8Bytes } from '../bytes';

/**
 * Small helpers for writing transcripts by hand: text fields as the hex the card stores
 * (docs/card-reference.md §7.3 UTF-8 names, §2 ASCII PINs) and ranges of recorded responses (§3 chunks).
 */

/** ASCII text as spaced hex, as VERIFY carries a PIN (§2): `'1234'` → `31 32 33 34`. */
export function asciiHex(text: string): string {
  return toHex(asciiBytes(text));
}

/** UTF-8 text as spaced hex, as §7.3 stores names: `'見本'` → `E8 A6 8B E6 9C AC`. */
export function utf8Hex(text: string): string {
  return toHex(utf8Bytes(text));
}

/** Bytes `from` to `to` (exclusive) of recorded hex, as one spaced line for a `<=` response (§3 chunks). */
export function recordedHex(recorded: string, from: number, to: number): string {
  const bytes = fromHex(recorded);
  if (from < 0 || to > bytes.length || from >= to) throw new RangeError(`range ${from}..${to} outside ${bytes.length} recorded bytes`);
  return toHex(bytes.subarray(from, to));
}

