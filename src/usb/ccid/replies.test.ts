import { describe, expect, it } from 'vitest';
import { fromHex, MalformedDataError, toHex } from '../../bytes';
import { decodeCcidReply, requireCommandOk } from './replies';
import { CcidCommandError, ccidSlotErrorName } from './slotErrors';

describe('reader→host replies (CCID 1.1 §6.2)', () => {
  it('RDR_to_PC_DataBlock (§6.2.1) with the My Number Card ATR after power-on', () => {
    const reply = decodeCcidReply(fromHex('80 09 00 00 00 00 01 00 00 00 3B E0 00 FF 81 31 FE 45 14'));
    expect(reply).toMatchObject({ type: 'data-block', messageType: 0x80, slot: 0, seq: 1, iccStatus: 'present-active', commandStatus: 'ok', errorName: null, chainParameter: 0 });
    expect(reply.type === 'data-block' && toHex(reply.data)).toBe('3B E0 00 FF 81 31 FE 45 14');
  });

  it('splits bStatus (Table 6.2-3) and names bError (Table 6.2-2): 42 FE = failed, no card, ICC_MUTE', () => {
    const reply = decodeCcidReply(fromHex('80 00 00 00 00 00 01 42 FE 00'));
    expect(reply).toMatchObject({ iccStatus: 'absent', commandStatus: 'failed', bError: 0xfe, errorName: 'ICC_MUTE', timeExtension: null });
    expect(() => requireCommandOk(reply)).toThrow(CcidCommandError);
    try {
      requireCommandOk(reply);
    } catch (e) {
      expect(e).toMatchObject({ code: 'ccid/command-failed', errorName: 'ICC_MUTE', messageType: 0x80, bError: 0xfe });
    }
  });

  it('reports a time extension (bmCommandStatus 2) with bError as the BWT multiplier (§6.2.6)', () => {
    const reply = decodeCcidReply(fromHex('80 00 00 00 00 00 05 80 02 00'));
    expect(reply).toMatchObject({ commandStatus: 'time-extension', timeExtension: 2, errorName: null });
    expect(requireCommandOk(reply)).toBe(reply);
  });

  it('RDR_to_PC_SlotStatus (§6.2.2): present-inactive with stopped clock; absent; slot busy', () => {
    expect(decodeCcidReply(fromHex('81 00 00 00 00 00 03 01 00 03'))).toMatchObject({ type: 'slot-status', iccStatus: 'present-inactive', clockStatus: 'stopped-unknown' });
    expect(decodeCcidReply(fromHex('81 00 00 00 00 00 04 02 00 00'))).toMatchObject({ iccStatus: 'absent', clockStatus: 'running', commandStatus: 'ok' });
    expect(decodeCcidReply(fromHex('81 00 00 00 00 00 04 40 E0 00'))).toMatchObject({ commandStatus: 'failed', errorName: 'CMD_SLOT_BUSY' });
  });

  it('RDR_to_PC_Parameters (§6.2.3) for T=1 (Table 6.1-9) and for a failed SetParameters without data', () => {
    const reply = decodeCcidReply(fromHex('82 07 00 00 00 00 06 00 00 01 11 10 FF 45 00 FE 00'));
    expect(reply).toMatchObject({
      type: 'parameters',
      protocolNum: 1,
      parameters: { protocol: 1, fiDi: 0x11, inverseConvention: false, edc: 'lrc', guardTime: 0xff, bwi: 4, cwi: 5, clockStop: 0, ifsc: 0xfe, nad: 0 },
    });
    const t0 = decodeCcidReply(fromHex('82 05 00 00 00 00 06 00 00 00 11 02 00 0A 00'));
    expect(t0).toMatchObject({ parameters: { protocol: 0, inverseConvention: true, waitingInteger: 10 } });
    expect(decodeCcidReply(fromHex('82 00 00 00 00 00 06 40 0A 01'))).toMatchObject({ parameters: null, errorName: 'BAD_PARAMETER', bError: 10 });
  });

  it('RDR_to_PC_Escape (§6.2.4) and RDR_to_PC_DataRateAndClockFrequency (§6.2.5)', () => {
    const escape = decodeCcidReply(fromHex('83 02 00 00 00 00 0A 00 00 00 AA BB'));
    expect(escape.type === 'escape' && toHex(escape.data)).toBe('AA BB');
    expect(decodeCcidReply(fromHex('84 08 00 00 00 00 09 00 00 00 A0 0F 00 00 00 2A 00 00'))).toMatchObject({
      type: 'data-rate-and-clock',
      clockFrequencyKHz: 4000,
      dataRate: 10752,
    });
  });

  it('names every bError of Table 6.2-2 and the ranges around them', () => {
    const names = [0xff, 0xfe, 0xfd, 0xfc, 0xfb, 0xf8, 0xf7, 0xf6, 0xf5, 0xf4, 0xf3, 0xf2, 0xf0, 0xef, 0xe0, 0x00].map(ccidSlotErrorName);
    expect(names).toEqual([
      'CMD_ABORTED', 'ICC_MUTE', 'XFR_PARITY_ERROR', 'XFR_OVERRUN', 'HW_ERROR', 'BAD_ATR_TS', 'BAD_ATR_TCK',
      'ICC_PROTOCOL_NOT_SUPPORTED', 'ICC_CLASS_NOT_SUPPORTED', 'PROCEDURE_BYTE_CONFLICT', 'DEACTIVATED_PROTOCOL',
      'BUSY_WITH_AUTO_SEQUENCE', 'PIN_TIMEOUT', 'PIN_CANCELLED', 'CMD_SLOT_BUSY', 'CMD_NOT_SUPPORTED',
    ]);
    expect([0x05, 0x7f, 0x80, 0xc0, 0xc1, 0xe5].map(ccidSlotErrorName)).toEqual(['BAD_PARAMETER', 'BAD_PARAMETER', 'USER_DEFINED', 'USER_DEFINED', 'RESERVED', 'RESERVED']);
    expect(new CcidCommandError(0x82, 0x07).fieldOffset).toBe(7);
  });

  it.each([
    ['a header cut short', '80 00 00 00 00 00', 6],
    ['dwLength larger than the data', '80 02 00 00 00 00 01 00 00 00 AA', 1],
    ['bmICCStatus 3 (RFU)', '81 00 00 00 00 00 01 03 00 00', 7],
    ['bmCommandStatus 3 (RFU)', '81 00 00 00 00 00 01 C0 00 00', 7],
    ['bStatus RFU bits 5..2', '81 00 00 00 00 00 01 04 00 00', 7],
    ['an unknown message type', '70 00 00 00 00 00 01 00 00 00', 0],
    ['T=1 parameters of the wrong length', '82 05 00 00 00 00 01 00 00 01 11 10 FF 45 00', 10],
    ['a bProtocolNum other than 0 or 1', '82 05 00 00 00 00 01 00 00 02 11 10 FF 45 00', 9],
    ['DataRateAndClockFrequency with 4 bytes', '84 04 00 00 00 00 01 00 00 00 A0 0F 00 00', 10],
  ])('refuses %s with MalformedDataError at its offset', (_what, hex, offset) => {
    expect(() => decodeCcidReply(fromHex(hex))).toThrow(MalformedDataError);
    expect(() => decodeCcidReply(fromHex(hex))).toThrow(expect.objectContaining({ offset }));
  });
});
