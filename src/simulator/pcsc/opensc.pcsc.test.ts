/**
 * The independent client: Debian's pcscd, vsmartcard's vpcd reader and OpenSC 0.23 — software
 * nobody on this team wrote — against our simulated adult card (docs/test-rigs.md §A). If OpenSC's
 * `jpki` driver and PKCS#15 emulator can read, sign and count PIN tries on the simulator, the
 * simulator speaks JPKI (docs/card-reference.md §6) the way real cards do, at least as far as OpenSC
 * knows them.
 *
 * Run by `npm run test:pcsc` (vitest.pcsc.config.ts). Installs the Debian packages when missing
 * (as root), starts pcscd itself unless one is running, and stops what it started by PID.
 */

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePcscPackages } from '../../../scripts/pcsc/packages';
import { objectLabelled, parseOpenscObjects, pemToDer } from '../../../scripts/pcsc/openscListing';
import { startPcscRig, type PcscRig } from '../../../scripts/pcsc/rig';
import { openscEnvironment, runTool, type ToolResult } from '../../../scripts/pcsc/tools';
import { SimulatedCard, loadPersonalisation } from '../index';
import type { Personalisation } from '../personalisation/Personalisation';

let workDir = '';
let env: NodeJS.ProcessEnv = {};
let rig: PcscRig | null = null;
let fixture: Personalisation;

beforeAll(async () => {
  await ensurePcscPackages();
  workDir = mkdtempSync(join(tmpdir(), 'mynalens-pcsc-'));
  env = openscEnvironment(workDir);
  fixture = await loadPersonalisation('adult');
  // A fresh card per file: PIN counters and security state start as issued.
  rig = await startPcscRig(new SimulatedCard(fixture), { workDir, logApdus: true, env });
});

afterAll(async () => {
  await rig?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** Runs an OpenSC tool against the rig; on a surprise the failure shows its whole output. */
async function tool(file: string, ...args: string[]): Promise<ToolResult> {
  return runTool(file, args, { env, timeoutMs: 30_000 });
}

function describeRun(result: ToolResult): string {
  return `exit ${result.code}\n--- stdout\n${result.stdout}--- stderr\n${result.stderr}`;
}

/** The certificate DER in an EF: `30 82 LL LL` then LL LL bytes; the `00` filler after it dropped. */
function derInEf(ef: Uint8Array): Uint8Array {
  expect([ef[0], ef[1]]).toEqual([0x30, 0x82]);
  return ef.subarray(0, 4 + ((ef[2]! << 8) | ef[3]!));
}

/** OpenSC's view of the authentication PIN (EF 0018): its auth ID and "Tries left". */
async function authPin(): Promise<{ id: string; triesLeft: string | undefined }> {
  const listing = await tool('pkcs15-tool', '--list-pins');
  expect(listing.code, describeRun(listing)).toBe(0);
  const pin = objectLabelled(parseOpenscObjects(listing.stdout), 'User Authentication PIN');
  const id = pin.fields.get('ID');
  expect(id).toMatch(/^[0-9a-f]+$/);
  return { id: id!, triesLeft: pin.fields.get('Tries left') };
}

describe('OpenSC against the simulated adult card in vpcd', () => {
  it('binds its jpki driver: opensc-tool -n prints "jpki"', async () => {
    const result = await tool('opensc-tool', '-n');
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout.trim()).toBe('jpki');
  });

  it('lists the four JPKI certificates, the locked signature certificate as a private object', async () => {
    const result = await tool('pkcs15-tool', '--list-certificates');
    expect(result.code, describeRun(result)).toBe(0);
    const certs = parseOpenscObjects(result.stdout);
    expect(certs.map((c) => [c.kind, c.label, c.fields.get('Path'), c.fields.get('Authority')])).toEqual([
      ['X.509 Certificate', 'User Authentication Certificate', '000a', 'no'],
      ['X.509 Certificate', 'Digital Signature Certificate', '0001', 'no'],
      ['X.509 Certificate', 'User Authentication Certificate CA', '000b', 'yes'],
      ['X.509 Certificate', 'Digital Signature Certificate CA', '0002', 'yes'],
    ]);
    // EF 0001 answers 6982 until the signature password is verified (docs/card-reference.md §6.1), so
    // OpenSC lists the object from its emulator table but cannot read its serial.
    const sign = objectLabelled(certs, 'Digital Signature Certificate');
    expect(sign.fields.get('Object Flags')).toContain('private');
    expect(sign.fields.has('Encoded serial')).toBe(false);
    expect(objectLabelled(certs, 'User Authentication Certificate').fields.get('Encoded serial')).toMatch(/^02 /);
  });

  it('reads the authentication certificate byte for byte as issued', async () => {
    const listing = await tool('pkcs15-tool', '--list-certificates');
    const id = objectLabelled(parseOpenscObjects(listing.stdout), 'User Authentication Certificate').fields.get('ID');
    expect(id).toMatch(/^[0-9a-f]+$/);
    const result = await tool('pkcs15-tool', '--read-certificate', id!);
    expect(result.code, describeRun(result)).toBe(0);
    expect(pemToDer(result.stdout)).toEqual(derInEf(fixture.jpki.authCertificateEf));
  });

  it('signs with the authentication key through pkcs15-crypt, and openssl verifies it against the certificate', async () => {
    const keys = await tool('pkcs15-tool', '--list-keys');
    expect(keys.code, describeRun(keys)).toBe(0);
    const keyId = objectLabelled(parseOpenscObjects(keys.stdout), 'User Authentication Key').fields.get('ID');
    expect(keyId).toMatch(/^[0-9a-f]+$/);

    const message = join(workDir, 'message.txt');
    const digest = join(workDir, 'message.sha256');
    const signature = join(workDir, 'message.sig');
    const certificate = join(workDir, 'auth.der');
    const publicKey = join(workDir, 'auth.pub.pem');
    writeFileSync(message, 'MynaLens: OpenSC signs with the simulated JPKI authentication key.\n');
    // With --sha-256 pkcs15-crypt takes the digest, wraps it in a DigestInfo (--pkcs1) and has
    // the card sign that (80 2A 00 80, docs/card-reference.md §6.5).
    writeFileSync(digest, createHash('sha256').update(readFileSync(message)).digest());
    writeFileSync(certificate, derInEf(fixture.jpki.authCertificateEf));
    expect(fixture.pins.jpkiAuth).toBe('1234');

    const sign = await tool('pkcs15-crypt', '--sign', '--sha-256', '--pkcs1', '--key', keyId!, '--pin', fixture.pins.jpkiAuth, '-i', digest, '-o', signature);
    expect(sign.code, describeRun(sign)).toBe(0);
    expect(readFileSync(signature)).toHaveLength(256); // RSA-2048

    const pub = await tool('openssl', 'x509', '-inform', 'DER', '-in', certificate, '-pubkey', '-noout');
    expect(pub.code, describeRun(pub)).toBe(0);
    writeFileSync(publicKey, pub.stdout);
    const verify = await tool('openssl', 'dgst', '-sha256', '-verify', publicKey, '-signature', signature, message);
    expect(verify.stdout.trim(), describeRun(verify)).toBe('Verified OK');
    expect(verify.code).toBe(0);
  });

  it('counts a wrong authentication PIN (3 → 2 tries) and the right one restores 3', async () => {
    const before = await authPin();
    expect(before.triesLeft).toBe('3');

    const wrong = await tool('pkcs15-tool', '--verify-pin', '--auth-id', before.id, '--pin', '9999');
    expect(wrong.code, describeRun(wrong)).not.toBe(0);
    expect(wrong.stderr + wrong.stdout).toMatch(/PIN code or key incorrect/);
    expect((await authPin()).triesLeft).toBe('2');

    const right = await tool('pkcs15-tool', '--verify-pin', '--auth-id', before.id, '--pin', fixture.pins.jpkiAuth);
    expect(right.code, describeRun(right)).toBe(0);
    expect((await authPin()).triesLeft).toBe('3');
  });
});
