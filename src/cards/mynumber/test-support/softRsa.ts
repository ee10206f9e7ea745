import { concatBytes, fromBase64Url } from '../../../bytes';
import { modPow } from '../trust/rsa';

/**
 * A software RSA key standing in for a card's private key in client tests (the client may not
 * use the simulator, architecture: simulator/ "never cards/"): WebCrypto makes the key, and
 * `signDigestInfo` does what `80 2A 00 80` does (docs/card-reference.md §6.5) — PKCS#1 v1.5 type-1
 * padding of the given DigestInfo, then m^d mod n. Test support only.
 */
export interface SoftRsaKey {
  readonly publicKey: CryptoKey;
  readonly spki: Uint8Array;
  signDigestInfo(digestInfo: Uint8Array): Uint8Array;
}

function b64urlToBigInt(text: string): bigint {
  let value = 0n;
  for (const byte of fromBase64Url(text)) value = (value << 8n) | BigInt(byte);
  return value;
}

/** A fresh RSA-2048 key pair with e = 65537. */
export async function softRsaKey(): Promise<SoftRsaKey> {
  const pair = await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: Uint8Array.of(1, 0, 1), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  );
  const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const n = b64urlToBigInt(jwk.n!);
  const d = b64urlToBigInt(jwk.d!);
  const k = 256;
  return {
    publicKey: pair.publicKey,
    spki: new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)),
    signDigestInfo(digestInfo) {
      const em = concatBytes(Uint8Array.of(0, 1), new Uint8Array(k - digestInfo.length - 3).fill(0xff), Uint8Array.of(0), digestInfo);
      let m = 0n;
      for (const b of em) m = (m << 8n) | BigInt(b);
      let s = modPow(m, d, n);
      const out = new Uint8Array(k);
      for (let i = k - 1; i >= 0; i--) {
        out[i] = Number(s & 0xffn);
        s >>= 8n;
      }
      return out;
    },
  };
}
