import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import { describeTransportContract } from '../../transport/transport.contract';
import { CcidReader } from '../../usb/ccid/CcidReader';
import { SimulatedCard } from '../card/SimulatedCard';
import { testPersonalisation } from '../card/test-support/testPersonalisation';
import { FakeCcidDevice } from '../FakeCcidDevice';
import { SimulatorTransport } from '../SimulatorTransport';

/**
 * The RC-S300's standard CCID interface (libccid readers/SONY_FeliCa_RC-S300_S.txt: dwFeatures
 * 0x0004007E, dwProtocols 0x0002, 522-byte messages) with a My Number Card on it: our CCID driver
 * sends plain APDUs and the reader does Type B and ISO-DEP — no code of ours below APDUs.
 */
const { personalisation } = await testPersonalisation();
const SELECT_JPKI = fromHex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
const SELECT_AUTH_CERT = fromHex('00 A4 02 0C 02 00 0A');
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function open() {
  const device = new FakeCcidDevice(new SimulatedCard(personalisation), { personality: 'rcs300-ccid' });
  return { device, reader: await CcidReader.open(device, { timeoutMs: 1000 }) };
}

describeTransportContract('CcidReader over the RC-S300 CCID interface', async () => {
  const { device, reader } = await open();
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

describe('the RC-S300 CCID interface', () => {
  it('reads as libccid lists it: class 0B, dwFeatures 0004007E (extended APDU, automatic parameters), T=1 only, 522-byte messages', async () => {
    const { device, reader } = await open();
    expect([device.vendorId, device.productId]).toEqual([0x054c, 0x0dc8]);
    const report = reader.report();
    expect(report).toMatchObject({ interfaceNumber: 0, interfaceClass: 0x0b, exchangeLevel: 'extended-apdu' });
    expect(report.descriptor.features.raw).toBe(0x0004007e);
    expect(report.descriptor).toMatchObject({ maxMessageLength: 522, protocols: { t0: false, t1: true } });
    // The PC/SC Part 3 ATR of the Type B card, as smartcard_list.txt has it.
    expect(toHex(reader.atr)).toBe('3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F');
    // Automatic parameters from the ATR: no SetParameters (61), only power on and XfrBlocks.
    expect(device.received.includes(0x61)).toBe(false);
    await reader.close();
  });

  it('sends APDUs as they are (no T=1 blocks) and gets a 1 KiB answer chained in 512-byte pieces', async () => {
    const { device, reader } = await open();
    await reader.transmit(SELECT_JPKI);
    expect(toHex(device.xfrPayloads[0]!)).toBe(toHex(SELECT_JPKI));
    await reader.transmit(SELECT_AUTH_CERT);
    const answer = await reader.transmit(fromHex('00 B0 00 00 00 04 00'));
    const direct = new SimulatorTransport(new SimulatedCard(personalisation), { extendedLength: true });
    await direct.transmit(SELECT_JPKI);
    await direct.transmit(SELECT_AUTH_CERT);
    expect(toHex(answer)).toBe(toHex(await direct.transmit(fromHex('00 B0 00 00 00 04 00'))));
    expect(answer.length).toBe(1026);
    await reader.close();
  });
});
