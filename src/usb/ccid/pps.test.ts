import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import { TransportError } from '../../transport';
import { checkPpsResponse, encodePpsRequest } from './pps';

/** Byte vectors written by hand from ISO/IEC 7816-3:2006 §9.2 (PPSS FF, PPS0, PPS1, PCK = XOR of the rest). */
describe('PPS request (ISO/IEC 7816-3 §9.2)', () => {
  it('T=1 with PPS1 13 (Fi 372, Di 4): FF 11 13 FD', () => {
    // PPS0 = 10 (PPS1 follows) | 1; PCK = FF ^ 11 ^ 13 = FD.
    expect(toHex(encodePpsRequest(1, 0x13))).toBe('FF 11 13 FD');
  });

  it('T=1 without PPS1: FF 01 FE', () => {
    expect(toHex(encodePpsRequest(1, null))).toBe('FF 01 FE');
  });

  it('T=0 with PPS1 96 (Fi 512, Di 32): FF 10 96 79', () => {
    expect(toHex(encodePpsRequest(0, 0x96))).toBe('FF 10 96 79');
  });
});

describe('PPS response (ISO/IEC 7816-3 §9.3)', () => {
  it('an echo of the request agrees to PPS1', () => {
    expect(checkPpsResponse(fromHex('FF 11 13 FD'), fromHex('FF 11 13 FD'))).toEqual({ protocol: 1, fiDi: 0x13 });
  });

  it('a response without PPS1 keeps Fi/Di at the default 11', () => {
    // PPS0 01: protocol echoed, PPS1 left out; PCK = FF ^ 01 = FE.
    expect(checkPpsResponse(fromHex('FF 11 13 FD'), fromHex('FF 01 FE'))).toEqual({ protocol: 1, fiDi: 0x11 });
  });

  it.each([
    ['another protocol', 'FF 10 13 FC'],
    ['a wrong PCK', 'FF 11 13 00'],
    ['another PPS1', 'FF 11 12 FC'],
    ['nothing', ''],
  ])('refuses %s', (_what, response) => {
    expect(() => checkPpsResponse(fromHex('FF 11 13 FD'), fromHex(response))).toThrow(TransportError);
  });
});
