/**
 * Conversions between bytes and `bigint` for the card's RSA (PKCS #1 v2.2 §4: OS2IP, I2OSP), and
 * the base64url decoding of JWK members (RFC 7518 §6.3, RFC 4648 §5).
 */

/** OS2IP: big-endian bytes to a non-negative integer. */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  return value;
}

/** I2OSP: a non-negative integer as exactly `length` big-endian bytes; throws if it does not fit. */
export function bigIntToBytes(value: bigint, length: number): Uint8Array {
  if (value < 0n) throw new RangeError('I2OSP of a negative integer');
  const out = new Uint8Array(length);
  let rest = value;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  if (rest !== 0n) throw new RangeError(`integer too large for ${length} bytes`);
  return out;
}

/** Number of bits in a positive integer, modBits of PKCS #1 §9.1 (0 for 0). */
export function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

/** `base ** exponent mod modulus` for RSASP1 (PKCS #1 §5.2.1), left-to-right square-and-multiply. */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus === 1n) return 0n;
  let result = 1n;
  const b = base % modulus;
  // Walk the exponent's bits from the top; a readable loop is fast enough for a simulator
  // (a 2048-bit CRT signature takes milliseconds).
  for (const bit of exponent.toString(2)) {
    result = (result * result) % modulus;
    if (bit === '1') result = (result * b) % modulus;
  }
  return result;
}
