import { MalformedDataError, concatBytes } from '../../bytes';
import { SW, StatusWordError, iso7816, type ApduChannel } from '../../apdu';
import type { FileLayout } from './exposureTypes';

/** Short READ BINARY returns at most 256 bytes (docs/card-reference.md §2). */
const SHORT_CHUNK = 256;
/** P1-P2 carry a 15-bit offset, so no EF is read past 0x7FFF (docs/card-reference.md §3). */
const MAX_EF_BYTES = 0x8000;

/**
 * Reads the current transparent EF with the fewest APDUs the card reference allows (§3):
 * `fixed` files in one READ BINARY of their size; `tlv` files by a header read, then exactly
 * the bytes the header declares — in one extended READ BINARY where the channel passes
 * extended APDUs, else in chunks that end on 256-byte boundaries (§13.3: `00 B0 00 04 FC`,
 * `00 B0 01 00 00`, …, the last one with the exact remainder). An EF holding only filler
 * where the object would start (a certificate that was never issued) reads as no bytes.
 */
export async function readTransparent(channel: ApduChannel, layout: FileLayout, file: string): Promise<Uint8Array> {
  if (layout.kind === 'fixed') return channel.send(iso7816.readBinary(0, layout.size));
  if (layout.kind !== 'tlv') throw new RangeError(`${file} is not a transparent EF MynaLens reads`);
  const header = await channel.send(iso7816.readBinary(0, layout.headerBytes));
  if (header.length === 0 || header.every((b) => b === layout.filler)) return new Uint8Array(0);
  const total = declaredLength(header, layout.tag, file);
  if (total <= header.length) return header.slice(0, total);
  return concatBytes(header, await readRange(channel, header.length, total, file));
}

/**
 * The rest of a `tlv` EF after a first read of up to `asked` bytes from offset 0 (§3: the SFI
 * READ with Le = 00, or the layout's size on an extended path, that also selects the EF): the
 * object's bytes when the first read already holds them, else those bytes and exactly the rest
 * of the current EF — one extended READ BINARY where the channel passes extended APDUs, else
 * 256-byte steps. Filler where the object would start reads as no bytes, as in `readTransparent`.
 */
export async function readRestAfterFirst(
  channel: ApduChannel,
  first: Uint8Array,
  asked: number,
  layout: FileLayout & { kind: 'tlv' },
  file: string,
): Promise<Uint8Array> {
  const header = first.subarray(0, layout.headerBytes);
  if (header.length === 0 || header.every((b) => b === layout.filler)) return new Uint8Array(0);
  const total = declaredLength(first, layout.tag, file);
  if (total <= first.length) return first.slice(0, total);
  // A short answer means the EF ended there (§3 "Short reads"), before the object did.
  if (first.length < asked) throw new MalformedDataError(file, first.length, 'the file ends before the length its header declares');
  return concatBytes(first, await readRange(channel, first.length, total, file));
}

/**
 * The length of the object a header announces: tag bytes + length bytes + value length
 * (BER, docs/card-reference.md §11: one byte below 0x80, else `81 LL` or `82 HH LL`).
 */
export function declaredLength(header: Uint8Array, expectedTag: number, file: string): number {
  const first = header[0]!;
  const tagBytes = (first & 0x1f) === 0x1f ? 2 : 1;
  if (header.length < tagBytes + 1) throw new MalformedDataError(file, header.length, 'header too short');
  const tag = tagBytes === 2 ? (first << 8) | header[1]! : first;
  if (tag !== expectedTag) {
    throw new MalformedDataError(file, 0, `expected tag ${expectedTag.toString(16).toUpperCase()}, found ${tag.toString(16).toUpperCase()}`);
  }
  const lengthByte = header[tagBytes]!;
  let lengthBytes = 1;
  let valueLength = lengthByte;
  if (lengthByte >= 0x80) {
    const count = lengthByte & 0x7f;
    if (count < 1 || count > 2) throw new MalformedDataError(file, tagBytes, `unsupported length form ${lengthByte.toString(16)}`);
    if (header.length < tagBytes + 1 + count) throw new MalformedDataError(file, header.length, 'header too short for its length');
    valueLength = 0;
    for (let i = 0; i < count; i++) valueLength = valueLength * 256 + header[tagBytes + 1 + i]!;
    lengthBytes = 1 + count;
  }
  const total = tagBytes + lengthBytes + valueLength;
  if (total > MAX_EF_BYTES) throw new MalformedDataError(file, tagBytes, `declares ${total} bytes, more than an EF can hold`);
  return total;
}

async function readRange(channel: ApduChannel, from: number, to: number, file: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let offset = from;
  while (offset < to) {
    const end = channel.extendedLength ? to : Math.min(to, (Math.floor(offset / SHORT_CHUNK) + 1) * SHORT_CHUNK);
    let chunk: Uint8Array;
    try {
      chunk = await channel.send(iso7816.readBinary(offset, end - offset));
    } catch (error) {
      // 6B00: the EF ends before the length its header declared.
      if (error instanceof StatusWordError && error.sw === SW.WRONG_P1P2_OFFSET) {
        throw new MalformedDataError(file, offset, 'the file ends before the length its header declares');
      }
      throw error;
    }
    if (chunk.length < end - offset) {
      throw new MalformedDataError(file, offset + chunk.length, 'the file ends before the length its header declares');
    }
    if (chunk.length > end - offset) throw new MalformedDataError(file, end, `answered ${chunk.length} bytes where ${end - offset} were asked`);
    parts.push(chunk);
    offset = end;
  }
  return concatBytes(...parts);
}
