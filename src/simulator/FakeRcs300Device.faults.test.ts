import { afterEach, describe, expect, it, vi } from 'vitest';
import { toHex } from '../bytes';
import { Rcs300Reader, type Rcs300ReaderOptions } from '../usb/rcs300/Rcs300Reader';
import { settlesWithin } from '../testing/fakeTime';
import { SimulatedCard } from './card/SimulatedCard';
import { testPersonalisation } from './card/test-support/testPersonalisation';
import { FakeRcs300Device, type FakeRcs300DeviceOptions } from './FakeRcs300Device';
import { SELECT_JPKI, describeIsoDepFaults, outcome } from './test-support/isoDepSuite';

const { personalisation } = await testPersonalisation();
const frames = (device: FakeRcs300Device, from = 0): string[] => device.reader.rfFrames.slice(from).map((f) => toHex(Uint8Array.from(f)));

async function open(options: FakeRcs300DeviceOptions = {}, reader: Partial<Rcs300ReaderOptions> = {}) {
  const device = new FakeRcs300Device(new SimulatedCard(personalisation), options);
  return { device, reader: await Rcs300Reader.open(device, { timeoutMs: 100, presenceCheckMs: 0, ...reader }) };
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

describeIsoDepFaults('Rcs300Reader', {
  open: ({ fsc, presenceCheckMs = 0 } = {}) => open(fsc === undefined ? {} : { fsc }, { presenceCheckMs }),
  reopen: (device) => Rcs300Reader.open(device, { timeoutMs: 100, presenceCheckMs: 0 }),
  rfFrames: (device) => frames(device),
  personalisation,
  endlessWtxWithinMs: 3000,
});

describe('Rcs300Reader recovers where CCID allows', () => {
  it.each(['ccid-time-extension', 'stale-reply'] as const)('%s on the USB side: waited out or dropped, the APDU completes', async (kind) => {
    const { reader, device } = await open();
    device.inject({ kind });
    expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
    expect(device.pendingFaults).toEqual([]);
    expect(reader.connected).toBe(true);
    await reader.close();
  });
});

describe('Rcs300Reader ends the session with a typed error when it cannot recover', () => {
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
});
