import { concatBytes } from '../../../bytes';

/**
 * The DER DigestInfo prefix for SHA-256 (PKCS #1 v2.2 §9.2 note 1), 19 bytes; with the hash it
 * makes the 51-byte DigestInfo clients send to `80 2A 00 80` (docs/card-reference.md §6.5).
 */
export const SHA256_DIGEST_INFO_PREFIX = Uint8Array.of(
  0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20,
);

/** DigestInfo(SHA-256) around a 32-byte hash (docs/card-reference.md §6.5 P1 02/03, §2 INTERNAL AUTHENTICATE). */
export function sha256DigestInfo(hash: Uint8Array): Uint8Array {
  return concatBytes(SHA256_DIGEST_INFO_PREFIX, hash);
}

/** Smallest padding string PKCS #1 v1.5 allows (§9.2 step 3: at least 8 bytes of FF). */
const MIN_PADDING = 8;

/** Largest payload that fits a type-1 block of `k` bytes: k − 11 (245 for RSA-2048, docs/card-reference.md §6.5 P1 00). */
function maxPkcs1Payload(k: number): number {
  return k - 3 - MIN_PADDING;
}

/**
 * The PKCS #1 v1.5 type-1 block `00 01 FF…FF 00 ‖ payload` of `k` bytes (§9.2 step 5). The
 * card applies it to whatever it is given with P1 00 ("verbatim", docs/card-reference.md §6.5).
 * Returns `null` when the payload is too long to leave 8 bytes of padding.
 */
export function pkcs1Type1(payload: Uint8Array, k: number): Uint8Array | null {
  if (payload.length > maxPkcs1Payload(k)) return null;
  const block = new Uint8Array(k).fill(0xff);
  block[0] = 0x00;
  block[1] = 0x01;
  block[k - payload.length - 1] = 0x00;
  block.set(payload, k - payload.length);
  return block;
}
