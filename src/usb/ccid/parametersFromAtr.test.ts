import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import { parseAtr } from '../atr';
import { encodeSetParameters } from './messages';
import { t1ParametersFromAtr } from './parametersFromAtr';

describe('t1ParametersFromAtr (CCID 1.1 Table 6.1-9 from ISO 7816-3 §8.3)', () => {
  it('turns the My Number Card ATR into the SetParameters the reader needs', () => {
    const parameters = t1ParametersFromAtr(parseAtr(fromHex('3B E0 00 FF 81 31 FE 45 14')));
    expect(parameters).toEqual({ protocol: 1, fiDi: 0x11, inverseConvention: false, edc: 'lrc', guardTime: 0xff, bwi: 4, cwi: 5, clockStop: 0, ifsc: 254, nad: 0 });
    // Same bytes as the hand-written SetParameters vector in messages.test.ts.
    expect(toHex(encodeSetParameters({ slot: 0, seq: 6 }, parameters!))).toBe('61 07 00 00 00 00 06 01 00 00 11 10 FF 45 00 FE 00');
  });

  it('is null for a card that offers only T=0', () => {
    expect(t1ParametersFromAtr(parseAtr(fromHex('3B 03 4A 50 4B')))).toBeNull();
  });
});
