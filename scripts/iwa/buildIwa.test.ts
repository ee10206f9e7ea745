import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeFirst, encode } from 'cborg';
import { describe, expect, it } from 'vitest';
import { Bundle } from 'wbn';
import { buildIsolatedWebApp } from './buildIwa';

/** RFC 4648 §6 base32, lower case, no padding: how a Web Bundle ID spells its key. */
function base32(bytes: Uint8Array): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** Each part prefixed with its length as a 64-bit big-endian number (integrity block v2, "data to be signed"). */
function lengthPrefixed(...parts: Uint8Array[]): Uint8Array {
  const chunks = parts.flatMap((part) => {
    const length = Buffer.alloc(8);
    length.writeBigUInt64BE(BigInt(part.length));
    return [length, Buffer.from(part)];
  });
  return new Uint8Array(Buffer.concat(chunks));
}

const MAGIC = Uint8Array.of(0xf0, 0x9f, 0x96, 0x8b, 0xf0, 0x9f, 0x93, 0xa6); // 🖋📦
const VERSION_2B = Uint8Array.of(0x32, 0x62, 0x00, 0x00); // "2b\0\0"

describe('npm run build:iwa', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mynalens-iwa-'));
  const keyPath = join(dir, 'key.pem');
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  writeFileSync(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const rawPublicKey = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32));
  const built = buildIsolatedWebApp({ keyPath, bundlePath: join(dir, 'app.swbn') });

  it('signs the bundle with the given Ed25519 key; the ID and the signature check out independently', async () => {
    const result = await built;
    const signed = new Uint8Array(readFileSync(result.bundlePath));
    const [block, bundle] = decodeFirst(signed) as [[Uint8Array, Uint8Array, Map<string, string> | Record<string, string>, [Record<string, Uint8Array>, Uint8Array][]], Uint8Array];
    const [magic, version, attributes, signatures] = block;
    expect(magic).toEqual(MAGIC);
    expect(version).toEqual(VERSION_2B);
    const id = attributes instanceof Map ? attributes.get('webBundleId') : attributes.webBundleId;
    // Ed25519 Web Bundle ID: base32 of the public key followed by the type suffix 00 01 02.
    expect(id).toBe(base32(Uint8Array.of(...rawPublicKey, 0x00, 0x01, 0x02)));
    expect(result.webBundleId).toBe(id);
    expect(signatures).toHaveLength(1);
    const [signatureAttributes, signature] = signatures[0]!;
    expect(signatureAttributes.ed25519PublicKey).toEqual(rawPublicKey);

    const unsignedBlock = encode([MAGIC, VERSION_2B, new Map([['webBundleId', id]]), []]);
    const hash = new Uint8Array(createHash('sha512').update(bundle).digest());
    const signedData = lengthPrefixed(hash, unsignedBlock, encode({ ed25519PublicKey: rawPublicKey }));
    const key = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), rawPublicKey]), format: 'der', type: 'spki' });
    expect(verify(null, signedData, key, signature)).toBe(true);
    // One byte changed in the app, and the same check fails: the test would notice a broken signature.
    const tampered = bundle.slice();
    tampered[100] = tampered[100]! ^ 0x01;
    const tamperedData = lengthPrefixed(new Uint8Array(createHash('sha512').update(tampered).digest()), unsignedBlock, encode({ ed25519PublicKey: rawPublicKey }));
    expect(verify(null, tamperedData, key, signature)).toBe(false);
  });

  it('packs the whole app with cross-origin isolation headers and a manifest granting usb-unrestricted', async () => {
    const result = await built;
    const [, bundleBytes] = decodeFirst(new Uint8Array(readFileSync(result.bundlePath))) as [unknown, Uint8Array];
    const bundle = new Bundle(bundleBytes);
    const urls = bundle.urls;
    expect(urls).toContain('/');
    expect(urls).toContain('/index.html');
    // No service worker in the installed app (its files are its bundle; Trusted Types refuse
    // workbox's importScripts there), so nothing can claim "ready to work offline".
    expect(urls.some((u) => /^\/(sw|workbox-[\w-]+)\.js$/.test(u))).toBe(false);
    expect(urls).not.toContain('/manifest.webmanifest');
    expect(urls.some((u) => /\/assets\/engine\.worker-.*\.js$/.test(u))).toBe(true);
    expect(urls.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(urls.some((u) => u.endsWith('.map'))).toBe(false);
    for (const url of urls) {
      expect(bundle.getResponse(url).headers['cross-origin-embedder-policy'], url).toBe('require-corp');
      expect(bundle.getResponse(url).headers['cross-origin-opener-policy'], url).toBe('same-origin');
    }
    const manifest = JSON.parse(new TextDecoder().decode(bundle.getResponse('/.well-known/manifest.webmanifest').body)) as Record<string, unknown>;
    expect(manifest.permissions_policy).toEqual({ 'usb-unrestricted': ['self'], usb: ['self'], 'smart-card': ['self'] });
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    // The same manifest, icons and name as the web build (issue: both builds share them).
    expect(manifest.name).toContain('MynaLens');
    // The manifest lives under /.well-known/, so every URL in it must be absolute to reach the app
    // (a relative icon resolved under /.well-known/icons/ and Chromium refused to install).
    expect((manifest.icons as { src: string }[]).map((i) => i.src)).toEqual(['/icons/icon-192.png', '/icons/icon-512.png', '/icons/maskable-512.png']);
    const manifestUrl = 'isolated-app://app/.well-known/manifest.webmanifest';
    const manifestUrls = [manifest.id, manifest.start_url, manifest.scope, ...(manifest.icons as { src: string }[]).map((i) => i.src)] as string[];
    for (const url of manifestUrls) {
      const path = new URL(url, manifestUrl).pathname;
      expect(urls, url).toContain(path);
      expect(bundle.getResponse(path).status, url).toBe(200);
    }
    const html = new TextDecoder().decode(bundle.getResponse('/index.html').body);
    expect(html).toContain('require-trusted-types-for &#39;script&#39;');
  });
}, 180_000);
