import { concatBytes } from '../../../bytes';
import { SHA256_LENGTH, sha256 } from './sha256';

/**
 * Salt length of the card's RSASSA-PSS (docs/card-reference.md §6.5 P1 04/05: "random salt"). The length
 * is not in the sources; 32 bytes (the SHA-256 length) is the PKCS #1 §9.1 recommendation and
 * what verifiers assume by default, so the simulator uses it.
 */
export const PSS_SALT_LENGTH = SHA256_LENGTH;

/** MGF1 with SHA-256 (PKCS #1 v2.2 §B.2.1). */
function mgf1Sha256(seed: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  const counter = new Uint8Array(4);
  for (let i = 0, offset = 0; offset < length; i++, offset += SHA256_LENGTH) {
    new DataView(counter.buffer).setUint32(0, i);
    const block = sha256(concatBytes(seed, counter));
    out.set(block.subarray(0, Math.min(SHA256_LENGTH, length - offset)), offset);
  }
  return out;
}

/**
 * EMSA-PSS-ENCODE (PKCS #1 v2.2 §9.1.1) of a SHA-256 `hash` with MGF1-SHA-256 and the given
 * salt, for a modulus of `modBits` bits. Returns the encoded message EM of ⌈(modBits−1)/8⌉ bytes.
 */
export function emsaPssEncode(hash: Uint8Array, salt: Uint8Array, modBits: number): Uint8Array {
  const emBits = modBits - 1;
  const emLength = Math.ceil(emBits / 8);
  if (hash.length !== SHA256_LENGTH) throw new RangeError(`PSS needs a ${SHA256_LENGTH}-byte hash`);
  if (emLength < SHA256_LENGTH + salt.length + 2) throw new RangeError('modulus too short for PSS');
  // Steps 5–6: H = Hash(00×8 ‖ mHash ‖ salt).
  const h = sha256(concatBytes(new Uint8Array(8), hash, salt));
  // Steps 7–8: DB = PS (zeros) ‖ 01 ‖ salt.
  const db = new Uint8Array(emLength - SHA256_LENGTH - 1);
  db[db.length - salt.length - 1] = 0x01;
  db.set(salt, db.length - salt.length);
  // Steps 9–11: mask DB, then clear the bits above emBits so EM < 2^emBits < n.
  const mask = mgf1Sha256(h, db.length);
  for (let i = 0; i < db.length; i++) db[i]! ^= mask[i]!;
  db[0]! &= 0xff >> (8 * emLength - emBits);
  // Step 12: EM = maskedDB ‖ H ‖ BC.
  return concatBytes(db, h, Uint8Array.of(0xbc));
}
