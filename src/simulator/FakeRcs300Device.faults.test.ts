import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromHex, toHex } from '../bytes';
import { Rcs300Reader, type Rcs300ReaderOptions } from '../usb/rcs300/Rcs300Reader';
import { settlesWithin, waitUntil } from '../testing/fakeTime';
import { SimulatedCard } from './card/SimulatedCard';
import { testPersonalisation } from './card/test-support/testPersonalisation';
import { FakeRcs300Device, type FakeRcs300DeviceOptions } from './FakeRcs300Device';

const { personalisation } = await testPersonalisation();
const SELECT_JPKI = fromHex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
const SELECT_AUTH_CERT = fromHex('00 A4 02 0C 02 00 0A');
const READ_1K = fromHex('00 B0 00 00 00 04 00');
const EXPECTED_1K = toHex(personalisation.jpki.authCertificateEf.slice(0, 0x400));
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const frames = (device: FakeRcs300Device, from = 0): string[] => device.reader.rfFrames.slice(from).map((f) => toHex(Uint8Array.from(f)));

async function open(options: FakeRcs300DeviceOptions = {}, reader: Partial<Rcs300ReaderOptions> = {}) {
  const device = new FakeRcs300Device(new SimulatedCard(personalisation), options);
  return { device, reader: await Rcs300Reader.open(device, { timeoutMs: 100, presenceCheckMs: 0, ...reader }) };
}

/** The status word, or the typed error code. */
async function outcome(work: Promise<Uint8Array>): Promise<string> {
  return work.then(
    (r) => toHex(r.slice(-2)),
    (e: { code?: string }) => e.code ?? String(e),
  );
}

// Timing tests run on fake timers: "within N ms" is measured on the code's own clock.
afterEach(() => {
  vi.useRealTimers();
});

describe('RC-S300 start-up obstacles become typed errors', () => {
  it('no card: usb/no-card after the bounded polls, the field off and the session ended', async () => {
    vi.useFakeTimers();
    const device = new FakeRcs300Device(new SimulatedCard(personalisation), { noCard: true });
    await expect(settlesWithin(1000, Rcs300Reader.open(device, { timeoutMs: 100, pollAttempts: 3, pollIntervalMs: 5 }))).rejects.toMatchObject({ code: 'usb/no-card' });
    expect(device.reader.commands.filter((c) => c === 'switch 1/3')).toHaveLength(3);
    expect(device.reader.commands.slice(-2)).toEqual(['rf-off', 'end']);
  });

  it('a card put down during polling is found on a later poll', async () => {
    vi.useFakeTimers();
    const device = new FakeRcs300Device(new SimulatedCard(personalisation), { noCard: true });
    // Put down once the reader's own poll has come up empty twice (by event, not by clock).
    const handle = device.reader.handle.bind(device.reader);
    let putDown = false;
    device.reader.handle = (apdu) => {
      const reply = handle(apdu);
      if (!putDown && device.reader.readerPolls === 2) {
        putDown = true;
        device.insertCard();
      }
      return reply;
    };
    const reader = await settlesWithin(1000, Rcs300Reader.open(device, { timeoutMs: 100, presenceCheckMs: 0, pollAttempts: 30, pollIntervalMs: 10 }));
    expect(reader.report().pollAttempts).toBe(3);
    expect(toHex(await settlesWithin(1000, reader.transmit(SELECT_JPKI)))).toBe('90 00');
    await settlesWithin(1000, reader.close());
  });

  it.each([
    ['linux', 'usb/reader-busy-linux'],
    ['windows', 'usb/reader-busy-windows'],
    ['chromeos', 'usb/reader-busy'],
  ] as const)('another program holds interface 1 on %s: %s', async (os, code) => {
    await expect(open({ heldByOs: true }, { os })).rejects.toMatchObject({ code });
  });

  it('a device with no vendor-class interface is usb/not-a-reader', async () => {
    const device = new FakeRcs300Device(new SimulatedCard(personalisation));
    const ccidOnly = { ...device.configurations[0]!, interfaces: device.configurations[0]!.interfaces.slice(0, 1) };
    const stripped = Object.assign(Object.create(Object.getPrototypeOf(device) as object) as FakeRcs300Device, device, { configurations: [ccidOnly] });
    await expect(Rcs300Reader.open(stripped, { timeoutMs: 100 })).rejects.toMatchObject({ code: 'usb/not-a-reader' });
  });
});

describe('Rcs300Reader recovers where ISO/IEC 14443-4 and CCID allow', () => {
  it.each(['lose-command', 'lose-response', 'corrupt-response'] as const)('%s: R(NAK) and the APDU still succeeds', async (kind) => {
    const { reader, device } = await open();
    device.inject({ kind });
    expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
    expect(device.pendingFaults).toEqual([]);
    expect(frames(device).some((f) => f === 'B2' || f === 'B3')).toBe(true);
    await reader.close();
  });

  it.each(['lose-command', 'lose-response', 'corrupt-response'] as const)('%s in the middle of a chained answer: R(ACK) again, same bytes', async (kind) => {
    const { reader, device } = await open({ fsc: 32 });
    await reader.transmit(SELECT_JPKI);
    await reader.transmit(SELECT_AUTH_CERT);
    const before = device.reader.rfFrames.length;
    device.injectAfterRfFrames(3, { kind });
    expect(toHex((await reader.transmit(READ_1K)).slice(0, -2))).toBe(EXPECTED_1K);
    expect(device.pendingFaults).toEqual([]);
    const sent = frames(device, before);
    // 1026 bytes in 29-byte pieces: 36 I-blocks; one R(ACK) sent twice (rule 5, or rule 10 answers it).
    expect(sent.filter((f) => f === 'A2' || f === 'A3')).toHaveLength(36);
    expect(sent[3]).toBe(sent[4]);
    await reader.close();
  });

  it('S(WTX) requests are answered and the APDU completes', async () => {
    const { reader, device } = await open();
    device.inject({ kind: 'wtx', wtxm: 5, times: 3 });
    expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
    expect(frames(device).filter((f) => f === 'F2 05')).toHaveLength(3);
    await reader.close();
  });

  it.each(['ccid-time-extension', 'stale-reply'] as const)('%s on the USB side: waited out or dropped, the APDU completes', async (kind) => {
    const { reader, device } = await open();
    device.inject({ kind });
    expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
    expect(device.pendingFaults).toEqual([]);
    expect(reader.connected).toBe(true);
    await reader.close();
  });

  it('a card asking for more time for ever: transport/protocol in bounded time', async () => {
    const { reader, device } = await open();
    device.inject({ kind: 'endless-wtx' });
    vi.useFakeTimers();
    expect(await settlesWithin(3000, outcome(reader.transmit(SELECT_JPKI)))).toBe('transport/protocol');
  });
});

describe('Rcs300Reader ends the session with a typed error when it cannot recover', () => {
  it('card lifted between APDUs: transport/card-removed on the next one, reported once', async () => {
    const { reader, device } = await open();
    await reader.transmit(SELECT_JPKI);
    const reasons: string[] = [];
    reader.onDisconnect((r) => reasons.push(r.code));
    device.removeCard();
    expect(await outcome(reader.transmit(SELECT_AUTH_CERT))).toBe('transport/card-removed');
    expect(reasons).toEqual(['transport/card-removed']);
    expect(reader.connected).toBe(false);
  });

  it('card lifted in the middle of a chained answer: transport/card-removed', async () => {
    const { reader, device } = await open({ fsc: 32 });
    await reader.transmit(SELECT_JPKI);
    await reader.transmit(SELECT_AUTH_CERT);
    device.injectAfterRfFrames(2, { kind: 'remove-card-mid-chain' });
    expect(await outcome(reader.transmit(READ_1K))).toBe('transport/card-removed');
  });

  it('the presence check counts a card that answers R(NAK) with its last I-block again as present (issue 15 §4)', async () => {
    vi.useFakeTimers();
    const { reader, device } = await settlesWithin(1000, open({}, { presenceCheckMs: 10 }));
    await settlesWithin(1000, reader.transmit(SELECT_JPKI));
    const reasons: string[] = [];
    reader.onDisconnect((r) => reasons.push(r.code));
    device.card.protocol!.missAcknowledgement();
    await vi.advanceTimersByTimeAsync(40);
    expect(reasons).toEqual([]);
    expect(reader.connected).toBe(true);
    expect(toHex(await settlesWithin(1000, reader.transmit(SELECT_JPKI)))).toBe('90 00');
  });

  it('the presence check notices a card lifted while idle', async () => {
    vi.useFakeTimers();
    const { reader, device } = await settlesWithin(1000, open({}, { presenceCheckMs: 10 }));
    const reasons: string[] = [];
    reader.onDisconnect((r) => reasons.push(r.code));
    // Four presence checks with the card on the reader: nothing to report.
    await vi.advanceTimersByTimeAsync(40);
    expect(reasons).toEqual([]);
    device.removeCard();
    await waitUntil(() => reasons.length > 0, 2000);
    expect(reasons).toEqual(['transport/card-removed']);
  });

  it('the reader never answers an escape: transport/timeout within the time allowed', async () => {
    const { reader, device } = await open({}, { timeoutMs: 50 });
    device.inject({ kind: 'drop-usb-reply' });
    vi.useFakeTimers();
    expect(await settlesWithin(1500, outcome(reader.transmit(SELECT_JPKI)))).toBe('transport/timeout');
    expect(reader.connected).toBe(false);
  });

  it('a garbled escape reply (an object running past the end): transport/protocol', async () => {
    const { reader, device } = await open();
    device.inject({ kind: 'garble-usb-reply' });
    expect(await outcome(reader.transmit(SELECT_JPKI))).toBe('transport/protocol');
  });

  it('unplugged during an exchange: transport/device-lost', async () => {
    const { reader, device } = await open();
    device.inject({ kind: 'unplug-during-command' });
    expect(await outcome(reader.transmit(SELECT_JPKI))).toBe('transport/device-lost');
  });

  it('deviceLost() from the app: listeners told once, transmits fail with transport/device-lost', async () => {
    const { reader } = await open();
    const reasons: string[] = [];
    reader.onDisconnect((r) => reasons.push(r.code));
    reader.deviceLost();
    reader.deviceLost();
    expect(reasons).toEqual(['transport/device-lost']);
    expect(await outcome(reader.transmit(SELECT_JPKI))).toBe('transport/device-lost');
  });

  it('after replug the same device opens again and reads', async () => {
    const { reader, device } = await open();
    device.unplug();
    await flush();
    expect(reader.connected).toBe(false);
    device.replug();
    const again = await Rcs300Reader.open(device, { timeoutMs: 100, presenceCheckMs: 0 });
    await again.transmit(SELECT_JPKI);
    await again.transmit(SELECT_AUTH_CERT);
    expect(toHex((await again.transmit(READ_1K)).slice(0, -2))).toBe(EXPECTED_1K);
    await again.close();
  });
});
