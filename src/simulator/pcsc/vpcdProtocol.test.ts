import { describe, expect, it } from 'vitest';
import { fromHex } from '../../bytes';
import {
  VPCD_DEFAULT_PORT,
  VpcdMessageDecoder,
  VpcdProtocolError,
  classifyReaderMessage,
  encodeVpcdMessage,
} from './vpcdProtocol';

// Every vector below is written by hand from docs/test-rigs.md §A.2: "2-byte big-endian length, then
// the payload"; control bytes 00 off, 01 on, 02 reset, 04 get ATR; anything longer is a C-APDU.

describe('encodeVpcdMessage', () => {
  it('prefixes the ATR with its length, big-endian', () => {
    expect(encodeVpcdMessage(fromHex('3B E0 00 FF 81 31 FE 45 14'))).toEqual(fromHex('00 09 3B E0 00 FF 81 31 FE 45 14'));
  });

  it('frames a bare status word', () => {
    expect(encodeVpcdMessage(fromHex('90 00'))).toEqual(fromHex('00 02 90 00'));
  });

  it('puts the high byte first for payloads of 256 bytes and more', () => {
    const framed = encodeVpcdMessage(new Uint8Array(0x0102).fill(0xab));
    expect(framed.subarray(0, 3)).toEqual(fromHex('01 02 AB'));
    expect(framed.length).toBe(0x0104);
  });

  it('frames an empty payload as two zero bytes', () => {
    expect(encodeVpcdMessage(new Uint8Array(0))).toEqual(fromHex('00 00'));
  });

  it('accepts the largest 16-bit length and refuses one byte more', () => {
    expect(encodeVpcdMessage(new Uint8Array(0xffff)).subarray(0, 2)).toEqual(fromHex('FF FF'));
    expect(() => encodeVpcdMessage(new Uint8Array(0x10000))).toThrow(RangeError);
  });
});

describe('classifyReaderMessage', () => {
  it.each([
    ['00', 'power-off'],
    ['01', 'power-on'],
    ['02', 'reset'],
    ['04', 'get-atr'],
  ])('reads control byte %s as %s', (hex, kind) => {
    expect(classifyReaderMessage(fromHex(hex)).kind).toBe(kind);
  });

  it('treats an undefined control byte as unknown, so the card stays silent', () => {
    expect(classifyReaderMessage(fromHex('03'))).toEqual({ kind: 'unknown', payload: fromHex('03') });
    expect(classifyReaderMessage(fromHex('FF')).kind).toBe('unknown');
  });

  it('treats an empty message as unknown', () => {
    expect(classifyReaderMessage(new Uint8Array(0)).kind).toBe('unknown');
  });

  it('treats a 4-byte case-1 command as an APDU, not a control code', () => {
    expect(classifyReaderMessage(fromHex('00 20 00 80'))).toEqual({ kind: 'apdu', apdu: fromHex('00 20 00 80') });
  });

  it('treats a 2-byte message as an APDU (only length 1 is control)', () => {
    expect(classifyReaderMessage(fromHex('00 01')).kind).toBe('apdu');
  });
});

describe('VpcdMessageDecoder', () => {
  it('decodes one whole message in one chunk', () => {
    const decoder = new VpcdMessageDecoder();
    expect(decoder.push(fromHex('00 01 04'))).toEqual([fromHex('04')]);
    expect(decoder.pendingBytes).toBe(0);
  });

  it('decodes several messages joined in one chunk, in order', () => {
    const decoder = new VpcdMessageDecoder();
    // power on, get ATR, then SELECT JPKI AP (15 bytes = 0x0F)
    const chunk = fromHex('00 01 01  00 01 04  00 0F 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
    expect(decoder.push(chunk)).toEqual([fromHex('01'), fromHex('04'), fromHex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01')]);
  });

  it('waits for the rest of a message split inside the payload', () => {
    const decoder = new VpcdMessageDecoder();
    expect(decoder.push(fromHex('00 04 00 20'))).toEqual([]);
    expect(decoder.pendingBytes).toBe(4);
    expect(decoder.push(fromHex('00 80'))).toEqual([fromHex('00 20 00 80')]);
    expect(decoder.pendingBytes).toBe(0);
  });

  it('waits when a chunk ends between the two length bytes', () => {
    const decoder = new VpcdMessageDecoder();
    expect(decoder.push(fromHex('00'))).toEqual([]);
    expect(decoder.push(fromHex('05 00 B0 00 00'))).toEqual([]);
    expect(decoder.push(fromHex('04 00 01'))).toEqual([fromHex('00 B0 00 00 04')]);
    expect(decoder.pendingBytes).toBe(2);
    expect(decoder.push(fromHex('02'))).toEqual([fromHex('02')]);
  });

  it('copes with a stream fed one byte at a time', () => {
    const decoder = new VpcdMessageDecoder();
    const stream = fromHex('00 01 00  00 05 00 B0 01 00 00  00 01 02');
    const out: Uint8Array[] = [];
    for (const byte of stream) out.push(...decoder.push(Uint8Array.of(byte)));
    expect(out).toEqual([fromHex('00'), fromHex('00 B0 01 00 00'), fromHex('02')]);
  });

  it('reads a length whose high byte is set (0x0105 = 261 bytes)', () => {
    const decoder = new VpcdMessageDecoder();
    const payload = new Uint8Array(261).fill(0x5a);
    const framed = new Uint8Array(263);
    framed.set(fromHex('01 05'), 0);
    framed.set(payload, 2);
    expect(decoder.push(framed.subarray(0, 100))).toEqual([]);
    expect(decoder.push(framed.subarray(100))).toEqual([payload]);
  });

  it('passes an empty message through', () => {
    expect(new VpcdMessageDecoder().push(fromHex('00 00 00 01 04'))).toEqual([new Uint8Array(0), fromHex('04')]);
  });

  it('returns copies, so the caller may reuse its chunk buffer', () => {
    const decoder = new VpcdMessageDecoder();
    const chunk = fromHex('00 02 90 00');
    const [message] = decoder.push(chunk);
    chunk.fill(0);
    expect(message).toEqual(fromHex('90 00'));
  });

  it('refuses a declared length above its bound as soon as the two length bytes arrive', () => {
    const decoder = new VpcdMessageDecoder(300);
    expect(decoder.push(fromHex('01 2C'))).toEqual([]); // 300: allowed, waits for the payload
    const strict = new VpcdMessageDecoder(300);
    expect(() => strict.push(fromHex('01 2D'))).toThrow(VpcdProtocolError); // 301
    expect(strict.pendingBytes).toBe(0);
  });

  it('can be reset to drop a half-received message', () => {
    const decoder = new VpcdMessageDecoder();
    decoder.push(fromHex('00 05 00 A4'));
    decoder.reset();
    expect(decoder.pendingBytes).toBe(0);
    expect(decoder.push(fromHex('00 01 04'))).toEqual([fromHex('04')]);
  });

  it('rejects a bound outside 1…65535', () => {
    expect(() => new VpcdMessageDecoder(0)).toThrow(RangeError);
    expect(() => new VpcdMessageDecoder(0x10000)).toThrow(RangeError);
  });
});

it('uses the port of Debian reader.conf.d/vpcd (CHANNELID 0x8C7B)', () => {
  expect(VPCD_DEFAULT_PORT).toBe(0x8c7b);
});
