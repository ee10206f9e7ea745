import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import { Rcs380Reader } from './Rcs380Reader';
import { ScriptedPort100Device, type Port100ScriptStep } from './test-support/ScriptedPort100Device';

/**
 * The driver on the wire, against frames written by hand — not produced by our encoders — from
 * the Port-100 layout (00 00 FF FF FF, LEN little-endian, LCS, D6/D7 code data, DCS, 00: nfcpy
 * rcs380.py, Linux port100.c), InCommRF (timeout in 0.1 ms little-endian; status, collision byte,
 * card bytes), ISO/IEC 14443-3 (WUPB, ATQB, ATTRIB) and ISO/IEC 14443-4 (I(0) = 02, R(NAK) = B2).
 * Checksums were added by hand: e.g. D6 06 00 sums to DC, so DCS = 24.
 */
const ACK = '00 00 FF 00 FF 00';
const START_UP: readonly Port100ScriptStep[] = [
  { out: ACK, in: [] },
  // SetCommandType 1; the ACK and the response come in one transfer.
  { out: '00 00 FF FF FF 03 00 FD D6 2A 01 FF 00', in: [`${ACK} 00 00 FF FF FF 03 00 FD D7 2B 00 FE 00`] },
  // GetFirmwareVersion → 11 01 (v1.11).
  { out: '00 00 FF FF FF 02 00 FE D6 20 0A 00', in: [ACK, '00 00 FF FF FF 04 00 FC D7 21 11 01 F6 00'] },
  // SwitchRF off.
  { out: '00 00 FF FF FF 03 00 FD D6 06 00 24 00', in: [ACK, '00 00 FF FF FF 03 00 FD D7 07 00 22 00'] },
  // InSetRF 106B: 03 07 0F 07.
  { out: '00 00 FF FF FF 06 00 FA D6 00 03 07 0F 07 0A 00', in: [ACK, '00 00 FF FF FF 03 00 FD D7 01 00 28 00'] },
  // InSetProtocol, 19 settings: 40 bytes (LEN 28, LCS D8); D8 + keys B1 + values 2C = 1B5, so DCS 4B.
  {
    out: '00 00 FF FF FF 28 00 D8 D6 02 00 14 01 01 02 01 03 00 04 00 05 00 06 00 07 08 08 00 09 01 0A 01 0B 01 0C 01 0E 04 0F 00 10 00 11 00 12 00 13 06 4B 00',
    in: [ACK, '00 00 FF FF FF 03 00 FD D7 03 00 26 00'],
  },
  // SwitchRF on.
  { out: '00 00 FF FF FF 03 00 FD D6 06 01 23 00', in: [ACK, '00 00 FF FF FF 03 00 FD D7 07 00 22 00'] },
  // InCommRF, 30 ms (2C 01): WUPB 05 00 08 → ATQB 50 12 34 56 78 | 00 00 05 E0 | B3 81 A1, split over two transfers.
  { out: '00 00 FF FF FF 07 00 F9 D6 04 2C 01 05 00 08 EC 00', in: [ACK, '00 00 FF FF FF 13 00 ED D7 05 00 00 00 00 00 50 12', '34 56 78 00 00 05 E0 B3 81 A1 06 00'] },
  // InCommRF, FWT for FWI 10 = 309.31 ms → 3094 (16 0C): ATTRIB 1D 12 34 56 78 00 08 01 00 → 00 (MBLI 0, CID 0).
  { out: '00 00 FF FF FF 0D 00 F3 D6 04 16 0C 1D 12 34 56 78 00 08 01 00 CA 00', in: [ACK, '00 00 FF FF FF 08 00 F8 D7 05 00 00 00 00 00 00 24 00'] },
];
/** FWT + ΔFWT = 309.31 + 3.62 ms → 3130 units: 3A 0C. */
const SELECT_I0 = '00 00 FF FF FF 0C 00 F4 D6 04 3A 0C 02 00 A4 02 0C 02 00 0A 20 00';
const ANSWER_I0_9000 = '00 00 FF FF FF 0A 00 F6 D7 05 00 00 00 00 00 02 90 00 92 00';

describe('Rcs380Reader on the wire', () => {
  it('starts the chip, activates the card, and sends SELECT as I(0) 02 …, answered 02 90 00', async () => {
    const device = new ScriptedPort100Device([...START_UP, { out: SELECT_I0, in: [ACK, ANSWER_I0_9000] }]);
    const reader = await Rcs380Reader.open(device, { timeoutMs: 500, presenceCheckMs: 0, bitRates: [] });
    expect(toHex(reader.atr)).toBe('3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F');
    expect(reader.report()).toMatchObject({ firmwareVersion: '1.11', fsc: 256, fsd: 256, atqb: { pupi: '12 34 56 78', fwi: 10 } });
    expect(toHex(await reader.transmit(fromHex('00 A4 02 0C 02 00 0A')))).toBe('90 00');
    expect(device.finished).toBe(true);
  });

  it('a receive timeout (status 80 00 00 00) is followed by R(NAK) B2, and the card sends its answer again', async () => {
    const device = new ScriptedPort100Device([
      ...START_UP,
      { out: SELECT_I0, in: [ACK, '00 00 FF FF FF 07 00 F9 D7 05 80 00 00 00 00 A4 00'] },
      { out: '00 00 FF FF FF 05 00 FB D6 04 3A 0C B2 2E 00', in: [ACK, ANSWER_I0_9000] },
    ]);
    const reader = await Rcs380Reader.open(device, { timeoutMs: 500, presenceCheckMs: 0, bitRates: [] });
    expect(toHex(await reader.transmit(fromHex('00 A4 02 0C 02 00 0A')))).toBe('90 00');
    expect(device.finished).toBe(true);
  });

  it('a set-up command refused with a status byte other than 00 stops start-up with transport/protocol', async () => {
    const device = new ScriptedPort100Device([
      START_UP[0]!,
      { out: '00 00 FF FF FF 03 00 FD D6 2A 01 FF 00', in: [ACK, '00 00 FF FF FF 03 00 FD D7 2B 07 F7 00'] },
      { out: '00 00 FF FF FF 03 00 FD D6 06 00 24 00', in: [ACK, '00 00 FF FF FF 03 00 FD D7 07 00 22 00'] },
    ]);
    await expect(Rcs380Reader.open(device, { timeoutMs: 500, bitRates: [] })).rejects.toMatchObject({ code: 'transport/protocol', message: expect.stringMatching(/COMMANDTYPE_ERROR/) });
  });

  it('at 424 kbit/s: ATTRIB Param 2 A8 (DSI 2, DRI 2, FSDI 8), InSetRF 03 09 0F 09, an R(NAK) B2 answered A3, then SELECT as I(0)', async () => {
    const device = new ScriptedPort100Device([
      ...START_UP.slice(0, -1),
      // InCommRF, 309.4 ms (16 0C): ATTRIB 1D 12 34 56 78 00 A8 01 00 → 00, still at 106 kbit/s (ISO/IEC 14443-3 §7.10.4).
      { out: '00 00 FF FF FF 0D 00 F3 D6 04 16 0C 1D 12 34 56 78 00 A8 01 00 2A 00', in: [ACK, '00 00 FF FF FF 08 00 F8 D7 05 00 00 00 00 00 00 24 00'] },
      // InSetRF 424B both ways (nfcpy "424B": 3, 9, 15, 9); D6 + 00 + 03 + 09 + 0F + 09 = FA, DCS 06.
      { out: '00 00 FF FF FF 06 00 FA D6 00 03 09 0F 09 06 00', in: [ACK, '00 00 FF FF FF 03 00 FD D7 01 00 28 00'] },
      // R(NAK) with block number 0 → R(ACK) A3 (ISO/IEC 14443-4 §7.5.4 rule 11); D6 + 04 + 16 + 0C + B2 = 1AE, DCS 52.
      { out: '00 00 FF FF FF 05 00 FB D6 04 16 0C B2 52 00', in: [ACK, '00 00 FF FF FF 08 00 F8 D7 05 00 00 00 00 00 A3 81 00'] },
      { out: SELECT_I0, in: [ACK, ANSWER_I0_9000] },
    ]);
    const reader = await Rcs380Reader.open(device, { timeoutMs: 500, presenceCheckMs: 0 });
    expect(reader.report()).toMatchObject({ bitRateKbps: 424, bitRates: { toCard: 424, toReader: 424 } });
    expect(toHex(await reader.transmit(fromHex('00 A4 02 0C 02 00 0A')))).toBe('90 00');
    expect(device.finished).toBe(true);
  });
});
