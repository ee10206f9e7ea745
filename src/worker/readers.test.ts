import { describe, expect, it } from 'vitest';
import { EmulatedUsbHost } from '../simulator/usb/EmulatedUsbHost';
import type { EngineFailure } from '../protocol';
import { pinsOf, startEngine } from './test-support/engineHarness';

/** The engine with an emulated WebUSB holding CCID readers. */
async function startWithReaders() {
  const usb = new EmulatedUsbHost();
  return { usb, ...startEngine(undefined, { usb }) };
}

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e: EngineFailure) => e.code);

describe('engine with USB readers', () => {
  it('lists only granted readers, says which work here, and emits the list when one is plugged', async () => {
    const { usb, client, events, eventWhere, close } = await startWithReaders();
    await usb.run({ action: 'plug', options: { personality: 'scr3310' } });
    await usb.run({ action: 'plug', options: { personality: 'extended-apdu' } });
    expect(await client.call('listReaders', { unrestricted: false })).toEqual([]);
    await usb.run({ action: 'grant', index: 0 });
    await usb.run({ action: 'grant', index: 1 });
    const readers = await client.call('listReaders', { unrestricted: false });
    expect(readers.map((r) => [r.id, r.route, r.blockedBy])).toEqual([
      ['04E6:511A#0', 'ccid-vendor', null],
      ['072F:223E#0', 'ccid-class', 'usb/protected-class'],
    ]);
    expect((await client.call('listReaders', { unrestricted: true })).map((r) => r.blockedBy)).toEqual([null, null]);
    const readersBefore = events.filter((e) => e.type === 'readers').length;
    await usb.run({ action: 'plug', options: { personality: 'short-apdu' } });
    await eventWhere((e) => e.type === 'readers' && events.filter((x) => x.type === 'readers').length > readersBefore);
    await close();
  });

  it('scans a card through the SCR3310 emulator with the same rows as the simulator', async () => {
    const { usb, client, close } = await startWithReaders();
    await usb.run({ action: 'plug', options: { personality: 'scr3310' } });
    await usb.run({ action: 'grant', index: 0 });
    const info = await client.call('connectReader', { readerId: '04E6:511A#0', unrestricted: false });
    expect(info).toMatchObject({ kind: 'ccid', atr: '3B E0 00 FF 81 31 FE 45 14', reader: { name: 'SCR3310-NTTCom (simulated)' } });
    const { rows } = await client.call('scan', {});
    expect(rows.find((r) => r.key === 'jpki/000A')?.status).toBe('read');
    const pins = await pinsOf('adult');
    const verified = await client.call('verifyPin', { pinId: 'textPin', pin: pins.textPin });
    expect(verified.opened.length).toBeGreaterThan(0);
    const check = await client.call('readerCheck', {});
    expect(check).toMatchObject({ interfaceClass: 'FF', exchangeLevel: 'tpdu', protocolInUse: 'T=1', maxMessageLength: 271 });
    await close();
  });

  it('refuses a class-0x0B reader in a plain page before claiming it, and uses it when unrestricted', async () => {
    const { usb, client, close } = await startWithReaders();
    await usb.run({ action: 'plug', options: { personality: 'extended-apdu' } });
    await usb.run({ action: 'grant', index: 0 });
    expect(await codeOf(client.call('connectReader', { readerId: '072F:223E#0', unrestricted: false }))).toBe('usb/protected-class');
    await usb.run({ action: 'set-unrestricted', unrestricted: true });
    expect((await client.call('connectReader', { readerId: '072F:223E#0', unrestricted: true })).kind).toBe('ccid');
    await close();
  });

  it('an unplug mid-scan keeps the rows read so far; re-plugging the same reader continues the session', async () => {
    const { usb, client, events, close } = await startWithReaders();
    await usb.run({ action: 'plug', options: { personality: 'scr3310' } });
    await usb.run({ action: 'grant', index: 0 });
    await client.call('connectReader', { readerId: '04E6:511A#0', unrestricted: false });
    await usb.run({ action: 'inject-after', xfrBlocks: 40, fault: { kind: 'unplug-during-command' } });
    expect(await codeOf(client.call('scan', {}))).toBe('transport/device-lost');
    expect(events.some((e) => e.type === 'connection' && !e.connected && e.reason?.code === 'transport/device-lost')).toBe(true);
    await usb.run({ action: 'replug' });
    await client.call('connectReader', { readerId: '04E6:511A#0', unrestricted: false });
    const { rows } = await client.call('scan', {});
    expect(rows.filter((r) => r.status === 'read').length).toBeGreaterThan(10);
    await close();
  });

  it('names each start-up obstacle: no reader plugged, no card, the OS holding the reader', async () => {
    const { usb, client, close } = await startWithReaders();
    expect(await codeOf(client.call('connectReader', { readerId: '04E6:511A#0', unrestricted: false }))).toBe('usb/reader-not-found');
    await usb.run({ action: 'plug', options: { personality: 'scr3310', noCard: true, serialNumber: 'A1' } });
    await usb.run({ action: 'grant', index: 0 });
    expect(await codeOf(client.call('connectReader', { readerId: '04E6:511A:A1', unrestricted: false }))).toBe('usb/no-card');
    await usb.run({ action: 'plug', options: { personality: 'scr3310', heldByOs: true, serialNumber: 'B2' } });
    await usb.run({ action: 'grant', index: 1 });
    expect(await codeOf(client.call('connectReader', { readerId: '04E6:511A:B2', unrestricted: false }))).toMatch(/^usb\/reader-busy/);
    expect(await codeOf(client.call('readerCheck', {}))).toBe('engine/not-a-reader');
    await close();
  });

  it('scans and opens a PIN through the RC-S380 emulator (Port-100, Type B, ISO-DEP), with its own reader check', async () => {
    const { usb, client, close } = await startWithReaders();
    await usb.run({ action: 'plug', options: { personality: 'rcs380' } });
    await usb.run({ action: 'grant', index: 0 });
    const [reader] = await client.call('listReaders', { unrestricted: false });
    expect(reader).toMatchObject({ id: '054C:06C1#0', route: 'port100', blockedBy: null });
    const info = await client.call('connectReader', { readerId: '054C:06C1#0', unrestricted: false });
    expect(info.kind).toBe('rcs380');
    expect(info.atr.startsWith('3B 88 80 01')).toBe(true);
    const { rows } = await client.call('scan', {});
    expect(rows.find((r) => r.key === 'jpki/000A')?.status).toBe('read');
    const pins = await pinsOf('adult');
    expect((await client.call('verifyPin', { pinId: 'textPin', pin: pins.textPin })).opened.length).toBeGreaterThan(0);
    const check = await client.call('readerCheck', {});
    expect(check).toMatchObject({ kind: 'contactless', fsc: 256, bitRateKbps: 424 });
    expect(check.kind === 'contactless' && check.cardFacts).toContainEqual({ key: 'bitRate', toCard: 424, toReader: 424, fellBackFrom: null });
    await close();
  });

  it('after a lost reply or a card taken out while idle, reconnecting the same reader works: the old session let go of its transfers', async () => {
    const { usb, client, eventWhere, close } = await startWithReaders();
    await usb.run({ action: 'plug', options: { personality: 'scr3310' } });
    await usb.run({ action: 'grant', index: 0 });
    await client.call('connectReader', { readerId: '04E6:511A#0', unrestricted: false });
    await usb.run({ action: 'remove-card' });
    await eventWhere((e) => e.type === 'connection' && e.reason?.code === 'transport/card-removed');
    await usb.run({ action: 'insert-card' });
    await client.call('connectReader', { readerId: '04E6:511A#0', unrestricted: false });
    expect((await client.call('identifyCard', {})).isMyNumberCard).toBe(true);
    await close();
  });

  it("the RC-S300 (vendor interface, experimental) is listed as such and scans through Sony's transparent session", async () => {
    const { usb, client, close } = await startWithReaders();
    await usb.run({ action: 'plug', options: { personality: 'rcs300' } });
    await usb.run({ action: 'grant', index: 0 });
    const [reader] = await client.call('listReaders', { unrestricted: false });
    expect(reader).toMatchObject({ id: '054C:0DC8#0', route: 'rcs300', experimental: true, blockedBy: null });
    expect((await client.call('connectReader', { readerId: '054C:0DC8#0', unrestricted: false })).kind).toBe('rcs300');
    const { rows } = await client.call('scan', {});
    expect(rows.find((r) => r.key === 'jpki/000A')?.status).toBe('read');
    const check = await client.call('readerCheck', {});
    expect(check).toMatchObject({ kind: 'contactless', experimental: true });
    expect(check.kind === 'contactless' && check.cardFacts).toContainEqual({ key: 'startUpSequence', sequence: 'layer 3, flags 0010', failed: [] });
    await close();
  });

  it('the RC-S300 in an installed app (usb-unrestricted) takes its CCID interface, APDU level, not the experimental vendor route', async () => {
    const { usb, client, close } = await startWithReaders();
    await usb.run({ action: 'set-unrestricted', unrestricted: true });
    await usb.run({ action: 'plug', options: { personality: 'rcs300-ccid' } });
    await usb.run({ action: 'grant', index: 0 });
    const [listed] = await client.call('listReaders', { unrestricted: true });
    expect(listed).toMatchObject({ id: '054C:0DC8#0', route: 'ccid-class', experimental: false, blockedBy: null });
    expect((await client.call('listReaders', { unrestricted: false }))[0]).toMatchObject({ route: 'rcs300', experimental: true });
    const info = await client.call('connectReader', { readerId: '054C:0DC8#0', unrestricted: true });
    expect(info).toMatchObject({ kind: 'ccid', atr: '3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F' });
    const { rows } = await client.call('scan', {});
    expect(rows.find((r) => r.key === 'jpki/000A')?.status).toBe('read');
    expect(await client.call('readerCheck', {})).toMatchObject({ kind: 'ccid', exchangeLevel: 'extended-apdu', maxMessageLength: 522, features: '0004007E' });
    await close();
  });

  it('an RC-S300 whose CCID interface cannot be used even when unrestricted falls back to the vendor route', async () => {
    const { usb, client, close } = await startWithReaders();
    await usb.run({ action: 'set-unrestricted', unrestricted: true });
    // The vendor-interface emulator answers no descriptor request and refuses interface 0.
    await usb.run({ action: 'plug', options: { personality: 'rcs300' } });
    await usb.run({ action: 'grant', index: 0 });
    const info = await client.call('connectReader', { readerId: '054C:0DC8#0', unrestricted: true });
    expect(info.kind).toBe('rcs300');
    const { rows } = await client.call('scan', {});
    expect(rows.find((r) => r.key === 'jpki/000A')?.status).toBe('read');
    expect(await client.call('readerCheck', {})).toMatchObject({ kind: 'contactless', experimental: true, reader: { route: 'rcs300', experimental: true } });
    await close();
  });
});
