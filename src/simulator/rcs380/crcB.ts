/**
 * CRC_B of ISO/IEC 14443-3 Annex B: the CRC-16 with polynomial x^16 + x^12 + x^5 + 1 processed
 * LSB first (0x8408 reflected), initial value FFFF, the result inverted and sent low byte first.
 * (It is the catalogued CRC-16/IBM-SDLC, alias CRC-16/ISO-IEC-14443-3-B, check value 0x906E.)
 * Only the emulator needs it: the real chip adds and checks CRC_B for the host.
 */
export function crcB(bytes: Iterable<number>): [number, number] {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
  }
  crc = ~crc & 0xffff;
  return [crc & 0xff, crc >>> 8];
}

/** The frame with its CRC_B appended. */
export function withCrcB(frame: readonly number[]): number[] {
  return [...frame, ...crcB(frame)];
}

/** True when the last two bytes are the CRC_B of the rest. */
export function crcBHolds(frame: readonly number[]): boolean {
  if (frame.length < 2) return false;
  const [lo, hi] = crcB(frame.slice(0, -2));
  return frame[frame.length - 2] === lo && frame[frame.length - 1] === hi;
}
