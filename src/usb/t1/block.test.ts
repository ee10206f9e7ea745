import { describe, expect, it } from 'vitest';
import { asciiBytes, fromHex, toHex } from '../../bytes';
import { decodeBlock, encodeBlock, InvalidBlockError } from './block';
import { crc16 } from './edc';

// Every block below is written by hand from ISO/IEC 7816-3:2006 §11.3: NAD, PCB, LEN, INF, LRC,
// where LRC is the XOR of all the bytes before it (worked out in the comment).
describe('T=1 block codec (ISO/IEC 7816-3:2006 §11.3)', () => {
  it('encodes an I-block N(S)=0 carrying SELECT JPKI AP', () => {
    // 00^00^0F=0F ^00=0F ^A4=AB ^04=AF ^0C=A3 ^0A=A9 ^D3=7A ^92=E8 ^F0=18 ^00=18 ^26=3E ^01=3F ^00^00^00=3F ^01=3E
    const apdu = fromHex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
    expect(toHex(encodeBlock({ kind: 'I', ns: 0, more: false, inf: apdu }))).toBe('00 00 0F 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01 3E');
  });

  it('encodes I(1) with M set (PCB 60) and a NAD', () => {
    // 60^02=62 ^AA=C8 ^BB=73; with NAD 21: 73^21=52
    expect(toHex(encodeBlock({ kind: 'I', ns: 1, more: true, inf: fromHex('AA BB') }))).toBe('00 60 02 AA BB 73');
    expect(toHex(encodeBlock({ kind: 'I', ns: 1, more: true, inf: fromHex('AA BB') }, { nad: 0x21 }))).toBe('21 60 02 AA BB 52');
  });

  it('encodes R-blocks (Table 14): N(R) in bit 5, error in bits 4..1', () => {
    expect(toHex(encodeBlock({ kind: 'R', nr: 0, error: 'none' }))).toBe('00 80 00 80');
    expect(toHex(encodeBlock({ kind: 'R', nr: 1, error: 'none' }))).toBe('00 90 00 90');
    expect(toHex(encodeBlock({ kind: 'R', nr: 0, error: 'edc' }))).toBe('00 81 00 81');
    expect(toHex(encodeBlock({ kind: 'R', nr: 1, error: 'other' }))).toBe('00 92 00 92');
  });

  it('encodes S-blocks (Table 15): RESYNCH, IFS, ABORT, WTX, request and response', () => {
    expect(toHex(encodeBlock({ kind: 'S', type: 'resynch', response: false, inf: new Uint8Array(0) }))).toBe('00 C0 00 C0');
    expect(toHex(encodeBlock({ kind: 'S', type: 'resynch', response: true, inf: new Uint8Array(0) }))).toBe('00 E0 00 E0');
    // C1^01=C0 ^FE=3E; E1^01=E0 ^FE=1E
    expect(toHex(encodeBlock({ kind: 'S', type: 'ifs', response: false, inf: fromHex('FE') }))).toBe('00 C1 01 FE 3E');
    expect(toHex(encodeBlock({ kind: 'S', type: 'ifs', response: true, inf: fromHex('FE') }))).toBe('00 E1 01 FE 1E');
    expect(toHex(encodeBlock({ kind: 'S', type: 'abort', response: false, inf: new Uint8Array(0) }))).toBe('00 C2 00 C2');
    // C3^01=C2 ^02=C0; E3^01=E2 ^02=E0
    expect(toHex(encodeBlock({ kind: 'S', type: 'wtx', response: false, inf: fromHex('02') }))).toBe('00 C3 01 02 C0');
    expect(toHex(encodeBlock({ kind: 'S', type: 'wtx', response: true, inf: fromHex('02') }))).toBe('00 E3 01 02 E0');
  });

  it('decodes the card side of the same blocks', () => {
    expect(decodeBlock(fromHex('00 00 02 90 00 92'))).toEqual({ nad: 0, block: { kind: 'I', ns: 0, more: false, inf: fromHex('90 00') } });
    expect(decodeBlock(fromHex('00 60 02 AA BB 73')).block).toEqual({ kind: 'I', ns: 1, more: true, inf: fromHex('AA BB') });
    expect(decodeBlock(fromHex('00 91 00 91')).block).toEqual({ kind: 'R', nr: 1, error: 'edc' });
    expect(decodeBlock(fromHex('00 C3 01 02 C0')).block).toEqual({ kind: 'S', type: 'wtx', response: false, inf: fromHex('02') });
    expect(decodeBlock(fromHex('00 E1 01 FE 1E')).block).toEqual({ kind: 'S', type: 'ifs', response: true, inf: fromHex('FE') });
  });

  it.each([
    ['a wrong LRC', '00 00 02 90 00 93', 'edc', 5],
    ['a block shorter than prologue + EDC', '00 00 00', 'other', 3],
    ['LEN that disagrees with the INF', '00 00 03 90 00 93', 'other', 2],
    ['LEN FF', '00 00 FF FF', 'other', 2],
    ['an I-block with reserved PCB bits', '00 01 00 01', 'other', 1],
    ['an R-block with undefined error bits', '00 83 00 83', 'other', 1],
    ['an R-block with INF', '00 80 01 00 81', 'other', 1],
    ['an undefined S-block', '00 C5 00 C5', 'other', 1],
    ['S(IFS) without its byte', '00 C1 00 C1', 'other', 2],
  ])('refuses %s as an InvalidBlockError with the right R-block error', (_what, hex, error, offset) => {
    expect(() => decodeBlock(fromHex(hex))).toThrow(InvalidBlockError);
    expect(() => decodeBlock(fromHex(hex))).toThrow(expect.objectContaining({ error, offset }));
  });

  it('computes the CRC of §11.3.1.3 (catalogue check value of "123456789" is 6F91) and checks it on decode', () => {
    expect(toHex(crc16(asciiBytes('123456789')))).toBe('6F 91');
    const block = encodeBlock({ kind: 'R', nr: 0, error: 'none' }, { edc: 'crc' });
    expect(block).toHaveLength(5);
    expect(decodeBlock(block, 'crc').block).toEqual({ kind: 'R', nr: 0, error: 'none' });
    const broken = block.slice();
    broken[4]! ^= 1;
    expect(() => decodeBlock(broken, 'crc')).toThrow(expect.objectContaining({ error: 'edc' }));
  });

  it('refuses to encode an INF over 254 bytes', () => {
    expect(() => encodeBlock({ kind: 'I', ns: 0, more: false, inf: new Uint8Array(255) })).toThrow(RangeError);
  });
});
