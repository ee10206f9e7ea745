import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import { encodeEscape } from '../ccid/messages';
import { berLength, CommandTag, flagsObject, GET_FIRMWARE_VERSION, manageSession, setFlags, switchProtocol, SwitchStandard, timerObject, transceive } from './pseudoApdu';

/**
 * Vectors typed by hand from the public RC-S300 programs (marimelon/rcs300-poc RCS300.ts,
 * Takashi-Matsumura/nfc-rcs300-readidm nfc-reader.ts, the ESP32 probe tests) and PC/SC Part 3
 * Supplement's object layout — not produced by the encoders under test.
 */
describe('RC-S300 transparent-session pseudo-APDUs', () => {
  it.each([
    ['start session', CommandTag.startSession, 'FF 50 00 00 02 81 00 00'],
    ['end session', CommandTag.endSession, 'FF 50 00 00 02 82 00 00'],
    ['RF off', CommandTag.rfOff, 'FF 50 00 00 02 83 00 00'],
    ['RF on', CommandTag.rfOn, 'FF 50 00 00 02 84 00 00'],
  ])('%s is the byte string the public code sends', (_, tag, hex) => {
    expect(toHex(manageSession(tag))).toBe(hex);
  });

  it('switch protocol: FeliCa 03 00 as public code, Type B layer 3 as 01 03', () => {
    expect(toHex(switchProtocol(SwitchStandard.felica, 0))).toBe('FF 50 00 02 04 8F 02 03 00 00');
    expect(toHex(switchProtocol(SwitchStandard.iso14443B, 3))).toBe('FF 50 00 02 04 8F 02 01 03 00');
    expect(toHex(switchProtocol(SwitchStandard.iso14443B, 2))).toBe('FF 50 00 02 04 8F 02 01 02 00');
  });

  it('timer 5F 46 04 in microseconds, little-endian: 100 ms = A0 86 01 00', () => {
    expect(toHex(timerObject(100_000))).toBe('5F 46 04 A0 86 01 00');
  });

  it('a Transparent Exchange has the public FeliCa polling layout: FF 50 00 01 00 Lh Ll, timer, 95 82 len, frame, 00 00 00', () => {
    // Takashi-Matsumura's FeliCa polling, byte for byte, rebuilt through our encoder.
    expect(toHex(transceive(fromHex('06 00 FF FF 01 00'), 100))).toBe('FF 50 00 01 00 00 11 5F 46 04 A0 86 01 00 95 82 00 06 06 00 FF FF 01 00 00 00 00');
  });

  it('WUPB for Type B with a 30 ms timer (30000 µs = 30 75 00 00)', () => {
    expect(toHex(transceive(fromHex('05 00 08'), 30))).toBe('FF 50 00 01 00 00 0E 5F 46 04 30 75 00 00 95 82 00 03 05 00 08 00 00 00');
  });

  it('flags 90 02 00 10 (CRC by the reader, no prologue) in their own exchange', () => {
    expect(toHex(flagsObject(0x0010))).toBe('90 02 00 10');
    expect(toHex(setFlags(0x0010))).toBe('FF 50 00 01 00 00 04 90 02 00 10 00 00 00');
  });

  it('BER lengths: 7F, 81 80, 82 01 00', () => {
    expect(toHex(berLength(0x7f))).toBe('7F');
    expect(toHex(berLength(0x80))).toBe('81 80');
    expect(toHex(berLength(0x100))).toBe('82 01 00');
  });

  it('rides in PC_to_RDR_Escape: 6B, dwLength LE, slot 0, bSeq, 00 00 00 (marimelon SendPacket)', () => {
    expect(toHex(encodeEscape({ slot: 0, seq: 1 }, manageSession(CommandTag.startSession)))).toBe('6B 08 00 00 00 00 01 00 00 00 FF 50 00 00 02 81 00 00');
    expect(toHex(encodeEscape({ slot: 0, seq: 0 }, GET_FIRMWARE_VERSION))).toBe('6B 04 00 00 00 00 00 00 00 00 FF 56 00 00');
  });
});
