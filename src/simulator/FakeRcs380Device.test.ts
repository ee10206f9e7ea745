import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes';
import { Rcs380Reader, type Rcs380ReaderOptions } from '../usb/rcs380/Rcs380Reader';
import { SimulatedCard } from './card/SimulatedCard';
import { testPersonalisation } from './card/test-support/testPersonalisation';
import { FakeRcs380Device, type FakeRcs380DeviceOptions } from './FakeRcs380Device';
import { describeIsoDepReads, readAuthCertificate } from './test-support/isoDepSuite';
import { SimulatorTransport } from './SimulatorTransport';

const { personalisation } = await testPersonalisation();
const SELECT_JPKI = fromHex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');

async function open(options: FakeRcs380DeviceOptions = {}, reader: Partial<Rcs380ReaderOptions> = {}) {
  const card = new SimulatedCard(personalisation);
  const device = new FakeRcs380Device(card, options);
  return { card, device, reader: await Rcs380Reader.open(device, { timeoutMs: 500, presenceCheckMs: 0, ...reader }) };
}

describeIsoDepReads('Rcs380Reader', 'FakeRcs380Device', {
  open: ({ fsc } = {}) => open(fsc === undefined ? {} : { fsc }),
  rfFrames: (device) => device.chip.rfFrames.map((f) => toHex(Uint8Array.from(f))),
  personalisation,
});

describe('Rcs380Reader over FakeRcs380Device', () => {
  it('is kind rcs380 with the PC/SC Type B ATR made from ATQB and MBLI', async () => {
    const { reader } = await open();
    expect(reader.kind).toBe('rcs380');
    expect(toHex(reader.atr)).toBe('3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F');
    await reader.close();
  });

  it('reports firmware, ATQB fields and the frame sizes in use', async () => {
    const { reader, device } = await open({ fsc: 32 });
    const report = reader.report();
    expect(report).toMatchObject({ reader: 'RC-S380', interfaceNumber: 0, interfaceClass: 0xff, packetSize: 64, firmwareVersion: '1.11' });
    expect(report.atqb).toMatchObject({ pupi: toHex(Uint8Array.from(device.card.pupi)), applicationData: '00 00 05 E0', protocolInfo: 'B3 21 A1', fsci: 2, fwi: 10 });
    expect(report).toMatchObject({ fsc: 32, fsd: 256, sendChunk: 29, bitRateKbps: 424, mbli: 0, pollAttempts: 1, extendedLength: true });
    expect(report).toMatchObject({ bitRates: { toCard: 424, toReader: 424 }, fellBackFrom: null });
    await reader.close();
  });

  it('starts the chip as nfcpy does, sets up Type B, then polls: WUPB 05 00 08 and ATTRIB 1D <PUPI> 00 08 01 00 (106 kbit/s when told to stay there)', async () => {
    const { reader, device } = await open({}, { bitRates: [] });
    // SetCommandType, GetFirmwareVersion, SwitchRF off, InSetRF, InSetProtocol, SwitchRF on, InCommRF ×2.
    expect(device.chip.commands.slice(0, 8)).toEqual([0x2a, 0x20, 0x06, 0x00, 0x02, 0x06, 0x04, 0x04]);
    expect(device.acksReceived).toBe(1);
    expect(toHex(Uint8Array.from(device.chip.rfFrames[0]!))).toBe('05 00 08');
    expect(toHex(Uint8Array.from(device.chip.rfFrames[1]!))).toBe(`1D ${toHex(Uint8Array.from(device.card.pupi))} 00 08 01 00`);
    await reader.close();
  });

  it('asks a card offering 212/424 both ways (Protocol Info B3) for 424 kbit/s: ATTRIB Param 2 A8, then InSetRF 03 09 0F 09 and an R(NAK) B2 the card answers at 424', async () => {
    const { reader, device } = await open();
    expect(toHex(Uint8Array.from(device.chip.rfFrames[1]!))).toBe(`1D ${toHex(Uint8Array.from(device.card.pupi))} 00 A8 01 00`);
    // … InCommRF WUPB, InCommRF ATTRIB, InSetRF (424), InCommRF R(NAK).
    expect(device.chip.commands.slice(6, 10)).toEqual([0x04, 0x04, 0x00, 0x04]);
    expect(toHex(Uint8Array.from(device.chip.rfFrames[2]!))).toBe('B2');
    expect(device.card.rates).toEqual({ toCard: 424, toReader: 424 });
    expect(reader.report()).toMatchObject({ bitRateKbps: 424, fellBackFrom: null });
    const direct = new SimulatorTransport(new SimulatedCard(personalisation));
    expect(await readAuthCertificate((c) => reader.transmit(c))).toBe(await readAuthCertificate((c) => direct.transmit(c)));
    await reader.close();
  });

  it('offers only what the card offers: Protocol Info 80 (106 only, same rate both ways) keeps ATTRIB Param 2 at 08 and sends no InSetRF after it', async () => {
    const { reader, device } = await open({ protocolInfo: [0x80, 0x81, 0xa1] });
    expect(toHex(Uint8Array.from(device.chip.rfFrames[1]!))).toBe(`1D ${toHex(Uint8Array.from(device.card.pupi))} 00 08 01 00`);
    expect(device.chip.commands.filter((c) => c === 0x00)).toHaveLength(1);
    expect(reader.report().bitRateKbps).toBe(106);
    await reader.close();
  });

  it('a card that takes 424 in ATTRIB but is not heard at it: back to 106, the field cycled, WUPB and ATTRIB at 106, and the scan works', async () => {
    const { reader, device } = await open({ workingRateLimitKbps: 106 });
    const frames = device.chip.rfFrames.map((f) => toHex(Uint8Array.from(f)));
    // WUPB, ATTRIB (A8), three R(NAK) probes unanswered, then WUPB and ATTRIB (08) after the field was cycled.
    expect(frames.slice(0, 5).map((f) => f.slice(0, 2))).toEqual(['05', '1D', 'B2', 'B2', 'B2']);
    expect(frames[1]!.endsWith('00 A8 01 00')).toBe(true);
    expect(frames[5]).toBe('05 00 08');
    expect(frames[6]!.endsWith('00 08 01 00')).toBe(true);
    expect(reader.report()).toMatchObject({ bitRateKbps: 106, bitRates: { toCard: 106, toReader: 106 }, fellBackFrom: { toCard: 424, toReader: 424 }, pollAttempts: 1 });
    expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
    await reader.close();
  });

  it('on close: S(DESELECT), field off, ACK, interface released', async () => {
    const { reader, device } = await open();
    await reader.transmit(SELECT_JPKI);
    await reader.close();
    expect(toHex(Uint8Array.from(device.chip.rfFrames.at(-1)!))).toBe('C2');
    expect(device.chip.commands.at(-1)).toBe(0x06);
    expect(device.chip.powering).toBe(false);
    expect(device.acksReceived).toBe(2);
  });

  it('a small MBLI chain buffer turns extended APDUs off', async () => {
    const { reader } = await open({ fsc: 16, mbli: 2 });
    expect(reader.extendedLength).toBe(false);
    await reader.close();
  });
});
