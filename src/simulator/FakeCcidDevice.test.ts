import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes';
import { describeTransportContract } from '../transport/transport.contract';
import { CcidReader } from '../usb/ccid/CcidReader';
import { SimulatedCard } from './card/SimulatedCard';
import { testPersonalisation } from './card/test-support/testPersonalisation';
import { FakeCcidDevice, type FakeCcidDeviceOptions, type FakeCcidPersonality } from './FakeCcidDevice';
import { SimulatorTransport } from './SimulatorTransport';

const { personalisation } = await testPersonalisation();
const SELECT_JPKI = fromHex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
const SELECT_AUTH_CERT = fromHex('00 A4 02 0C 02 00 0A');
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function open(options: FakeCcidDeviceOptions, timeoutMs = 1000) {
  const card = new SimulatedCard(personalisation);
  const device = new FakeCcidDevice(card, options);
  const reader = await CcidReader.open(device, { timeoutMs });
  return { card, device, reader };
}

/** SELECT JPKI, SELECT the auth certificate EF, READ BINARY in 255-byte (short) pieces. */
async function readAuthCertificate(transmit: (c: Uint8Array) => Promise<Uint8Array>): Promise<string> {
  expect(toHex((await transmit(SELECT_JPKI)).slice(-2))).toBe('90 00');
  expect(toHex((await transmit(SELECT_AUTH_CERT)).slice(-2))).toBe('90 00');
  const parts: string[] = [];
  for (let offset = 0; offset < 4096; offset += 0xff) {
    const r = await transmit(Uint8Array.of(0x00, 0xb0, offset >> 8, offset & 0xff, 0xff));
    const sw = toHex(r.slice(-2));
    if (sw !== '90 00') break;
    parts.push(toHex(r.slice(0, -2)));
    if (r.length - 2 < 0xff) break;
  }
  return parts.join(' ');
}

for (const personality of ['scr3310', 'extended-apdu', 'short-apdu', 'two-slot'] as const satisfies readonly FakeCcidPersonality[]) {
  describeTransportContract(`CcidReader over FakeCcidDevice (${personality})`, async () => {
    const { device, reader } = await open({ personality });
    return {
      transport: reader,
      probe: SELECT_JPKI,
      expectedResponse: fromHex('90 00'),
      unplug: async () => {
        device.unplug();
        await flush();
      },
    };
  });

  describe(`CcidReader over FakeCcidDevice (${personality})`, () => {
    it('reads the JPKI auth certificate with the same bytes as SimulatorTransport', async () => {
      const { reader } = await open({ personality });
      const direct = new SimulatorTransport(new SimulatedCard(personalisation));
      const viaUsb = await readAuthCertificate((c) => reader.transmit(c));
      const expected = await readAuthCertificate((c) => direct.transmit(c));
      expect(viaUsb.length).toBeGreaterThan(1000);
      expect(viaUsb).toBe(expected);
      expect(viaUsb.replace(/ /g, '')).toBe(toHex(personalisation.jpki.authCertificateEf).replace(/ /g, '').slice(0, viaUsb.replace(/ /g, '').length));
      await reader.close();
    });

    it('is kind ccid with the card ATR; extended APDUs at extended-APDU level and over T=1, not at short-APDU level', async () => {
      const { reader } = await open({ personality });
      expect(reader.kind).toBe('ccid');
      expect(toHex(reader.atr)).toBe('3B E0 00 FF 81 31 FE 45 14');
      expect(reader.extendedLength).toBe(personality !== 'short-apdu');
      await reader.close();
    });

    it('waits through time-extension replies and drops replies with another bSeq', async () => {
      const { reader } = await open({ personality, timeExtensions: 2, staleReplies: true });
      expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
      await reader.close();
    });

    it('reports a card taken out with transport/card-removed', async () => {
      const { reader, device } = await open({ personality });
      const reasons: string[] = [];
      reader.onDisconnect((r) => reasons.push(r.code));
      device.removeCard();
      await flush();
      expect(reasons).toEqual(['transport/card-removed']);
      await expect(reader.transmit(SELECT_JPKI)).rejects.toMatchObject({ code: 'transport/card-removed' });
    });
  });
}

describe('CcidReader at TPDU level', () => {
  it('sends SetParameters when the reader does not configure itself from the ATR', async () => {
    const { reader, device } = await open({ personality: 'scr3310', features: 0x000100b8 });
    expect(device.received.slice(0, 2)).toEqual([0x62, 0x61]);
    expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
    await reader.close();
  });

  it('sends SetParameters even when the reader configures itself from the ATR (0x02), as libccid does', async () => {
    const { reader, device } = await open({ personality: 'scr3310' });
    expect(device.received.slice(0, 2)).toEqual([0x62, 0x61]);
    await reader.close();
  });

  it('skips SetParameters when the reader negotiates parameters itself (dwFeatures 0x40)', async () => {
    const { reader, device } = await open({ personality: 'scr3310', features: 0x000101fa });
    expect(device.received).not.toContain(0x61);
    expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
    await reader.close();
  });
});

describe('CcidReader extended APDUs', () => {
  it('gathers an extended READ BINARY answered in chained DataBlocks (bChainParameter 01, 03, 02)', async () => {
    const { reader, device } = await open({ personality: 'extended-apdu' });
    await reader.transmit(SELECT_JPKI);
    await reader.transmit(SELECT_AUTH_CERT);
    const r = await reader.transmit(fromHex('00 B0 00 00 00 04 00'));
    expect(toHex(r.slice(-2))).toBe('90 00');
    expect(r.length - 2).toBe(Math.min(0x400, personalisation.jpki.authCertificateEf.length));
    expect(toHex(r.slice(0, -2))).toBe(toHex(personalisation.jpki.authCertificateEf.slice(0, 0x400)));
    // 1026 bytes in 512-byte messages: the command and two "give me the rest" XfrBlocks.
    expect(device.received.filter((t) => t === 0x6f).length).toBe(3 + 2);
    await reader.close();
  });
});
