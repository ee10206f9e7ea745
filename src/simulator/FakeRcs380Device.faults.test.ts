import { afterEach, describe, expect, it, vi } from 'vitest';
import { WRITE_WITHIN_MS } from '../usb/host/BulkPipes';
import { toHex } from '../bytes';
import { Rcs380Reader, type Rcs380ReaderOptions } from '../usb/rcs380/Rcs380Reader';
import { settlesWithin } from '../testing/fakeTime';
import { SimulatedCard } from './card/SimulatedCard';
import { testPersonalisation } from './card/test-support/testPersonalisation';
import { FakeRcs380Device, type FakeRcs380DeviceOptions } from './FakeRcs380Device';
import { SELECT_JPKI, describeIsoDepFaults, outcome } from './test-support/isoDepSuite';

const { personalisation } = await testPersonalisation();

async function open(options: FakeRcs380DeviceOptions = {}, reader: Partial<Rcs380ReaderOptions> = {}) {
  const device = new FakeRcs380Device(new SimulatedCard(personalisation), options);
  return { device, reader: await Rcs380Reader.open(device, { timeoutMs: 100, presenceCheckMs: 0, ...reader }) };
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

describeIsoDepFaults('Rcs380Reader', {
  open: ({ fsc, presenceCheckMs = 0 } = {}) => open(fsc === undefined ? {} : { fsc }, { presenceCheckMs }),
  reopen: (device) => Rcs380Reader.open(device, { timeoutMs: 100, presenceCheckMs: 0 }),
  rfFrames: (device) => device.chip.rfFrames.map((f) => toHex(Uint8Array.from(f))),
  personalisation,
  endlessWtxWithinMs: 2000,
});

describe('Rcs380Reader ends the session with a typed error when it cannot recover', () => {
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
});
