import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes';
import { Rcs300Reader, type Rcs300ReaderOptions } from '../usb/rcs300/Rcs300Reader';
import { SimulatedCard } from './card/SimulatedCard';
import { testPersonalisation } from './card/test-support/testPersonalisation';
import { FakeRcs300Device, type FakeRcs300DeviceOptions } from './FakeRcs300Device';
import { describeIsoDepReads } from './test-support/isoDepSuite';

const { personalisation } = await testPersonalisation();
const SELECT_JPKI = fromHex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
const hex = (frame: readonly number[] | undefined): string => toHex(Uint8Array.from(frame ?? []));

async function open(options: FakeRcs300DeviceOptions = {}, reader: Partial<Rcs300ReaderOptions> = {}) {
  const device = new FakeRcs300Device(new SimulatedCard(personalisation), options);
  return { device, reader: await Rcs300Reader.open(device, { timeoutMs: 500, presenceCheckMs: 0, ...reader }) };
}

describeIsoDepReads('Rcs300Reader', 'FakeRcs300Device', {
  open: ({ fsc } = {}) => open(fsc === undefined ? {} : { fsc }),
  rfFrames: (device) => device.reader.rfFrames.map((f) => toHex(Uint8Array.from(f))),
  personalisation,
});

describe('Rcs300Reader over FakeRcs300Device', () => {
  it('is kind rcs300 with the PC/SC Type B ATR made from ATQB and MBLI', async () => {
    const { reader } = await open();
    expect(reader.kind).toBe('rcs300');
    expect(toHex(reader.atr)).toBe('3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F');
    await reader.close();
  });

  it('claims interface 1 (class FF), never the CCID interface 0, and reports the session facts', async () => {
    const { reader, device } = await open({ fsc: 32 });
    const report = reader.report();
    expect(report).toMatchObject({ reader: 'RC-S300', experimental: true, interfaceNumber: 1, interfaceClass: 0xff, packetSize: 64, firmwareVersion: '01 00' });
    expect(report).toMatchObject({ pseudoApduIns: 0x50, switchLayer: 3, switchInfo: null, flagsAccepted: true });
    expect(report.atqb).toMatchObject({ pupi: hex(device.card.pupi), applicationData: '00 00 05 E0', protocolInfo: 'B3 21 A1', fsci: 2, fwi: 10 });
    expect(report).toMatchObject({ fsc: 32, fsd: 256, sendChunk: 29, bitRateKbps: 106, mbli: 0, pollAttempts: 1, extendedLength: true });
    await reader.close();
  });

  it('starts as the public code does, then switches to Type B layer 3 and sends WUPB 05 00 08 and ATTRIB 1D <PUPI> 00 08 01 00', async () => {
    const { reader, device } = await open();
    expect(device.reader.commands.slice(0, 7)).toEqual(['firmware', 'end', 'start', 'rf-off', 'rf-on', 'flags', 'switch 1/3']);
    expect(device.reader.readerPolls).toBe(1);
    expect(hex(device.reader.rfFrames[0])).toBe('05 00 08');
    expect(hex(device.reader.rfFrames[1])).toBe(`1D ${hex(device.card.pupi)} 00 08 01 00`);
    expect(device.reader.flags).toBe(0x0010);
    expect(device.sequenceNumbers.slice(0, 4)).toEqual([0, 1, 2, 3]);
    await reader.close();
  });

  it('layer 2 and no flags: the reader does not poll itself; WUPB comes from the host', async () => {
    const { reader, device } = await open({}, { switchLayer: 2, transmissionFlags: null });
    expect(device.reader.commands).toContain('switch 1/2');
    expect(device.reader.commands).not.toContain('flags');
    expect(device.reader.readerPolls).toBe(0);
    expect(reader.report()).toMatchObject({ switchLayer: 2, flagsAccepted: null });
    expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
    await reader.close();
  });

  it('a reader that refuses the flags object (6A 81) is still used, CRC left to its default', async () => {
    const { reader } = await open({ flagsSupported: false });
    expect(reader.report().flagsAccepted).toBe(false);
    expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
    await reader.close();
  });

  it('on close: S(DESELECT), RF off, end session, interface released', async () => {
    const { reader, device } = await open();
    await reader.transmit(SELECT_JPKI);
    await reader.close();
    expect(hex(device.reader.rfFrames.at(-1))).toBe('C2');
    expect(device.reader.commands.slice(-2)).toEqual(['rf-off', 'end']);
    expect(device.reader.fieldOn).toBe(false);
    expect(device.reader.sessionOpen).toBe(false);
  });
});
