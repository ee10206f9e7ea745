import { bytesEqual, concatBytes, copyBytes, fromHex } from '../../../bytes';
import { SHA256_DIGEST_INFO_PREFIX } from '../jpki/digestInfo';

/** An RSA public key as the card stores it (docs/card-reference.md §11 `90`/`91`, §7.5 CV certificates). */
export interface RsaPublicKey {
  /** Modulus, big-endian hex. */
  readonly modulusHex: string;
  readonly exponent: number;
}

/** SHA-256 with WebCrypto (FIPS 180-4). */
export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', copyBytes(data)));
}

/**
 * Verifies an RSASSA-PKCS1-v1_5 signature (RFC 8017 §8.2.2) with WebCrypto against a DER
 * SubjectPublicKeyInfo, as an X.509 certificate carries it (docs/card-reference.md §6.4, §12).
 * A key WebCrypto refuses to import, or a signature of the wrong size, verifies as false.
 */
export async function verifyWithSpki(spki: Uint8Array, hash: 'SHA-256' | 'SHA-384' | 'SHA-512', data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('spki', copyBytes(spki), { name: 'RSASSA-PKCS1-v1_5', hash }, false, ['verify']);
  } catch {
    return false;
  }
  return crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, copyBytes(signature), copyBytes(data));
}

function toBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  return value;
}

/** Square-and-multiply modular exponentiation (RFC 8017 §5.2 RSAVP1 needs only this). */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

/**
 * Checks a PKCS#1 v1.5 signature over an arbitrary DER DigestInfo (RFC 8017 §8.2.2 with
 * EMSA-PKCS1-v1_5 of §9.2): s^e mod n must equal `00 01 FF…FF 00 ‖ digestInfo`. Needed where
 * the card signs a DigestInfo WebCrypto cannot express — the visual AP's card face carries
 * three SHA-256 digests in one DigestInfo (docs/card-reference.md §8.2).
 */
export function verifyPkcs1DigestInfo(key: RsaPublicKey, digestInfo: Uint8Array, signature: Uint8Array): boolean {
  const modulusBytes = fromHex(key.modulusHex);
  const n = toBigInt(modulusBytes);
  let k = modulusBytes.length;
  while (k > 0 && modulusBytes[modulusBytes.length - k] === 0) k--;
  if (signature.length !== k || digestInfo.length > k - 11) return false;
  const s = toBigInt(signature);
  if (s >= n) return false;
  let m = modPow(s, BigInt(key.exponent), n);
  const em = new Uint8Array(k);
  for (let i = k - 1; i >= 0; i--) {
    em[i] = Number(m & 0xffn);
    m >>= 8n;
  }
  const padding = new Uint8Array(k - digestInfo.length - 3).fill(0xff);
  return bytesEqual(em, concatBytes(Uint8Array.of(0x00, 0x01), padding, Uint8Array.of(0x00), digestInfo));
}

/** An ordinary sha256WithRSAEncryption check (RFC 8017 §8.2.2) against a card-stored key: DigestInfo(SHA-256(data)). */
export async function verifySha256WithCardKey(key: RsaPublicKey, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  return verifyPkcs1DigestInfo(key, concatBytes(SHA256_DIGEST_INFO_PREFIX, await sha256(data)), signature);
}
