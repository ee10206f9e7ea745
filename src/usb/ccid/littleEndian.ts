import type { ByteReader } from '../../bytes';

/**
 * USB is little-endian on the wire (USB 2.0 §8.1; CCID 1.1 §6 "all multi-byte fields are LSB
 * first"), while our `ByteReader` reads big-endian for ISO 7816. These read LE through it so the
 * bounds checks and error offsets stay the reader's own.
 */
export function readU16le(reader: ByteReader): number {
  const b = reader.bytesOf(2);
  return b[0]! | (b[1]! << 8);
}

/** A 32-bit little-endian unsigned value (USB 2.0 §8.1). */
export function readU32le(reader: ByteReader): number {
  const b = reader.bytesOf(4);
  return (b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24)) >>> 0;
}

/** Two bytes, least significant first (USB 2.0 §8.1), e.g. the XfrBlock wLevelParameter. */
export function u16le(value: number): Uint8Array {
  return Uint8Array.of(value & 0xff, (value >>> 8) & 0xff);
}
