import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import {
  encodeAbort,
  encodeGetParameters,
  encodeGetSlotStatus,
  encodeIccPowerOff,
  encodeIccPowerOn,
  encodeResetParameters,
  encodeSetDataRateAndClockFrequency,
  encodeSetParameters,
  encodeXfrBlock,
} from './messages';

// Every expected string is written by hand from CCID 1.1 §6.1: bMessageType, dwLength (LE),
// bSlot, bSeq, three message-specific bytes, then the data.
describe('host→reader messages (CCID 1.1 §6.1)', () => {
  it('PC_to_RDR_IccPowerOn (§6.1.1): slot 0, seq 1, automatic voltage; and 3 V', () => {
    expect(toHex(encodeIccPowerOn({ slot: 0, seq: 1 }))).toBe('62 00 00 00 00 00 01 00 00 00');
    expect(toHex(encodeIccPowerOn({ slot: 0, seq: 2 }, '3V'))).toBe('62 00 00 00 00 00 02 02 00 00');
    expect(toHex(encodeIccPowerOn({ slot: 1, seq: 2 }, '1.8V'))).toBe('62 00 00 00 00 01 02 03 00 00');
  });

  it('PC_to_RDR_IccPowerOff (§6.1.2), GetSlotStatus (§6.1.3), GetParameters (§6.1.5), ResetParameters (§6.1.6), Abort (§6.1.13)', () => {
    expect(toHex(encodeIccPowerOff({ slot: 0, seq: 3 }))).toBe('63 00 00 00 00 00 03 00 00 00');
    expect(toHex(encodeGetSlotStatus({ slot: 1, seq: 0xff }))).toBe('65 00 00 00 00 01 FF 00 00 00');
    expect(toHex(encodeGetParameters({ slot: 0, seq: 0x10 }))).toBe('6C 00 00 00 00 00 10 00 00 00');
    expect(toHex(encodeResetParameters({ slot: 0, seq: 0x11 }))).toBe('6D 00 00 00 00 00 11 00 00 00');
    expect(toHex(encodeAbort({ slot: 0, seq: 8 }))).toBe('72 00 00 00 00 00 08 00 00 00');
  });

  it('PC_to_RDR_XfrBlock (§6.1.4) carrying a T=1 S(IFS request) block, and an empty "next chunk" with bBWI 2', () => {
    // The T=1 block 00 C1 01 FE 3E: NAD 00, PCB C1, LEN 01, IFSD FE, LRC 00^C1^01^FE = 3E.
    expect(toHex(encodeXfrBlock({ slot: 0, seq: 4 }, fromHex('00 C1 01 FE 3E')))).toBe('6F 05 00 00 00 00 04 00 00 00 00 C1 01 FE 3E');
    expect(toHex(encodeXfrBlock({ slot: 0, seq: 5 }, new Uint8Array(0), { bwi: 2, levelParameter: 0x10 }))).toBe(
      '6F 00 00 00 00 00 05 02 10 00',
    );
    // dwLength of 300 bytes = 0x012C, LSB first.
    expect(toHex(encodeXfrBlock({ slot: 0, seq: 6 }, new Uint8Array(300)).subarray(0, 10))).toBe('6F 2C 01 00 00 00 06 00 00 00');
  });

  it('PC_to_RDR_SetParameters (§6.1.7) for T=1 as the My Number Card ATR asks (Table 6.1-9)', () => {
    // bmFindexDindex 11 (no TA1), bmTCCKST1 10 (LRC, direct), bGuardTimeT1 FF (TC1),
    // bmWaitingIntegersT1 45 (TB3), bClockStop 00, bIFSC FE (TA3), bNadValue 00.
    const t1 = encodeSetParameters(
      { slot: 0, seq: 6 },
      { protocol: 1, fiDi: 0x11, inverseConvention: false, edc: 'lrc', guardTime: 0xff, bwi: 4, cwi: 5, clockStop: 0, ifsc: 0xfe, nad: 0 },
    );
    expect(toHex(t1)).toBe('61 07 00 00 00 00 06 01 00 00 11 10 FF 45 00 FE 00');
    const crcInverse = encodeSetParameters(
      { slot: 0, seq: 7 },
      { protocol: 1, fiDi: 0x96, inverseConvention: true, edc: 'crc', guardTime: 0, bwi: 9, cwi: 0xf, clockStop: 3, ifsc: 0x20, nad: 0x12 },
    );
    expect(toHex(crcInverse)).toBe('61 07 00 00 00 00 07 01 00 00 96 13 00 9F 03 20 12');
  });

  it('PC_to_RDR_SetParameters (§6.1.7) for T=0 (Table 6.1-8)', () => {
    const t0 = encodeSetParameters(
      { slot: 0, seq: 7 },
      { protocol: 0, fiDi: 0x11, inverseConvention: false, guardTime: 0, waitingInteger: 0x0a, clockStop: 0 },
    );
    expect(toHex(t0)).toBe('61 05 00 00 00 00 07 00 00 00 11 00 00 0A 00');
  });

  it('PC_to_RDR_SetDataRateAndClockFrequency (§6.1.14): 4000 kHz = A0 0F 00 00, 10752 bit/s = 00 2A 00 00', () => {
    expect(toHex(encodeSetDataRateAndClockFrequency({ slot: 0, seq: 9 }, 4000, 10752))).toBe(
      '73 08 00 00 00 00 09 00 00 00 A0 0F 00 00 00 2A 00 00',
    );
  });

  it('refuses header values that do not fit a byte or wLevelParameter outside 16 bits', () => {
    expect(() => encodeIccPowerOn({ slot: 0, seq: 256 })).toThrow(RangeError);
    expect(() => encodeGetSlotStatus({ slot: -1, seq: 0 })).toThrow(RangeError);
    expect(() => encodeXfrBlock({ slot: 0, seq: 0 }, new Uint8Array(0), { levelParameter: 0x10000 })).toThrow(RangeError);
  });
});
