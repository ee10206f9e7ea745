import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import { decodeIsoDepBlock, encodeIsoDepBlock, InvalidIsoDepBlockError } from './block';

/** PCB values written by hand from ISO/IEC 14443-4:2008 §7.1.1.1 (Figures 14–16). */
describe('ISO-DEP blocks', () => {
  it('I-blocks: 02/03, and 12/13 when chaining', () => {
    expect(toHex(encodeIsoDepBlock({ kind: 'I', blockNumber: 0, chaining: false, inf: fromHex('00 A4') }))).toBe('02 00 A4');
    expect(toHex(encodeIsoDepBlock({ kind: 'I', blockNumber: 1, chaining: false, inf: fromHex('90 00') }))).toBe('03 90 00');
    expect(toHex(encodeIsoDepBlock({ kind: 'I', blockNumber: 0, chaining: true, inf: fromHex('AA') }))).toBe('12 AA');
    expect(toHex(encodeIsoDepBlock({ kind: 'I', blockNumber: 1, chaining: true, inf: fromHex('AA') }))).toBe('13 AA');
  });

  it('R(ACK) A2/A3, R(NAK) B2/B3', () => {
    expect(toHex(encodeIsoDepBlock({ kind: 'R', blockNumber: 0, ack: true }))).toBe('A2');
    expect(toHex(encodeIsoDepBlock({ kind: 'R', blockNumber: 1, ack: true }))).toBe('A3');
    expect(toHex(encodeIsoDepBlock({ kind: 'R', blockNumber: 0, ack: false }))).toBe('B2');
    expect(toHex(encodeIsoDepBlock({ kind: 'R', blockNumber: 1, ack: false }))).toBe('B3');
  });

  it('S(DESELECT) C2, S(WTX) F2 with WTXM', () => {
    expect(toHex(encodeIsoDepBlock({ kind: 'S', type: 'deselect' }))).toBe('C2');
    expect(toHex(encodeIsoDepBlock({ kind: 'S', type: 'wtx', wtxm: 0x3b }))).toBe('F2 3B');
  });

  it('decodes what a card sends', () => {
    expect(decodeIsoDepBlock(fromHex('13 01 02'))).toEqual({ kind: 'I', blockNumber: 1, chaining: true, inf: fromHex('01 02') });
    expect(decodeIsoDepBlock(fromHex('A3'))).toEqual({ kind: 'R', blockNumber: 1, ack: true });
    expect(decodeIsoDepBlock(fromHex('F2 01'))).toEqual({ kind: 'S', type: 'wtx', wtxm: 1 });
    expect(decodeIsoDepBlock(fromHex('C2'))).toEqual({ kind: 'S', type: 'deselect' });
  });

  it('skips a CID byte (PCB bit 4) and a NAD byte (bit 3) in an I-block', () => {
    expect(decodeIsoDepBlock(fromHex('0A 00 90 00'))).toMatchObject({ kind: 'I', inf: fromHex('90 00') });
    expect(decodeIsoDepBlock(fromHex('0E 00 12 90 00'))).toMatchObject({ kind: 'I', inf: fromHex('90 00') });
    expect(decodeIsoDepBlock(fromHex('FA 00 02'))).toEqual({ kind: 'S', type: 'wtx', wtxm: 2 });
  });

  it('power-level bits of WTX are not part of WTXM', () => {
    expect(decodeIsoDepBlock(fromHex('F2 C5'))).toEqual({ kind: 'S', type: 'wtx', wtxm: 5 });
  });

  it.each([
    ['empty', ''],
    ['I-block with bit 2 clear', '00 90 00'],
    ['I-block with bit 6 set', '22 90 00'],
    ['R-block with bit 3 set', 'A6'],
    ['R-block with INF', 'A2 00'],
    ['WTX without INF', 'F2'],
    ['WTXM 0', 'F2 00'],
    ['WTXM 60', 'F2 3C'],
    ['S-block of type 01', 'D2'],
    ['DESELECT with INF', 'C2 00'],
  ])('refuses %s', (_, hex) => {
    expect(() => decodeIsoDepBlock(fromHex(hex))).toThrow(InvalidIsoDepBlockError);
  });
});
