import { MalformedDataError, asciiString, toHex } from '../../../bytes';
import { childrenOf, parseTlvs, type Tlv } from '../../../apdu';
import { isoDate } from '../shared/fields';

/**
 * Decoders of the card-level GET DATA objects (docs/card-reference.md §9.4). 0042/00F7 are key IDs
 * (`decodeKeyId`), 00F8/7F21 CV certificates (`decodeCvCertificateContent`/`decodeCvCertificate`).
 */

/** An ASCII object (docs/card-reference.md §9.4, 0045 card identification number): printable ASCII, checked. */
export function decodeAsciiObject(bytes: Uint8Array, source = 'card-level object'): string {
  const text = asciiString(bytes);
  const bad = text.search(/[^\x20-\x7e]/);
  if (bad >= 0 || text.length === 0) throw new MalformedDataError(source, Math.max(bad, 0), 'not printable ASCII');
  return text;
}

/** 00F0: 全国地方公共団体コード, 5 ASCII digits (docs/card-reference.md §9.4). */
export function decodeMunicipalityCode(bytes: Uint8Array, source = 'card-level object 00F0'): string {
  const text = asciiString(bytes);
  if (!/^\d{5}$/.test(text)) throw new MalformedDataError(source, 0, 'expected 5 ASCII digits');
  return text;
}

/** 00F2: card expiry, 8 ASCII digits `YYYYMMDD`, as ISO `YYYY-MM-DD` (docs/card-reference.md §9.4). */
export function decodeCardExpiry(bytes: Uint8Array, source = 'card-level object 00F2'): string {
  const iso = isoDate(asciiString(bytes));
  if (iso === null) throw new MalformedDataError(source, 0, 'expected a YYYYMMDD date');
  return iso;
}

/** 5F51: the contact ATR stored without TS (docs/card-reference.md §1, §9.4), shown with TS `3B` restored. */
export interface ContactAtrView {
  readonly atrHex: string;
  readonly storedHex: string;
}

/** Decodes GET DATA 5F51 (docs/card-reference.md §1): the card's own contact ATR, minus TS. */
export function decodeContactAtr(bytes: Uint8Array, source = 'card-level object 5F51'): ContactAtrView {
  if (bytes.length === 0) throw new MalformedDataError(source, 0, 'empty ATR');
  return { atrHex: toHex(Uint8Array.of(0x3b, ...bytes)), storedHex: toHex(bytes) };
}

/** 0066: GlobalPlatform card recognition data (docs/card-reference.md §9.4, OID arc 1.2.840.114283). */
export interface CardRecognitionView {
  /** Every OID found, with the tag of the TLV that holds it (`06` directly, or `60`, `63`, `64`…). */
  readonly entries: readonly { readonly tag: string; readonly oid: string }[];
}

/** Decodes `66 { 73 { 06 OID, 60 { 06 … }, 63 { 06 … }, 64 { 06 … } } }` (GlobalPlatform card recognition data). */
export function decodeCardRecognitionData(bytes: Uint8Array, source = 'card-level object 0066'): CardRecognitionView {
  const [outer] = parseTlvs(bytes, source);
  if (!outer || outer.tag !== 0x66) throw new MalformedDataError(source, 0, 'expected tag 66');
  const [inner] = childrenOf(outer, source);
  if (!inner || inner.tag !== 0x73) throw new MalformedDataError(source, outer.valueOffset, 'expected tag 73');
  const entries: { tag: string; oid: string }[] = [];
  for (const child of childrenOf(inner, source)) {
    const oidTlv = child.tag === 0x06 ? child : childrenOf(child, source).find((t) => t.tag === 0x06);
    if (!oidTlv) throw new MalformedDataError(source, child.valueOffset, 'expected an OID');
    entries.push({ tag: child.tag.toString(16).toUpperCase().padStart(2, '0'), oid: decodeOid(oidTlv, source) });
  }
  return { entries };
}

/**
 * An OBJECT IDENTIFIER's dotted form (ISO/IEC 8825-1 §8.19: base-128 subidentifiers, the first
 * holding the first two arcs), decoded here rather than with asn1js so the start-up chunk need not
 * carry it (issue "speed to the physical limit" §4).
 */
function decodeOid(tlv: Tlv, source: string): string {
  const bytes = tlv.value;
  if (bytes.length === 0) throw new MalformedDataError(source, tlv.offset, 'not an OBJECT IDENTIFIER: empty');
  const arcs: bigint[] = [];
  let value = 0n;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    value = (value << 7n) | BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(value);
      value = 0n;
    } else if (i === bytes.length - 1) {
      throw new MalformedDataError(source, tlv.valueOffset + i, 'not an OBJECT IDENTIFIER: last subidentifier cut short');
    }
  }
  const first = arcs[0]!;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}
