import { MalformedDataError, asciiString, toHex, utf8String } from '../../../bytes';
import { childrenOf, parseTlvs, type Tlv } from '../../../apdu';

/**
 * Field readers shared by the 券面-AP decoders (docs/card-reference.md §7, §8, §11). Each either
 * returns a checked value or throws `MalformedDataError` naming the file and the offset.
 */

/** The first TLV of a file, which must carry `tag` (§11: filler after it is ignored). */
export function outerTlv(bytes: Uint8Array, source: string, tag: number): Tlv {
  const [first] = parseTlvs(bytes, source);
  if (!first) throw new MalformedDataError(source, 0, `expected tag ${hexTag(tag)} but the file is empty`);
  if (first.tag !== tag) throw new MalformedDataError(source, first.offset, `expected tag ${hexTag(tag)}, found ${hexTag(first.tag)}`);
  return first;
}

/** The children of a constructed TLV, with absolute offsets (docs/card-reference.md §11). */
export function children(parent: Tlv, source: string): Tlv[] {
  if (!parent.constructed) throw new MalformedDataError(source, parent.offset, `tag ${hexTag(parent.tag)} is not constructed`);
  return childrenOf(parent, source);
}

/**
 * The TLVs inside a primitive private tag whose value is itself TLVs (the card writes `DF24`,
 * `DF12`, `DF51` around `90`/`91` keys, §8.2, §7.7), with absolute offsets.
 */
export function valueTlvs(tlv: Tlv, source: string): Tlv[] {
  return parseTlvs(tlv.value, source, { baseOffset: tlv.valueOffset, stopAtFiller: false });
}

/** The child with `tag` (§11); a missing one is reported at the end of its parent's value. */
export function requireTlv(tlvs: readonly Tlv[], tag: number, source: string, parent: Tlv): Tlv {
  const found = tlvs.find((t) => t.tag === tag);
  if (!found) throw new MalformedDataError(source, parent.end, `missing tag ${hexTag(tag)}`);
  return found;
}

/** The value of `tlv` as ASCII matching `pattern` (e.g. 8 digits for a date, §7.3 DF24). */
export function asciiField(tlv: Tlv, source: string, pattern: RegExp, what: string): string {
  const text = asciiString(tlv.value);
  if (!pattern.test(text)) throw new MalformedDataError(source, tlv.valueOffset, `${what} is not in the expected form`);
  return text;
}

/** The value of `tlv` as strict UTF-8 (names and addresses, §7.3). */
export function utf8Field(tlv: Tlv, source: string, what: string): string {
  try {
    return utf8String(tlv.value);
  } catch {
    throw new MalformedDataError(source, tlv.valueOffset, `${what} is not valid UTF-8`);
  }
}

/** The value of `tlv`, which must be exactly `length` bytes (fixed fields of §7.4–§8.2). */
export function fixedBytes(tlv: Tlv, source: string, length: number, what: string): Uint8Array {
  if (tlv.value.length !== length) {
    throw new MalformedDataError(source, tlv.valueOffset, `${what} must be ${length} bytes, found ${tlv.value.length}`);
  }
  return tlv.value;
}

/**
 * A Gregorian `YYYYMMDD` field (§7.3 DF24, §8.2 DF22/DF29) as an ISO date `YYYY-MM-DD`,
 * checked against the calendar.
 */
export function dateField(tlv: Tlv, source: string, what: string): string {
  const text = asciiField(tlv, source, /^\d{8}$/, what);
  const iso = isoDate(text);
  if (iso === null) throw new MalformedDataError(source, tlv.valueOffset, `${what} is not a calendar date`);
  return iso;
}

/** `YYYYMMDD` (the card's date form, §7.3, §9.2) → `YYYY-MM-DD`, or null when it names no real day. */
export function isoDate(yyyymmdd: string): string | null {
  if (!/^\d{8}$/.test(yyyymmdd)) return null;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** ISO 5218 sex codes as the card writes them (§7.3 DF25, §8.2 DF23). */
export type SexCode = '0' | '1' | '2' | '9';

/** A one-byte ISO 5218 sex field (§7.3): `1` male, `2` female, `9` not applicable, `0` unknown. */
export function sexField(tlv: Tlv, source: string): SexCode {
  return asciiField(tlv, source, /^[0129]$/, 'sex code') as SexCode;
}

/**
 * Where an offset table (DF21, §11) says the following TLVs are, against where they are: the
 * table holds one big-endian u16 per following object, as absolute file offsets.
 */
export interface OffsetTableCheck {
  readonly declared: readonly number[];
  readonly actual: readonly number[];
  readonly consistent: boolean;
}

/** Compares a DF21 table with the offsets of the TLVs after it (§7.3, §8.2, §11). */
export function checkOffsetTable(table: Tlv, following: readonly Tlv[], source: string): OffsetTableCheck {
  if (table.value.length % 2 !== 0) throw new MalformedDataError(source, table.valueOffset, 'offset table has an odd length');
  const declared: number[] = [];
  for (let i = 0; i < table.value.length; i += 2) declared.push((table.value[i]! << 8) | table.value[i + 1]!);
  const actual = following.slice(0, declared.length).map((t) => t.offset);
  const consistent = actual.length === declared.length && declared.every((offset, i) => offset === actual[i]);
  return { declared, actual, consistent };
}

/** Upper-case hex without separators, the form view models carry signatures and digests in (§7.4, §8.2). */
export function compactHex(bytes: Uint8Array): string {
  return toHex(bytes, '');
}

/** `0xFF20` → `FF20`, for messages about the card's private tags (§11). */
function hexTag(tag: number): string {
  return tag.toString(16).toUpperCase().padStart(tag > 0xff ? 4 : 2, '0');
}
