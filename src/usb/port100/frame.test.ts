import { describe, expect, it } from 'vitest';
import { fromHex, MalformedDataError, toHex } from '../../bytes';
import { decodeFrame, encodeFrame, frameLength, PORT100_ACK_FRAME, port100Checksum } from './frame';

/**
 * Frames written by hand from the layout in nfcpy rcs380.py `Frame` and Linux port100.c
 * `struct port100_frame`: 00 00 FF FF FF, LEN (LE), LCS, data, DCS, 00 — where LEN + LCS and
 * data + DCS each sum to 0 mod 256.
 */
describe('Port-100 frames', () => {
  it('checksums make the bytes sum to 0 mod 256', () => {
    expect(port100Checksum(fromHex('02 00'))).toBe(0xfe);
    expect(port100Checksum(fromHex('D6 20'))).toBe(0x0a); // D6 + 20 = F6
    expect(port100Checksum(new Uint8Array(0))).toBe(0x00);
  });

  it('GetFirmwareVersion goes out as 00 00 FF FF FF 02 00 FE D6 20 0A 00', () => {
    expect(toHex(encodeFrame(fromHex('D6 20')))).toBe('00 00 FF FF FF 02 00 FE D6 20 0A 00');
  });

  it('InSetRF 106B (D6 00 03 07 0F 07) has LCS FA and DCS 0A', () => {
    expect(toHex(encodeFrame(fromHex('D6 00 03 07 0F 07')))).toBe('00 00 FF FF FF 06 00 FA D6 00 03 07 0F 07 0A 00');
  });

  it('a 300-byte payload puts LEN 2C 01 with LCS D3', () => {
    const frame = encodeFrame(new Uint8Array(300));
    expect(toHex(frame.slice(0, 8))).toBe('00 00 FF FF FF 2C 01 D3');
    expect(frame.length).toBe(310);
  });

  it('decodes the ACK frame and a data frame', () => {
    expect(decodeFrame(PORT100_ACK_FRAME)).toEqual({ kind: 'ack' });
    const frame = decodeFrame(fromHex('00 00 FF FF FF 04 00 FC D7 21 11 01 F6 00'));
    expect(frame.kind === 'data' && toHex(frame.data)).toBe('D7 21 11 01');
  });

  it('accepts a normal (short-length) frame: 00 00 FF LEN LCS data DCS 00', () => {
    const frame = decodeFrame(fromHex('00 00 FF 02 FE D7 2B FE 00'));
    expect(frame.kind === 'data' && toHex(frame.data)).toBe('D7 2B');
  });

  it('measures frames in a stream and waits for more bytes when one is cut short', () => {
    expect(frameLength(fromHex('00 00'))).toBeNull();
    expect(frameLength(fromHex('00 00 FF 00 FF 00 00 00 FF'))).toBe(6);
    expect(frameLength(fromHex('00 00 FF FF FF 04 00'))).toBeNull();
    expect(frameLength(fromHex('00 00 FF FF FF 04 00 FC D7'))).toBe(14);
  });

  it('refuses a bad start code, a bad LCS, a bad DCS, a bad postamble', () => {
    expect(() => frameLength(fromHex('01 00 FF 00 FF 00'))).toThrow(MalformedDataError);
    expect(() => frameLength(fromHex('00 00 FF FF FF 04 00 FD'))).toThrow(/LCS/);
    expect(() => decodeFrame(fromHex('00 00 FF FF FF 04 00 FC D7 21 11 01 F7 00'))).toThrow(/DCS/);
    expect(() => decodeFrame(fromHex('00 00 FF FF FF 04 00 FC D7 21 11 01 F6 01'))).toThrow(/postamble/);
  });

  it('refuses a LEN larger than any Port-100 reply before waiting for it', () => {
    expect(() => frameLength(fromHex('00 00 FF FF FF 00 10 F0'))).toThrow(/exceeds/);
  });
});
