import type { RsaPrivateJwk } from '../../personalisation/Personalisation';

/**
 * RSA-2048 test keys made with WebCrypto, exported as JWK like the personalisation carries them.
 * Test support only. Vitest runs each test file in its own module graph, so the cache below is
 * per test file: keys are generated once per file, not once per test.
 */
export interface TestKey {
  readonly jwk: RsaPrivateJwk;
  /** The public half, importable for `crypto.subtle.verify`. */
  readonly publicJwk: JsonWebKey;
}

const cache = new Map<string, Promise<TestKey>>();

async function generate(): Promise<TestKey> {
  const pair = await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: Uint8Array.of(1, 0, 1), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  );
  const exported = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const { n, e, d, p, q, dp, dq, qi } = exported;
  if (!n || !e || !d || !p || !q || !dp || !dq || !qi) throw new Error('WebCrypto exported an incomplete RSA JWK');
  return { jwk: { kty: 'RSA', n, e, d, p, q, dp, dq, qi }, publicJwk: { kty: 'RSA', n, e } };
}

/** The test key called `name`, generated on first use. */
export function testKey(name: string): Promise<TestKey> {
  let key = cache.get(name);
  if (!key) {
    key = generate();
    cache.set(name, key);
  }
  return key;
}

/** Verifies an RSASSA-PKCS1-v1_5 / SHA-256 signature of `message` with WebCrypto. */
export async function verifyPkcs1Sha256(publicJwk: JsonWebKey, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const key = await crypto.subtle.importKey('jwk', publicJwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
  return crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, copy(signature), copy(message));
}

/** Verifies an RSA-PSS / SHA-256 / MGF1-SHA-256 signature of `message` with WebCrypto. */
export async function verifyPssSha256(publicJwk: JsonWebKey, message: Uint8Array, signature: Uint8Array, saltLength = 32): Promise<boolean> {
  const key = await crypto.subtle.importKey('jwk', publicJwk, { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'RSA-PSS', saltLength }, key, copy(signature), copy(message));
}

/** SHA-256 with WebCrypto, independent of the simulator's own implementation. */
export async function webSha256(message: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', copy(message)));
}

function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(bytes.length));
  out.set(bytes);
  return out;
}
