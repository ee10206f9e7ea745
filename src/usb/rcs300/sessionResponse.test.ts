import { describe, expect, it } from 'vitest';
import { fromHex, MalformedDataError, toHex } from '../../bytes';
import { decodeSessionResponse, objectValue, requireAccepted, ResponseTag, SessionCommandError } from './sessionResponse';

/** Responses captured from real RC-S300s in public code (ESP32 probe tests, nfc-rcs300-readidm), typed by hand. */
describe('RC-S300 session responses', () => {
  it('accepted: C0 03 00 90 00, then SW 90 00', () => {
    const r = decodeSessionResponse(fromHex('C0 03 00 90 00 90 00'));
    expect(r).toMatchObject({ status: { objectNumber: 0, sw: 0x9000 }, sw: 0x9000 });
    expect(requireAccepted('start', r)).toBe(r);
  });

  it('a FeliCa exchange: 92 01 00, 96 02 00 00, 97 14 <frame>', () => {
    const frame = '14 01 01 02 03 04 05 06 07 08 10 11 12 13 14 15 16 17 00 03';
    const r = decodeSessionResponse(fromHex(`C0 03 00 90 00 92 01 00 96 02 00 00 97 14 ${frame} 90 00`));
    expect(toHex(objectValue(r, ResponseTag.iccResponse)!)).toBe(frame);
    expect(toHex(objectValue(r, ResponseTag.responseStatus)!)).toBe('00 00');
  });

  it('switch to FeliCa answered with 8F 01 08', () => {
    expect(toHex(objectValue(decodeSessionResponse(fromHex('C0 03 00 90 00 8F 01 08 90 00')), ResponseTag.switchProtocol)!)).toBe('08');
  });

  it('nothing in the field: C0 03 02 64 01 — object 2 (the transceive) got no card answer', () => {
    const r = decodeSessionResponse(fromHex('C0 03 02 64 01 90 00'));
    expect(r.status).toEqual({ objectNumber: 2, sw: 0x6401 });
    expect(() => requireAccepted('exchange', r)).toThrow(SessionCommandError);
    expect(() => requireAccepted('exchange', r)).toThrow(/64 ?01 no response from the card/);
  });

  it('reads two-byte tags (5F 46, 5F 51) and long BER lengths (81 xx, 82 xx xx)', () => {
    const long = Array.from({ length: 200 }, () => 'AB').join(' ');
    const r = decodeSessionResponse(fromHex(`5F 46 04 A0 86 01 00 C0 03 00 90 00 97 81 C8 ${long} 5F 51 02 3B 00 90 00`));
    expect(objectValue(r, ResponseTag.iccResponse)!.length).toBe(200);
    expect(toHex(objectValue(r, ResponseTag.atr)!)).toBe('3B 00');
    expect(objectValue(decodeSessionResponse(fromHex('C0 03 00 90 00 97 82 00 01 AA 90 00')), ResponseTag.iccResponse)).toEqual(fromHex('AA'));
  });

  it.each([
    ['shorter than a status word', '90'],
    ['no C0 object', '8F 01 08 90 00'],
    ['an object running past the end', 'C0 03 00 90 00 97 20 01 90 00'],
    ['a C0 object too short', 'C0 02 00 90 90 00'],
    ['an indefinite BER length', 'C0 80 90 00'],
  ])('refuses %s with MalformedDataError', (_, hex) => {
    expect(() => decodeSessionResponse(fromHex(hex))).toThrow(MalformedDataError);
  });

  it('the pseudo-APDU SW itself not 90 00 is a refusal too', () => {
    expect(() => requireAccepted('x', decodeSessionResponse(fromHex('C0 03 00 90 00 6D 00')))).toThrow(SessionCommandError);
  });
});
