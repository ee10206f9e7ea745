import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import { TransportError } from '../../transport';
import { t0CommandTpdu } from './tpdu';

// Byte vectors written by hand from ISO/IEC 7816-3:2006 §12.2.2–§12.2.5.
describe('t0CommandTpdu (ISO 7816-3 §12.2)', () => {
  it('case 1: appends P3 = 00', () => {
    expect(toHex(t0CommandTpdu(fromHex('00 20 00 80')))).toBe('00 20 00 80 00');
  });

  it('case 2S: sends the header with P3 = Le', () => {
    expect(toHex(t0CommandTpdu(fromHex('00 B0 00 00 FF')))).toBe('00 B0 00 00 FF');
  });

  it('case 3S: sends header and data as they are', () => {
    expect(toHex(t0CommandTpdu(fromHex('00 A4 02 0C 02 00 0A')))).toBe('00 A4 02 0C 02 00 0A');
  });

  it('case 4S: drops Le (the card answers 61xx and GET RESPONSE fetches the data)', () => {
    expect(toHex(t0CommandTpdu(fromHex('80 2A 00 80 03 AA BB CC 00')))).toBe('80 2A 00 80 03 AA BB CC');
  });

  it('refuses an extended APDU and an APDU whose Lc does not fit', () => {
    expect(() => t0CommandTpdu(fromHex('00 B0 00 00 00 10 00'))).toThrow(TransportError);
    expect(() => t0CommandTpdu(fromHex('00 A4 02 0C 05 00 0A'))).toThrow(/Lc/);
    expect(() => t0CommandTpdu(fromHex('00 A4'))).toThrow(/at least 4/);
  });
});
