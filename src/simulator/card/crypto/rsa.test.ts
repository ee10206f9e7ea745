import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../bytes';
import { testKey, verifyPkcs1Sha256, verifyPssSha256, webSha256 } from '../test-support/testKeys';
import { fromBase64Url as base64UrlToBytes } from '../../../bytes/base64';
import { bigIntToBytes, bytesToBigInt, modPow } from './bigint';
import { pkcs1Type1, sha256DigestInfo } from './pkcs1';
import { emsaPssEncode } from './pss';
import { rsaKeyFromJwk, rsaPrivate } from './rsa';
import { signChallenge, signWithScheme } from './signatureSchemes';

const message = new TextEncoder().encode('MynaLens simulator signing test');
const fixedRandom = (length: number) => new Uint8Array(length).fill(0x5a);

describe('bigint helpers', () => {
  it('round-trips OS2IP and I2OSP, and refuses an integer that does not fit', () => {
    const bytes = Uint8Array.of(0x00, 0x01, 0xff, 0x80);
    expect(bytesToBigInt(bytes)).toBe(0x1ff80n);
    expect(bigIntToBytes(0x1ff80n, 4)).toEqual(bytes);
    expect(() => bigIntToBytes(0x1ff80n, 2)).toThrow(RangeError);
  });

  it('computes modular powers', () => {
    expect(modPow(4n, 13n, 497n)).toBe(445n);
    expect(modPow(7n, 0n, 13n)).toBe(1n);
  });

  it('decodes base64url with and without padding and refuses other alphabets', () => {
    expect(base64UrlToBytes('AQAB')).toEqual(Uint8Array.of(1, 0, 1));
    expect(base64UrlToBytes('_-8')).toEqual(Uint8Array.of(0xff, 0xef));
    expect(base64UrlToBytes('_w==')).toEqual(Uint8Array.of(0xff));
    expect(() => base64UrlToBytes('a+b/')).toThrow(SyntaxError);
  });
});

describe('RSA-2048 with CRT', async () => {
  const { jwk, publicJwk } = await testKey('rsa');
  const key = rsaKeyFromJwk(jwk);

  it('reads a WebCrypto JWK as a 2048-bit key', () => {
    expect(key.bitLength).toBe(2048);
    expect(key.byteLength).toBe(256);
    expect(key.e).toBe(65537n);
  });

  it('produces PKCS #1 v1.5 signatures that WebCrypto verifies', async () => {
    const encoded = pkcs1Type1(sha256DigestInfo(await webSha256(message)), 256)!;
    const signature = rsaPrivate(key, encoded)!;
    expect(signature.length).toBe(256);
    expect(await verifyPkcs1Sha256(publicJwk, message, signature)).toBe(true);
  });

  it('produces PSS signatures that WebCrypto verifies', async () => {
    const encoded = emsaPssEncode(await webSha256(message), fixedRandom(32), 2048);
    expect(encoded.length).toBe(256);
    expect(encoded[255]).toBe(0xbc);
    expect(await verifyPssSha256(publicJwk, message, rsaPrivate(key, encoded)!)).toBe(true);
  });

  it('refuses a message not below the modulus', () => {
    expect(rsaPrivate(key, new Uint8Array(256).fill(0xff))).toBeNull();
  });

  it('reports a key whose CRT members do not match its modulus instead of signing wrongly', () => {
    const broken = { ...key, dp: key.dp + 2n };
    expect(rsaPrivate(broken, pkcs1Type1(Uint8Array.of(1, 2, 3), 256)!)).toBeNull();
  });

  it('pads a type-1 block exactly and refuses a payload over k − 11', () => {
    const block = pkcs1Type1(Uint8Array.of(0xaa, 0xbb), 16)!;
    expect(Array.from(block)).toEqual([0, 1, ...new Array(11).fill(0xff), 0, 0xaa, 0xbb]);
    expect(pkcs1Type1(new Uint8Array(245), 256)).not.toBeNull();
    expect(pkcs1Type1(new Uint8Array(246), 256)).toBeNull();
  });

  it('signs each 80 2A scheme so that the matching verifier accepts it', async () => {
    const hash = await webSha256(message);
    const sig = (p1: number, data: Uint8Array) => {
      const outcome = signWithScheme(p1, data, key, fixedRandom);
      if (outcome.kind !== 'signature') throw new Error(`scheme ${p1}: ${outcome.kind}`);
      return outcome.signature;
    };
    expect(await verifyPkcs1Sha256(publicJwk, message, sig(0x00, sha256DigestInfo(hash)))).toBe(true);
    expect(await verifyPkcs1Sha256(publicJwk, message, sig(0x02, hash))).toBe(true);
    expect(await verifyPkcs1Sha256(publicJwk, message, sig(0x03, message))).toBe(true);
    expect(await verifyPssSha256(publicJwk, message, sig(0x04, hash))).toBe(true);
    expect(await verifyPssSha256(publicJwk, message, sig(0x05, message))).toBe(true);
    // P1 01: the bare hash in a type-1 block; recover it with the public exponent.
    const recovered = bigIntToBytes(modPow(bytesToBigInt(sig(0x01, message)), key.e, key.n), 256);
    expect(recovered).toEqual(pkcs1Type1(hash, 256));
    const challenge = signChallenge(message, key);
    expect(challenge.kind).toBe('signature');
    if (challenge.kind === 'signature') expect(await verifyPkcs1Sha256(publicJwk, message, challenge.signature)).toBe(true);
  });

  it('refuses inputs outside each scheme range', () => {
    const cases: [number, number][] = [[0x00, 0], [0x00, 246], [0x01, 256], [0x02, 31], [0x02, 33], [0x03, 0], [0x04, 31], [0x05, 256]];
    for (const [p1, length] of cases) {
      expect(signWithScheme(p1, new Uint8Array(length), key, fixedRandom)).toEqual({ kind: 'input-out-of-range' });
    }
    expect(signWithScheme(0x00, concatBytes(new Uint8Array(245)), key, fixedRandom).kind).toBe('signature');
  });
});
