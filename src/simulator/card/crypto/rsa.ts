import type { RsaPrivateJwk } from '../../personalisation/Personalisation';
import { fromBase64Url } from '../../../bytes/base64';
import { bigIntToBytes, bitLength, bytesToBigInt, modPow } from './bigint';

/**
 * An RSA private key ready for the card's private-key operation (PKCS #1 v2.2 §5.1.2 RSADP /
 * §5.2.1 RSASP1 with the CRT representation of §3.2). The keys come from the personalisation
 * as JWKs: the JPKI keys (docs/card-reference.md §6.1 EF 0017, 001A), the 券面 AP keys (§7.7 EF 0013,
 * §8.1 EF 001A) and the 共通カードAP INTERNAL AUTHENTICATE key (§9.2 EF 0019).
 */
export interface RsaPrivateKey {
  readonly n: bigint;
  readonly e: bigint;
  readonly p: bigint;
  readonly q: bigint;
  readonly dp: bigint;
  readonly dq: bigint;
  readonly qi: bigint;
  /** Modulus length in bytes (k in PKCS #1): 256 for the card's RSA-2048. */
  readonly byteLength: number;
  /** Modulus length in bits (modBits in PKCS #1): 2048. */
  readonly bitLength: number;
}

function member(jwk: RsaPrivateJwk, name: keyof Omit<RsaPrivateJwk, 'kty'>): bigint {
  return bytesToBigInt(fromBase64Url(jwk[name]));
}

/** Reads the CRT members of a JWK (RFC 7518 §6.3.2). Throws on a key that is not RSA. */
export function rsaKeyFromJwk(jwk: RsaPrivateJwk): RsaPrivateKey {
  if (jwk.kty !== 'RSA') throw new RangeError(`not an RSA key: ${String(jwk.kty)}`);
  const n = member(jwk, 'n');
  const bits = bitLength(n);
  return {
    n,
    e: member(jwk, 'e'),
    p: member(jwk, 'p'),
    q: member(jwk, 'q'),
    dp: member(jwk, 'dp'),
    dq: member(jwk, 'dq'),
    qi: member(jwk, 'qi'),
    byteLength: Math.ceil(bits / 8),
    bitLength: bits,
  };
}

/**
 * RSASP1 on an encoded message of exactly k bytes, using the CRT (PKCS #1 §5.2.1 step 2.b).
 * Returns `null` when the message is not below the modulus, or when the result does not verify
 * with the public exponent — a wrong key in the personalisation must give an error status word
 * (the card's `6F00`), never a bad signature.
 */
export function rsaPrivate(key: RsaPrivateKey, encoded: Uint8Array): Uint8Array | null {
  const m = bytesToBigInt(encoded);
  if (m >= key.n) return null;
  const s1 = modPow(m, key.dp, key.p);
  const s2 = modPow(m, key.dq, key.q);
  const h = (((s1 - s2) % key.p) + key.p) % key.p;
  const s = s2 + ((key.qi * h) % key.p) * key.q;
  if (modPow(s, key.e, key.n) !== m) return null;
  return bigIntToBytes(s, key.byteLength);
}
