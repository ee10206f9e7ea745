import { encodeTlv } from '../../../apdu';
import { MalformedDataError, asciiBytes, concatBytes, fromHex, utf8Bytes } from '../../../bytes';

/**
 * Hand-built card bytes for decoder tests (docs/card-reference.md §7, §8, §11): the card's TLV habits
 * (two-byte private tags, `82 HH LL` from 0x80 up) spelled out, small recognisable contents.
 * Test support only.
 */

/** One TLV as the card writes it (§11). */
export function tlv(tag: number, ...value: readonly Uint8Array[]): Uint8Array {
  return encodeTlv(tag, concatBytes(...value), 'card');
}

/** ASCII text as bytes. */
export const ascii = asciiBytes;
/** UTF-8 text as bytes. */
export const utf8 = utf8Bytes;
/** Hex as bytes. */
export const hex = fromHex;

/** `count` bytes of `value`. */
export function filled(count: number, value: number): Uint8Array {
  return new Uint8Array(count).fill(value);
}

/** A 256-byte "modulus" with the top bit set, so it is 2048 bits long. */
export const MODULUS = Uint8Array.from({ length: 256 }, (_, i) => (i === 0 ? 0xc1 : (i * 37 + 11) & 0xff));

/** `90 03 01 00 01 91 82 01 00 <MODULUS>` (§11 RSA public keys). */
export const RSA_KEY_TLVS = concatBytes(tlv(0x90, hex('01 00 01')), tlv(0x91, MODULUS));

/** A PNG-signature-led stand-in image of `size` bytes (§8.2 DF25). */
export function png(size: number): Uint8Array {
  return concatBytes(hex('89 50 4E 47 0D 0A 1A 0A'), filled(size - 8, 0x11));
}

/** A JP2-signature-led stand-in image of `size` bytes (§8.2 DF27). */
export function jp2(size: number): Uint8Array {
  return concatBytes(hex('00 00 00 0C 6A 50 20 20 0D 0A 87 0A'), filled(size - 12, 0x22));
}

/** A 16-byte key ID `seven/three` (§7.5). */
export function keyIdBytes(seven: string, three: string): Uint8Array {
  return concatBytes(ascii(seven), hex('08 05'), ascii(three), filled(4, 0));
}

/** `outer { table, fields… }` with the DF21 offsets computed from where the fields land (§7.3, §11). */
export function withOffsets(outerTag: number, fields: readonly Uint8Array[]): Uint8Array {
  const table = 3 + 2 * fields.length;
  const valueLength = table + fields.reduce((n, f) => n + f.length, 0);
  const header = 2 + (valueLength < 0x80 ? 1 : 3);
  let at = header + table;
  const offsets = fields.map((f) => {
    const here = at;
    at += f.length;
    return Uint8Array.of(here >> 8, here & 0xff);
  });
  return tlv(outerTag, tlv(0xdf21, ...offsets), ...fields);
}

/** The `MalformedDataError` thrown by `run`, or a failure if it threw something else or nothing. */
export function malformed(run: () => unknown): MalformedDataError {
  try {
    run();
  } catch (error) {
    if (error instanceof MalformedDataError) return error;
    throw error;
  }
  throw new Error('expected MalformedDataError, nothing was thrown');
}
