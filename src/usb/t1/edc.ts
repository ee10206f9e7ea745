/**
 * ISO/IEC 7816-3:2006 §11.3.1.3 (LRC): the epilogue byte that makes the XOR of every byte of the
 * block, prologue and INF included, equal zero.
 */
export function lrc(bytes: Uint8Array): number {
  let x = 0;
  for (const b of bytes) x ^= b;
  return x;
}

/**
 * ISO/IEC 7816-3:2006 §11.3.1.3 (CRC, by reference to ISO/IEC 13239): the 16-bit CRC with
 * generator x^16 + x^12 + x^5 + 1, bits taken least significant first (polynomial 0x8408 in
 * reflected form), preset to FFFF, no final inversion — the variant PC/SC readers use for T=1 —
 * returned most significant byte first, as it goes on the wire.
 */
export function crc16(bytes: Uint8Array): Uint8Array {
  let crc = 0xffff;
  for (const b of bytes) {
    crc ^= b;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
  }
  return Uint8Array.of(crc >>> 8, crc & 0xff);
}
