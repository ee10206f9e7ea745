import { ByteReader, MalformedDataError, concatBytes } from '../bytes';

/**
 * BER-TLV (ISO/IEC 7816-4 §5.2, ISO/IEC 8825-1) as the My Number Card writes it: lenient on
 * tags, because the card writes private tags in two-byte form even below 31 (`FF 10`, `DF 21`),
 * which strict DER parsers reject (docs/card-reference.md §11).
 */
export interface Tlv {
  /** The tag bytes as one number: `0x5A`, `0xFF10`, `0x7F21`, `0x5F4E`. */
  readonly tag: number;
  /** Bit 6 of the first tag byte. */
  readonly constructed: boolean;
  readonly value: Uint8Array;
  /** Absolute offset of the first tag byte. */
  readonly offset: number;
  /** Absolute offset of the first value byte. */
  readonly valueOffset: number;
  /** Absolute offset just past the value. */
  readonly end: number;
  /** The whole encoding, tag to end of value. */
  readonly raw: Uint8Array;
}

/** Reads one BER-TLV at the reader's position. Throws `MalformedDataError` on a bad encoding. */
export function readTlv(reader: ByteReader): Tlv {
  const start = reader.offset;
  const first = reader.u8();
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    // Subsequent tag bytes until one has bit 8 clear; three bytes in all is plenty for 7816.
    let more: number;
    let count = 1;
    do {
      more = reader.u8();
      tag = tag * 256 + more;
      count++;
      if (count > 3) throw reader.error('tag longer than 3 bytes');
    } while (more & 0x80);
  }
  const length = readLength(reader);
  const valueOffset = reader.offset;
  const value = reader.bytesOf(length);
  return {
    tag,
    constructed: (first & 0x20) !== 0,
    value,
    offset: start,
    valueOffset,
    end: valueOffset + length,
    raw: reader.view(start, valueOffset + length),
  };
}

function readLength(reader: ByteReader): number {
  const first = reader.u8();
  if (first < 0x80) return first;
  if (first === 0x80) throw reader.error('indefinite length is not allowed here');
  const count = first & 0x7f;
  if (count > 3) throw reader.error(`length of ${count} bytes is too large`);
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + reader.u8();
  return length;
}

/** Options for `parseTlvs`. */
export interface ParseTlvOptions {
  /** Offset of `bytes[0]` in the file, so errors and offsets are absolute. */
  readonly baseOffset?: number;
  /**
   * Stop at a `00` or `FF` byte where a tag would start: the filler after the last object in a
   * fixed-size card file (docs/card-reference.md §3, §11). Default true.
   */
  readonly stopAtFiller?: boolean;
}

/** Parses consecutive TLVs until the end of `bytes` (or filler). */
export function parseTlvs(bytes: Uint8Array, source: string, options: ParseTlvOptions = {}): Tlv[] {
  const reader = new ByteReader(bytes, source, options.baseOffset ?? 0);
  const stopAtFiller = options.stopAtFiller ?? true;
  const out: Tlv[] = [];
  while (!reader.atEnd) {
    const next = reader.peek();
    if (stopAtFiller && (next === 0x00 || next === 0xff)) {
      // FF is also the first byte of FF nn private tags; it is filler only if what follows is filler too.
      const following = bytes[reader.offset - (options.baseOffset ?? 0) + 1];
      if (next === 0x00 || following === undefined || following === 0xff) break;
    }
    out.push(readTlv(reader));
  }
  return out;
}

/** The children of a constructed TLV. */
export function childrenOf(tlv: Tlv, source: string): Tlv[] {
  return parseTlvs(tlv.value, source, { baseOffset: tlv.valueOffset, stopAtFiller: false });
}

/** The first TLV with `tag`, or `undefined`. */
export function findTlv(tlvs: readonly Tlv[], tag: number): Tlv | undefined {
  return tlvs.find((t) => t.tag === tag);
}

/** The tag number as its BER bytes (`0xFF10` → `FF 10`). */
function encodeTag(tag: number): Uint8Array {
  if (tag < 0 || !Number.isInteger(tag)) throw new RangeError(`bad tag ${tag}`);
  if (tag <= 0xff) return Uint8Array.of(tag);
  if (tag <= 0xffff) return Uint8Array.of(tag >> 8, tag & 0xff);
  if (tag <= 0xffffff) return Uint8Array.of(tag >> 16, (tag >> 8) & 0xff, tag & 0xff);
  throw new RangeError(`tag too large ${tag}`);
}

/**
 * How lengths are written. `minimal`: DER (`81 xx` for 128–255). `card`: the My Number Card's
 * habit of writing every length ≥ 0x80 as `82 HH LL` (docs/card-reference.md §7.6).
 */
export type LengthStyle = 'minimal' | 'card';

/** Encodes a BER length. */
function encodeLength(length: number, style: LengthStyle = 'minimal'): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  if (length <= 0xff && style === 'minimal') return Uint8Array.of(0x81, length);
  if (length <= 0xffff) return Uint8Array.of(0x82, length >> 8, length & 0xff);
  if (length <= 0xffffff) return Uint8Array.of(0x83, length >> 16, (length >> 8) & 0xff, length & 0xff);
  throw new RangeError(`length too large ${length}`);
}

/** Encodes one TLV. */
export function encodeTlv(tag: number, value: Uint8Array, style: LengthStyle = 'minimal'): Uint8Array {
  return concatBytes(encodeTag(tag), encodeLength(value.length, style), value);
}

/** A simple-TLV (ISO/IEC 7816-4 §5.2): one tag byte, length 1 byte or `FF HH LL`. */
export interface SimpleTlv {
  readonly tag: number;
  readonly value: Uint8Array;
  readonly offset: number;
}

/** Parses consecutive simple-TLVs (the record EFs of the 共通 and 住基 APs, docs/card-reference.md §9.2). */
export function parseSimpleTlvs(bytes: Uint8Array, source: string, baseOffset = 0): SimpleTlv[] {
  const reader = new ByteReader(bytes, source, baseOffset);
  const out: SimpleTlv[] = [];
  while (!reader.atEnd) {
    const offset = reader.offset;
    const tag = reader.u8();
    if (tag === 0x00 || tag === 0xff) throw new MalformedDataError(source, offset, `invalid simple-TLV tag ${tag}`);
    const first = reader.u8();
    const length = first === 0xff ? reader.u16() : first;
    out.push({ tag, value: reader.bytesOf(length), offset });
  }
  return out;
}

/** Encodes one simple-TLV. */
export function encodeSimpleTlv(tag: number, value: Uint8Array): Uint8Array {
  const length = value.length < 0xff ? Uint8Array.of(value.length) : Uint8Array.of(0xff, value.length >> 8, value.length & 0xff);
  return concatBytes(Uint8Array.of(tag), length, value);
}
