import { afterEach, describe, expect, it } from 'vitest';
import type { PinKey } from '../../protocol';
import { pinsOf, startEngine, verifiesWithData } from '../test-support/engineHarness';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function connected(triesLeft?: Partial<Record<PinKey, number>>) {
  const h = startEngine();
  close = h.close;
  await h.client.call('connectSimulator', { holder: 'adult', ...(triesLeft ? { triesLeft } : {}) });
  return h;
}

describe('serviceLogin (利用者証明, docs/card-reference.md §6.5, §13.4)', () => {
  it('signs a fresh challenge that WebCrypto verifies, and records the auth certificate serial', async () => {
    const h = await connected();
    const pin = (await pinsOf('adult')).jpkiAuth;
    const first = await h.client.call('serviceLogin', { pin });
    const second = await h.client.call('serviceLogin', { pin });
    expect(first.signatureValid).toBe(true);
    expect(second.signatureValid).toBe(true);
    expect(first.challengeHex).toMatch(/^[0-9A-F]{64}$/);
    expect(first.challengeHex).not.toBe(second.challengeHex);
    expect(first.signatureHex).toHaveLength(512);
    // The linkable fact: the same serial at every service until renewal.
    expect(second.record.serialNumberHex).toBe(first.record.serialNumberHex);
    expect(first.record.issuer).toContain('O=JPKI-SIMULATOR');
    expect(first.record.notAfter).toMatch(/^20\d\d-/);
    // The card signed with 80 2A 00 80 and a 51-byte DigestInfo (Lc 33) after the auth key EF 0017.
    const apdus = h.apdus();
    const signIndex = apdus.findIndex((r) => r.command.startsWith('80 2A 00 80 33'));
    expect(signIndex).toBeGreaterThan(0);
    expect(apdus[signIndex - 1]!.command).toBe('00 A4 02 0C 02 00 17');
  });

  it('the PIN travels only as ** in the log', async () => {
    const h = await connected();
    await h.client.call('serviceLogin', { pin: (await pinsOf('adult')).jpkiAuth });
    const verifies = verifiesWithData(h.apdus());
    expect(verifies).toHaveLength(1);
    expect(verifies[0]!.command).toBe('00 20 00 80 ** PIN hidden **');
    expect(verifies[0]!.sensitive).toBe(true);
  });

  it('a wrong PIN is card/wrong-pin with the tries left, updates the PIN list and signs nothing', async () => {
    const h = await connected();
    await expect(h.client.call('serviceLogin', { pin: '9999' })).rejects.toMatchObject({ code: 'card/wrong-pin', details: { triesLeft: 2 } });
    const pins = h.events.flatMap((e) => (e.type === 'pins' ? [e.pins] : [])).at(-1)!;
    expect(pins.find((p) => p.pinId === 'jpkiAuth')).toMatchObject({ triesLeft: 2, blocked: false });
    expect(h.apdus().some((r) => r.command.startsWith('80 2A'))).toBe(false);
  });

  it('a malformed PIN is refused before any APDU', async () => {
    const h = await connected();
    const before = h.apdus().length;
    await expect(h.client.call('serviceLogin', { pin: '12a4' })).rejects.toMatchObject({ code: 'pin/format' });
    expect(h.apdus()).toHaveLength(before);
  });

  it('with one try left it asks for confirmation and sends no VERIFY; a blocked PIN is never sent', async () => {
    const last = await connected({ jpkiAuth: 1 });
    await expect(last.client.call('serviceLogin', { pin: '1234' })).rejects.toMatchObject({ code: 'pin/confirm-last-try' });
    expect(verifiesWithData(last.apdus())).toEqual([]);
    const ok = await last.client.call('serviceLogin', { pin: (await pinsOf('adult')).jpkiAuth, confirmLastTry: true });
    expect(ok.signatureValid).toBe(true);
    await close?.();
    const blocked = await connected({ jpkiAuth: 0 });
    await expect(blocked.client.call('serviceLogin', { pin: '1234', confirmLastTry: true })).rejects.toMatchObject({ code: 'card/pin-blocked' });
    expect(verifiesWithData(blocked.apdus())).toEqual([]);
  });
});

describe('readAuthCertificate (docs/card-reference.md §6.1, §13.3)', () => {
  it('returns exactly the SELECTs and READ BINARYs, no VERIFY, and the same serial a login records', async () => {
    const h = await connected();
    await h.client.call('serviceLogin', { pin: (await pinsOf('adult')).jpkiAuth });
    const read = await h.client.call('readAuthCertificate', {});
    const commands = read.apdus.map((r) => r.command);
    expect(commands[0]).toBe('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
    expect(commands[1]).toBe('00 A4 02 0C 02 00 0A');
    expect(commands.slice(2).every((c) => c.startsWith('00 B0'))).toBe(true);
    expect(commands.length).toBeGreaterThan(2);
    expect(commands.some((c) => c.startsWith('00 20'))).toBe(false);
    expect(read.apdus.every((r) => r.sw === '9000')).toBe(true);
    const login = await h.client.call('serviceLogin', { pin: (await pinsOf('adult')).jpkiAuth });
    expect(read.record.serialNumberHex).toBe(login.record.serialNumberHex);
    expect(read.certificateDerBase64.length).toBeGreaterThan(1000);
  });
});
