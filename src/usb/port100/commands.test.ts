import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import { decodeFirmwareVersion, decodeResponse, encodeCommand, IN_SET_PROTOCOL_TYPE_B, inSetRfTypeB, PORT100_COMMAND, port100StatusName } from './commands';
import { decodeInCommRf, encodeInCommRf, IN_COMM_RF_STATUS } from './inCommRf';

describe('Port-100 commands', () => {
  it('commands are D6 <code> <parameters>; responses D7 <code + 1> <results>', () => {
    expect(toHex(encodeCommand(PORT100_COMMAND.setCommandType, Uint8Array.of(1)))).toBe('D6 2A 01');
    expect(toHex(decodeResponse(PORT100_COMMAND.setCommandType, fromHex('D7 2B 00')))).toBe('00');
    expect(() => decodeResponse(PORT100_COMMAND.switchRf, fromHex('D7 2B 00'))).toThrow(/answers command 2a, not 6/);
    expect(() => decodeResponse(PORT100_COMMAND.switchRf, fromHex('D6 07 00'))).toThrow(/D7/);
  });

  it('firmware version 01 11 reads as 1.11 (little-endian minor, major)', () => {
    expect(decodeFirmwareVersion(fromHex('11 01'))).toBe('1.11');
  });

  it('status bytes carry nfcpy StatusError names', () => {
    expect(port100StatusName(0)).toBe('SUCCESS');
    expect(port100StatusName(7)).toBe('COMMANDTYPE_ERROR');
    expect(port100StatusName(0x42)).toBe('UNKNOWN_STATUS_42');
  });

  it('InSetRF for Type B: 106 is 03 07 0F 07, 212 is 03 08 0F 08, 424 is 03 09 0F 09; the send pair follows the rate out, the receive pair the rate back', () => {
    expect(toHex(inSetRfTypeB(106, 106))).toBe('03 07 0F 07');
    expect(toHex(inSetRfTypeB(212, 212))).toBe('03 08 0F 08');
    expect(toHex(inSetRfTypeB(424, 424))).toBe('03 09 0F 09');
    expect(toHex(inSetRfTypeB(424, 212))).toBe('03 09 0F 08');
    expect(() => inSetRfTypeB(847, 847)).toThrow(RangeError);
  });

  it('Type B protocol settings: initial guard time 20, CRC added and checked, SOF/EOF added and checked', () => {
    const pairs = new Map<number, number>();
    for (let i = 0; i < IN_SET_PROTOCOL_TYPE_B.length; i += 2) pairs.set(IN_SET_PROTOCOL_TYPE_B[i]!, IN_SET_PROTOCOL_TYPE_B[i + 1]!);
    expect(pairs.get(0x00)).toBe(20);
    expect([pairs.get(0x01), pairs.get(0x02)]).toEqual([1, 1]);
    expect([0x09, 0x0a, 0x0b, 0x0c].map((k) => pairs.get(k))).toEqual([1, 1, 1, 1]);
  });
});

describe('InCommRF', () => {
  it('puts the timeout first, little-endian in 0.1 ms: 30 ms is 2C 01', () => {
    expect(toHex(encodeInCommRf(fromHex('05 00 08'), 30))).toBe('2C 01 05 00 08');
  });

  it('rounds a timeout up to the next 0.1 ms and caps it at FF FF', () => {
    expect(toHex(encodeInCommRf(new Uint8Array(0), 0.301).slice(0, 2))).toBe('04 00');
    expect(toHex(encodeInCommRf(new Uint8Array(0), 60_000).slice(0, 2))).toBe('FF FF');
  });

  it('a zero status, the collision byte, then the card bytes', () => {
    expect(decodeInCommRf(fromHex('00 00 00 00 00 50 01 02 03 04'))).toEqual({ kind: 'frame', data: fromHex('50 01 02 03 04') });
  });

  it('status 80 00 00 00 is a receive timeout', () => {
    expect(decodeInCommRf(fromHex('80 00 00 00 00'))).toEqual({ kind: 'timeout' });
    expect(decodeInCommRf(fromHex('80 00 00 00'))).toEqual({ kind: 'timeout' });
  });

  it('other status bits are errors, named', () => {
    expect(decodeInCommRf(fromHex('04 00 00 00 00'))).toEqual({ kind: 'error', status: IN_COMM_RF_STATUS.crcError, names: ['crcError'] });
    const both = decodeInCommRf(fromHex('84 00 00 00 00'));
    expect(both.kind === 'error' && both.names).toEqual(['crcError', 'receiveTimeout']);
    expect(decodeInCommRf(fromHex('00 00 00 80 00'))).toMatchObject({ kind: 'error', names: ['receiveLengthError'] });
  });

  it('status bits nobody has published are named by their hex value, so an error always says something (found by the fuzz target)', () => {
    expect(decodeInCommRf(fromHex('20 00 00 00 00'))).toEqual({ kind: 'error', status: 0x20, names: ['unknownStatus_00000020'] });
    expect(decodeInCommRf(fromHex('24 00 00 00 00'))).toMatchObject({ names: ['crcError', 'unknownStatus_00000020'] });
  });

  it('refuses results too short to hold the status', () => {
    expect(() => decodeInCommRf(fromHex('00 00'))).toThrow(/status/);
    expect(() => decodeInCommRf(fromHex('00 00 00 00'))).toThrow(/collision/);
  });
});
