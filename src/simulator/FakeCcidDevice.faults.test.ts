import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromHex, toHex } from '../bytes';
import { describeTransportContract } from '../transport/transport.contract';
import { CcidReader, type CcidReaderOptions } from '../usb/ccid/CcidReader';
import { settlesWithin } from '../testing/fakeTime';
import { SimulatedCard } from './card/SimulatedCard';
import { testPersonalisation } from './card/test-support/testPersonalisation';
import { FakeCcidDevice, type FakeCcidDeviceOptions } from './FakeCcidDevice';

const { personalisation } = await testPersonalisation();
const SELECT_JPKI = fromHex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
const SELECT_AUTH_CERT = fromHex('00 A4 02 0C 02 00 0A');
const READ_300 = fromHex('00 B0 00 00 00 01 2C');
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function device(options: FakeCcidDeviceOptions): FakeCcidDevice {
  return new FakeCcidDevice(new SimulatedCard(personalisation), options);
}

async function open(options: FakeCcidDeviceOptions, reader: Partial<CcidReaderOptions> = {}) {
  const fake = device(options);
  return { device: fake, reader: await CcidReader.open(fake, { timeoutMs: 200, ...reader }) };
}

/** The JPKI auth certificate's first 300 bytes over a reader, in short READ BINARYs when needed. */
async function first300(reader: CcidReader): Promise<string> {
  await reader.transmit(SELECT_JPKI);
  await reader.transmit(SELECT_AUTH_CERT);
  if (reader.extendedLength) return toHex((await reader.transmit(READ_300)).slice(0, -2));
  const a = await reader.transmit(fromHex('00 B0 00 00 FF'));
  const b = await reader.transmit(fromHex('00 B0 00 FF 2D'));
  return toHex(Uint8Array.of(...a.slice(0, -2), ...b.slice(0, -2)));
}

const EXPECTED_300 = toHex(personalisation.jpki.authCertificateEf.slice(0, 300));

describeTransportContract('CcidReader over FakeCcidDevice (t0)', async () => {
  const fake = device({ personality: 't0' });
  return {
    transport: await CcidReader.open(fake, { timeoutMs: 200 }),
    probe: SELECT_JPKI,
    expectedResponse: fromHex('90 00'),
    unplug: async () => {
      fake.unplug();
      await flush();
    },
  };
});

describe('CcidReader personalities', () => {
  it('T=0 TPDU level: sends case-4 commands without Le and reports no extended APDUs', async () => {
    const { reader, device: fake } = await open({ personality: 't0', features: 0x000100b8 });
    expect(reader.report().protocol).toBe('T=0');
    expect(reader.extendedLength).toBe(false);
    // SetParameters with bProtocolNum 0 (CCID 1.1 §6.1.7) since the reader leaves it to the host.
    expect(fake.received.slice(0, 2)).toEqual([0x62, 0x61]);
    expect(await first300(reader)).toBe(EXPECTED_300);
    // A case-4 INTERNAL AUTHENTICATE-like command travels as a case-3 TPDU: Le dropped.
    await reader.transmit(fromHex('00 88 00 00 02 01 02 00')).catch(() => undefined);
    expect(toHex(fake.xfrPayloads.at(-1)!)).toBe('00 88 00 00 02 01 02');
  });

  it('two slots: finds the card in slot 1 and talks to it there', async () => {
    const { reader } = await open({ personality: 'two-slot' });
    expect(reader.report().slot).toBe(1);
    expect(await first300(reader)).toBe(EXPECTED_300);
  });

  it.each([8, 16])('small packets (%i bytes): replies spread over many transfers still assemble', async (packetSize) => {
    const { reader } = await open({ personality: 'scr3310', packetSize });
    expect(await first300(reader)).toBe(EXPECTED_300);
  });

  it('reports what the reader check view needs', async () => {
    const { reader } = await open({ personality: 'scr3310' });
    const report = reader.report();
    expect(report).toMatchObject({ interfaceClass: 0xff, exchangeLevel: 'tpdu', protocol: 'T=1', slot: 0, packetSize: 64 });
    expect(report.descriptor.maxMessageLength).toBe(271);
    expect(report.atr?.t1?.ifsc).toBe(254);
  });
});

describe('CcidReader start-up obstacles become UsbAccessError codes', () => {
  it('a class-0x0B reader in a plain page: usb/protected-class', async () => {
    await expect(open({ personality: 'extended-apdu', protectedClassBlocked: true })).rejects.toMatchObject({ code: 'usb/protected-class' });
  });

  it('a vendor-class reader is not a protected class, even in a plain page', async () => {
    const { reader } = await open({ personality: 'scr3310', protectedClassBlocked: true });
    expect(reader.connected).toBe(true);
  });

  it.each([
    ['linux', 'usb/reader-busy-linux'],
    ['windows', 'usb/reader-busy-windows'],
    ['macos', 'usb/reader-busy-macos'],
    ['chromeos', 'usb/reader-busy'],
  ] as const)('the OS service holds the interface on %s: %s', async (os, code) => {
    await expect(open({ personality: 'scr3310', heldByOs: true }, { os })).rejects.toMatchObject({ code });
  });

  it('an empty slot: usb/no-card', async () => {
    await expect(open({ personality: 'scr3310', noCard: true })).rejects.toMatchObject({ code: 'usb/no-card' });
  });
});

describe('CcidReader under injected faults', () => {
  // Timing tests run on fake timers: "within N ms" is measured on the code's own clock.
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a lost reply ends in transport/timeout within the time allowed, and the reader is released', async () => {
    const { reader, device: fake } = await open({ personality: 'scr3310' }, { timeoutMs: 50 });
    fake.inject({ kind: 'drop-reply' });
    vi.useFakeTimers();
    await expect(settlesWithin(1000, reader.transmit(SELECT_JPKI))).rejects.toMatchObject({ code: 'transport/timeout' });
    expect(reader.connected).toBe(false);
  });

  it('endless time extensions end at the command deadline', async () => {
    const { reader, device: fake } = await open({ personality: 'extended-apdu' }, { timeoutMs: 50, commandDeadlineMs: 150 });
    fake.inject({ kind: 'endless-time-extension' });
    vi.useFakeTimers();
    await expect(settlesWithin(1000, reader.transmit(SELECT_JPKI))).rejects.toMatchObject({ code: 'transport/timeout' });
  });

  it('a reply with another bSeq is dropped and the wait times out instead of taking it', async () => {
    const { reader, device: fake } = await open({ personality: 'extended-apdu' }, { timeoutMs: 50 });
    fake.inject({ kind: 'wrong-seq' });
    await expect(reader.transmit(SELECT_JPKI)).rejects.toMatchObject({ code: 'transport/timeout' });
  });

  it('a stalled bulk-IN pipe is cleared and reported as transport/protocol', async () => {
    const { reader, device: fake } = await open({ personality: 'extended-apdu' });
    fake.inject({ kind: 'stall' });
    await expect(reader.transmit(SELECT_JPKI)).rejects.toMatchObject({ code: 'transport/protocol' });
  });

  it('a stalled bulk-OUT pipe fails the command at once as transport/protocol and ends the session, instead of waiting for a reply to a message the reader never took', async () => {
    const { reader, device: fake } = await open({ personality: 'extended-apdu' }, { timeoutMs: 60_000 });
    fake.inject({ kind: 'stall-bulk-out' });
    await expect(reader.transmit(SELECT_JPKI)).rejects.toMatchObject({ code: 'transport/protocol' });
    expect(reader.connected).toBe(false);
  });

  it('an oversize packet (babble) is reported as transport/protocol', async () => {
    const { reader, device: fake } = await open({ personality: 'extended-apdu' });
    fake.inject({ kind: 'oversize-packet' });
    await expect(reader.transmit(SELECT_JPKI)).rejects.toMatchObject({ code: 'transport/protocol' });
  });

  it('a truncated reply never completes and times out', async () => {
    const { reader, device: fake } = await open({ personality: 'extended-apdu' }, { timeoutMs: 50 });
    fake.inject({ kind: 'truncated-reply' });
    await expect(reader.transmit(SELECT_JPKI)).rejects.toMatchObject({ code: 'transport/timeout' });
  });

  it('a corrupted T=1 block from the card is asked for again (ISO 7816-3 §11.6.3) and the APDU succeeds', async () => {
    const { reader, device: fake } = await open({ personality: 'scr3310' });
    fake.inject({ kind: 'corrupt-block' });
    expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
  });

  it('a card answering garbage inside T=1 is recovered or reported, never hangs', async () => {
    const { reader, device: fake } = await open({ personality: 'scr3310' });
    fake.inject({ kind: 'card-garbage', bytes: fromHex('FF FF') });
    const outcome = await reader.transmit(SELECT_JPKI).then(
      (r) => toHex(r),
      (e: { code?: string }) => e.code,
    );
    expect(['90 00', 'transport/protocol']).toContain(outcome);
  });

  it('the card pulled out during a command: transport/card-removed', async () => {
    const { reader, device: fake } = await open({ personality: 'scr3310' });
    fake.inject({ kind: 'remove-card-during-command' });
    await expect(reader.transmit(SELECT_JPKI)).rejects.toMatchObject({ code: 'transport/card-removed' });
    expect(reader.connected).toBe(false);
  });

  it('the reader unplugged during a command: transport/device-lost', async () => {
    const { reader, device: fake } = await open({ personality: 'scr3310' });
    fake.inject({ kind: 'unplug-during-command' });
    await expect(reader.transmit(SELECT_JPKI)).rejects.toMatchObject({ code: 'transport/device-lost' });
  });

  it('after replug the same device opens again and reads', async () => {
    const { reader, device: fake } = await open({ personality: 'scr3310' });
    fake.unplug();
    await flush();
    await expect(reader.transmit(SELECT_JPKI)).rejects.toMatchObject({ code: expect.stringMatching(/device-lost|closed/) });
    fake.replug();
    const again = await CcidReader.open(fake, { timeoutMs: 200 });
    expect(await first300(again)).toBe(EXPECTED_300);
  });
});
