import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toHex, utf8Bytes } from '../../bytes';
import { parseDetachedSignature } from '../../cards/mynumber/jpki/cms';
import { derToPem } from '../../cards/mynumber/trust/pem';
import { simulatorTrust } from '../../simulator';
import { fromBase64, toBase64 } from '../../bytes/base64';
import type { PinKey } from '../../protocol';
import { pinsOf, startEngine, verifiesWithData } from '../test-support/engineHarness';

let close: (() => Promise<void>) | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await close?.();
  close = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function connected(holder: 'adult' | 'child' = 'adult', triesLeft?: Partial<Record<PinKey, number>>) {
  const h = startEngine();
  close = h.close;
  await h.client.call('connectSimulator', { holder, ...(triesLeft ? { triesLeft } : {}) });
  return h;
}

const DOCUMENT = utf8Bytes('見本花子が同意します。I agree.\n');

/** Runs Debian's openssl on a detached signature; true when it exits 0 ("Verification successful"). */
function opensslVerifies(cms: Uint8Array, content: Uint8Array): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'mynalens-cms-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'sig.der'), cms);
  writeFileSync(join(dir, 'data'), content);
  // The simulator's signature CA is the trust anchor: the whole chain verifies, no -noverify.
  writeFileSync(join(dir, 'ca.pem'), derToPem(simulatorTrust.signCa));
  try {
    execFileSync('/usr/bin/openssl', [
      'cms', '-verify', '-binary', '-inform', 'DER', '-in', join(dir, 'sig.der'), '-content', join(dir, 'data'),
      '-CAfile', join(dir, 'ca.pem'), '-purpose', 'any', '-out', join(dir, 'out'),
    ], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

describe('signDocument (署名, docs/card-reference.md §6.5, §12; RFC 5652)', () => {
  it('makes a detached CMS signature that openssl cms -verify accepts against the simulator sign CA', async () => {
    const h = await connected();
    const result = await h.client.call('signDocument', { contentBase64: toBase64(DOCUMENT), pin: (await pinsOf('adult')).jpkiSign! });
    const cms = fromBase64(result.cmsBase64);
    expect(result.selfCheck).toBe(true);
    expect(opensslVerifies(cms, DOCUMENT)).toBe(true);
  });

  it('openssl refuses the same signature for changed content or a flipped signature byte', async () => {
    const h = await connected();
    const result = await h.client.call('signDocument', { contentBase64: toBase64(DOCUMENT), pin: (await pinsOf('adult')).jpkiSign! });
    const cms = fromBase64(result.cmsBase64);
    expect(opensslVerifies(cms, utf8Bytes('見本花子は同意しません。\n'))).toBe(false);
    const parsed = parseDetachedSignature(cms);
    const at = toHex(cms, '').indexOf(toHex(parsed.signature, '')) / 2;
    const tampered = cms.slice();
    tampered[at + 10] = tampered[at + 10]! ^ 0x01;
    expect(opensslVerifies(tampered, DOCUMENT)).toBe(false);
  });

  it('parses back: the digest of the content, the signing time, the signature certificate and its four facts', async () => {
    const h = await connected();
    const result = await h.client.call('signDocument', { contentBase64: toBase64(DOCUMENT), pin: (await pinsOf('adult')).jpkiSign! });
    const parsed = parseDetachedSignature(fromBase64(result.cmsBase64));
    expect(parsed.detached).toBe(true);
    expect(toHex(parsed.messageDigest, '')).toBe(result.contentSha256Hex);
    expect(parsed.signingTime?.toISOString()).toBe(result.signingTime);
    expect(parsed.certificates.map((c) => toBase64(c))).toEqual([result.certificateDerBase64]);
    expect(result.contentLength).toBe(DOCUMENT.length);
    expect(result.certificate.issuer).toContain('JPKI for digital signature');
    const facts = Object.fromEntries(result.facts.map((f) => [f.label, f.value]));
    expect(facts).toMatchObject({ name: '見本\u3000花子', address: '東京都千代田区見本町一丁目２番３号', sex: expect.any(String) });
    expect(facts['date of birth']).toBe('1985-06-12');
    // The signature certificate row is now read in the matrix.
    expect(h.rowEvents().get('jpki/0001')).toMatchObject({ status: 'read', readWith: 'jpkiSign' });
  });

  it('a wrong password is card/wrong-pin with the tries left and nothing is signed', async () => {
    const h = await connected();
    await expect(h.client.call('signDocument', { contentBase64: toBase64(DOCUMENT), pin: 'WRONG1' })).rejects.toMatchObject({
      code: 'card/wrong-pin',
      details: { triesLeft: 4 },
    });
    expect(h.apdus().some((r) => r.command.startsWith('80 2A'))).toBe(false);
    expect(verifiesWithData(h.apdus())[0]!.command).toBe('00 20 00 80 ** PIN hidden **');
  });

  it('refuses before any APDU: a malformed password, an empty document', async () => {
    const h = await connected();
    await expect(h.client.call('signDocument', { contentBase64: toBase64(DOCUMENT), pin: 'abc' })).rejects.toMatchObject({ code: 'pin/format' });
    await expect(h.client.call('signDocument', { contentBase64: '', pin: 'MYNA2026' })).rejects.toMatchObject({ code: 'sign/empty-document' });
    expect(h.apdus()).toHaveLength(0);
  });

  it('an under-15 card has no signature certificate: sign/no-certificate, and the password is never sent', async () => {
    const h = await connected('child');
    await expect(h.client.call('signDocument', { contentBase64: toBase64(DOCUMENT), pin: 'MYNA2026' })).rejects.toMatchObject({ code: 'sign/no-certificate' });
    expect(verifiesWithData(h.apdus())).toEqual([]);
  });
});
