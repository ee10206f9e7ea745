import { concatBytes } from '../../../bytes';

/** The 19-byte DER prefix of a SHA-256 DigestInfo (docs/card-reference.md §6.5). */
export const SHA256_DIGEST_INFO_PREFIX = Uint8Array.of(
  0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20,
);

/**
 * The 51-byte DigestInfo for a SHA-256 hash, what `80 2A 00 80` signs with PKCS#1 v1.5 type-1
 * padding (docs/card-reference.md §6.5: `Lc = 33`).
 */
export function sha256DigestInfo(hash: Uint8Array): Uint8Array {
  if (hash.length !== 32) throw new RangeError(`a SHA-256 hash is 32 bytes, got ${hash.length}`);
  return concatBytes(SHA256_DIGEST_INFO_PREFIX, hash);
}
