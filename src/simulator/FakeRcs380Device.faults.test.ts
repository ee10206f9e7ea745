import { afterEach, describe, expect, it, vi } from 'vitest';
import { WRITE_WITHIN_MS } from '../usb/host/BulkPipes';
import { fromHex, toHex } from '../bytes';
import { Rcs380Reader, type Rcs380ReaderOptions } from '../usb/rcs380/Rcs380Reader';
import { settlesWithin, waitUntil } from '../testing/fakeTime';
import { SimulatedCard } from './card/SimulatedCard';
import { testPersonalisation } from './card/test-support/testPersonalisation';
import { FakeRcs380Device, type FakeRcs380DeviceOptions } from './FakeRcs380Device';

const { personalisation } = await testPersonalisation();
const SELECT_JPKI = fromHex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
const SELECT_AUTH_CERT = fromHex('00 A4 02 0C 02 00 0A');
const READ_1K = fromHex('00 B0 00 00 00 04 00');
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const EXPECTED_1K = toHex(personalisation.jpki.authCertificateEf.slice(0, 0x400));

async function open(options: FakeRcs380DeviceOptions = {}, reader: Partial<Rcs380ReaderOptions> = {}) {
  const device = new FakeRcs380Device(new SimulatedCard(personalisation), options);
  return { device, reader: await Rcs380Reader.open(device, { timeoutMs: 100, presenceCheckMs: 0, ...reader }) };
}

/** Time to settle, or the typed error code. */
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

describe('RC-S380 start-up obstacles become UsbAccessError codes', () => {
  it('no card on the reader: usb/no-card after the bounded polls', async () => {
    vi.useFakeTimers();
    await expect(settlesWithin(1000, open({ noCard: true }, { pollAttempts: 3, pollIntervalMs: 5 }))).rejects.toMatchObject({ code: 'usb/no-card' });
  });

  it('a card put down during polling is found on a later poll', async () => {
    vi.useFakeTimers();
    const device = new FakeRcs380Device(new SimulatedCard(personalisation), { noCard: true });
    // Put down once two WUPBs have gone unanswered (by event, not by clock).
    const handle = device.chip.handle.bind(device.chip);
    let putDown = false;
    device.chip.handle = (body) => {
      const reply = handle(body);
      if (!putDown && device.chip.rfFrames.filter((f) => f[0] === 0x05).length === 2) {
        putDown = true;
        device.insertCard();
      }
      return reply;
    };
    const reader = await settlesWithin(1000, Rcs380Reader.open(device, { timeoutMs: 100, presenceCheckMs: 0, pollAttempts: 20, pollIntervalMs: 10 }));
    expect(reader.report().pollAttempts).toBe(3);
    expect(toHex(await settlesWithin(1000, reader.transmit(SELECT_JPKI)))).toBe('90 00');
    await settlesWithin(1000, reader.close());
  });

  it.each([
    ['linux', 'usb/reader-busy-linux'],
    ['windows', 'usb/reader-busy-windows'],
    ['chromeos', 'usb/reader-busy'],
  ] as const)('another driver holds the interface on %s: %s', async (os, code) => {
    await expect(open({ heldByOs: true }, { os })).rejects.toMatchObject({ code });
  });
});

describe('Rcs380Reader recovers where ISO/IEC 14443-4 allows', () => {
  it.each(['lose-command', 'lose-response', 'corrupt-response'] as const)('%s: R(NAK) and the APDU still succeeds', async (kind) => {
    const { reader, device } = await open();
    device.inject({ kind });
    expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
    expect(device.chip.rfFrames.some((f) => f.length === 1 && (f[0]! & 0xf6) === 0xb2)).toBe(true);
    await reader.close();
  });

  it.each(['lose-command', 'lose-response', 'corrupt-response'] as const)('%s in the middle of a chained answer: R(ACK) again, same bytes', async (kind) => {
    const { reader, device } = await open({ fsc: 32 });
    await reader.transmit(SELECT_JPKI);
    await reader.transmit(SELECT_AUTH_CERT);
    const frames = device.chip.rfFrames.length;
    // The command and two R(ACK)s go through; the third R(ACK) meets the fault.
    device.injectAfterRfFrames(3, { kind });
    const r = await reader.transmit(READ_1K);
    expect(toHex(r.slice(0, -2))).toBe(EXPECTED_1K);
    const sent = device.chip.rfFrames.slice(frames).map((f) => toHex(Uint8Array.from(f)));
    // 1026 bytes in 29-byte pieces: 36 I-blocks; one R(ACK) repeated under rule 5 (or rule 10 answers it).
    expect(sent.filter((f) => f === 'A2' || f === 'A3').length).toBe(36);
    expect(sent[3]).toBe(sent[4]);
    await reader.close();
  });

  it('S(WTX) requests are answered and the APDU completes', async () => {
    const { reader, device } = await open();
    device.inject({ kind: 'wtx', wtxm: 5, times: 3 });
    expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
    expect(device.chip.rfFrames.filter((f) => f[0] === 0xf2 && f[1] === 5).length).toBe(3);
    await reader.close();
  });

  it('a card asking for more time for ever: transport/protocol in bounded time', async () => {
    const { reader, device } = await open();
    device.inject({ kind: 'endless-wtx' });
    vi.useFakeTimers();
    expect(await settlesWithin(2000, outcome(reader.transmit(SELECT_JPKI)))).toBe('transport/protocol');
  });
});

describe('Rcs380Reader ends the session with a typed error when it cannot recover', () => {
  it('card lifted between APDUs: transport/card-removed on the next one', async () => {
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

  it('the chip never answers a command: transport/timeout within the time allowed', async () => {
    const { reader, device } = await open({}, { timeoutMs: 50 });
    device.inject({ kind: 'drop-usb-reply' });
    vi.useFakeTimers();
    expect(await settlesWithin(1500, outcome(reader.transmit(SELECT_JPKI)))).toBe('transport/timeout');
    expect(reader.connected).toBe(false);
  });

  it('a chip that never takes the command (bulk-OUT NAKed for ever): transport/timeout after the write time, and close() still ends', async () => {
    const { reader, device } = await open();
    vi.useFakeTimers();
    device.inject({ kind: 'hang-bulk-out' });
    let settled: string | null = null;
    void outcome(reader.transmit(SELECT_JPKI)).then((code) => (settled = code));
    await vi.advanceTimersByTimeAsync(WRITE_WITHIN_MS - 1);
    expect(settled).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe('transport/timeout');
    vi.useRealTimers();
    await reader.close();
    expect(reader.connected).toBe(false);
  });

  it('a response frame with a bad checksum: transport/protocol', async () => {
    const { reader, device } = await open();
    device.inject({ kind: 'corrupt-usb-frame' });
    expect(await outcome(reader.transmit(SELECT_JPKI))).toBe('transport/protocol');
  });

  it('unplugged during a command: transport/device-lost', async () => {
    const { reader, device } = await open();
    device.inject({ kind: 'unplug-during-command' });
    expect(await outcome(reader.transmit(SELECT_JPKI))).toBe('transport/device-lost');
  });

  it('after replug the same device opens again and reads', async () => {
    const { reader, device } = await open();
    device.unplug();
    await flush();
    expect(reader.connected).toBe(false);
    device.replug();
    const again = await Rcs380Reader.open(device, { timeoutMs: 100, presenceCheckMs: 0 });
    await again.transmit(SELECT_JPKI);
    await again.transmit(SELECT_AUTH_CERT);
    expect(toHex((await again.transmit(READ_1K)).slice(0, -2))).toBe(EXPECTED_1K);
    await again.close();
  });
});
