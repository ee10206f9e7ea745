import { describe, expect, it } from 'vitest';
import { fromHex, MalformedDataError, toHex } from '../../bytes';
import { typeBAtr } from './contactlessAtr';
import { frameSizeFromIndex, frameSizeIndexAtMost, frameWaitingTimeMs } from './frameSize';
import { chooseTypeBBitRates, encodeAttrib, encodeHltb, encodeReqb, encodeWupb, parseAtqb, parseAttribResponse } from './typeB';

/** Vectors by hand from ISO/IEC 14443-3 §7.7–§7.12 and ISO/IEC 14443-4 §5.2.3, §7.2. */
describe('Type B activation', () => {
  it('WUPB 05 00 08, REQB 05 00 00 (APf, AFI, PARAM with bit 4 = wake-up)', () => {
    expect(toHex(encodeWupb())).toBe('05 00 08');
    expect(toHex(encodeReqb())).toBe('05 00 00');
  });

  it('parses an ATQB like a My Number Card: FSCI 8 (256), FWI A, CID supported, 212/424 both ways', () => {
    const atqb = parseAtqb(fromHex('50 12 34 56 78 00 00 05 E0 B3 81 A1'));
    expect(toHex(atqb.pupi)).toBe('12 34 56 78');
    expect(toHex(atqb.applicationData)).toBe('00 00 05 E0');
    expect(toHex(atqb.protocolInfo)).toBe('B3 81 A1');
    expect(atqb).toMatchObject({ sameBitRateBothWays: true, bitRatesToReader: [212, 424], bitRatesToCard: [212, 424] });
    expect(atqb).toMatchObject({ fsci: 8, fsc: 256, protocolType: 1, iso14443_4: true, fwi: 10, adc: 0, nadSupported: false, cidSupported: true });
    expect(atqb.fwtMs).toBeCloseTo(309.3, 1);
  });

  it('reads an extended ATQB (four Protocol Info bytes) and keeps the fourth', () => {
    const atqb = parseAtqb(fromHex('50 01 02 03 04 00 00 00 00 00 21 41 50'));
    expect(toHex(atqb.protocolInfo)).toBe('00 21 41 50');
    expect(atqb).toMatchObject({ fsc: 32, fwi: 4, bitRatesToCard: [], iso14443_4: true });
  });

  it('Protocol_Type 0000 is a card without ISO/IEC 14443-4', () => {
    expect(parseAtqb(fromHex('50 01 02 03 04 00 00 00 00 00 80 40')).iso14443_4).toBe(false);
  });

  it('refuses an ATQB that is short or does not start with 50', () => {
    expect(() => parseAtqb(fromHex('50 01 02 03'))).toThrow(MalformedDataError);
    expect(() => parseAtqb(fromHex('51 12 34 56 78 00 00 05 E0 B3 81 A1'))).toThrow(/not 50/);
  });

  it('ATTRIB 1D <PUPI> 00 08 01 00 for FSD 256 at 106 kbit/s, no CID', () => {
    expect(toHex(encodeAttrib({ pupi: fromHex('12 34 56 78'), fsdi: 8 }))).toBe('1D 12 34 56 78 00 08 01 00');
  });

  it('ATTRIB Param 2 puts DSI (card → reader) in b8..b7 and DRI (reader → card) in b6..b5: 424/424 is A8, 212/212 is 58, 212 back / 424 out is 68', () => {
    const pupi = fromHex('12 34 56 78');
    expect(toHex(encodeAttrib({ pupi, fsdi: 8, bitRates: { toCard: 424, toReader: 424 } }))).toBe('1D 12 34 56 78 00 A8 01 00');
    expect(toHex(encodeAttrib({ pupi, fsdi: 8, bitRates: { toCard: 212, toReader: 212 } }))).toBe('1D 12 34 56 78 00 58 01 00');
    expect(toHex(encodeAttrib({ pupi, fsdi: 8, bitRates: { toCard: 424, toReader: 212 } }))).toBe('1D 12 34 56 78 00 68 01 00');
    expect(toHex(encodeAttrib({ pupi, fsdi: 8, bitRates: { toCard: 847, toReader: 847 } }))).toBe('1D 12 34 56 78 00 F8 01 00');
  });

  it('chooses the fastest rate both sides have: B3 (212/424 both ways, same rate) with a 212/424 reader → 424 both ways', () => {
    const myNumberCard = parseAtqb(fromHex('50 12 34 56 78 00 00 05 E0 B3 81 A1'));
    expect(chooseTypeBBitRates(myNumberCard, [212, 424])).toEqual({ toCard: 424, toReader: 424 });
    expect(chooseTypeBBitRates(myNumberCard, [212])).toEqual({ toCard: 212, toReader: 212 });
    expect(chooseTypeBBitRates(myNumberCard, [])).toEqual({ toCard: 106, toReader: 106 });
  });

  it('a card that needs the same rate both ways gets the fastest rate common to both directions; one that does not gets each direction its own', () => {
    const same = parseAtqb(fromHex('50 01 02 03 04 00 00 00 00 93 81 A1')); // 1001 0011: same rate; to reader 212; to card 212, 424
    expect(chooseTypeBBitRates(same, [212, 424])).toEqual({ toCard: 212, toReader: 212 });
    const free = parseAtqb(fromHex('50 01 02 03 04 00 00 00 00 13 81 A1')); // 0001 0011: to reader 212; to card 212, 424
    expect(chooseTypeBBitRates(free, [212, 424])).toEqual({ toCard: 424, toReader: 212 });
    const only106 = parseAtqb(fromHex('50 01 02 03 04 00 00 00 00 00 81 A1'));
    expect(chooseTypeBBitRates(only106, [212, 424])).toEqual({ toCard: 106, toReader: 106 });
  });

  it('the answer to ATTRIB carries MBLI and CID', () => {
    expect(parseAttribResponse(fromHex('10'))).toEqual({ mbli: 1, cid: 0, higherLayer: new Uint8Array(0) });
    expect(() => parseAttribResponse(new Uint8Array(0))).toThrow(MalformedDataError);
  });

  it('HLTB is 50 and the PUPI', () => {
    expect(toHex(encodeHltb(fromHex('12 34 56 78')))).toBe('50 12 34 56 78');
  });
});

describe('frame sizes and waiting times', () => {
  it('FSCI 0..8 → 16, 24, 32, 40, 48, 64, 96, 128, 256; RFU counts as 256', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map(frameSizeFromIndex)).toEqual([16, 24, 32, 40, 48, 64, 96, 128, 256]);
    expect(frameSizeFromIndex(0x0c)).toBe(256);
    expect(frameSizeIndexAtMost(256)).toBe(8);
    expect(frameSizeIndexAtMost(100)).toBe(6);
  });

  it('FWT = 302 µs × 2^FWI; FWI 15 is read as 4', () => {
    expect(frameWaitingTimeMs(0)).toBeCloseTo(0.302, 3);
    expect(frameWaitingTimeMs(14)).toBeCloseTo(4949.1, 0);
    expect(frameWaitingTimeMs(15)).toBe(frameWaitingTimeMs(4));
  });
});

describe('PC/SC Part 3 ATR for a Type B card', () => {
  it.each([
    ['00 00 05 E0', 'B3 81 A1', '3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F'],
    ['00 00 41 E0', 'B3 81 A1', '3B 88 80 01 00 00 41 E0 B3 81 A1 00 3B'],
    ['00 4B 51 FF', 'B3 81 D1', '3B 88 80 01 00 4B 51 FF B3 81 D1 00 0F'],
  ])('application data %s, protocol info %s → %s (pcsc-tools smartcard_list.txt)', (app, info, atr) => {
    expect(toHex(typeBAtr({ applicationData: fromHex(app), protocolInfo: fromHex(info) }, 0))).toBe(atr);
  });

  it('puts MBLI in the high nibble of the last historical byte; TCK = 88^80^01^81^A1^30 = 19', () => {
    expect(toHex(typeBAtr({ applicationData: fromHex('00 00 00 00'), protocolInfo: fromHex('00 81 A1') }, 3))).toBe('3B 88 80 01 00 00 00 00 00 81 A1 30 19');
  });
});
