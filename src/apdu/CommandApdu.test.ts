import { describe, expect, it } from 'vitest';
import { fromHex, toHex, MalformedDataError } from '../bytes';
import { command, encodeCommand, parseCommand } from './CommandApdu';

// Vectors written by hand from ISO/IEC 7816-4 §5.1 (Table 1) and docs/card-reference.md §2, §13.
describe('encodeCommand', () => {
  it('case 1: header only', () => {
    expect(toHex(encodeCommand(command(0x00, 0x20, 0x00, 0x80)))).toBe('00 20 00 80');
  });

  it('case 2 short: Le 256 is sent as 00', () => {
    expect(toHex(encodeCommand(command(0x00, 0xb0, 0x00, 0x00, { ne: 4 })))).toBe('00 B0 00 00 04');
    expect(toHex(encodeCommand(command(0x00, 0xb0, 0x01, 0x00, { ne: 256 })))).toBe('00 B0 01 00 00');
  });

  it('case 3 short: SELECT JPKI AP (docs/card-reference.md §13.1)', () => {
    const select = command(0x00, 0xa4, 0x04, 0x0c, { data: fromHex('D3 92 F0 00 26 01 00 00 00 01') });
    expect(toHex(encodeCommand(select))).toBe('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
  });

  it('case 4 short: 80 2A with Le 00', () => {
    const sign = command(0x80, 0x2a, 0x00, 0x80, { data: fromHex('01 02 03'), ne: 256 });
    expect(toHex(encodeCommand(sign))).toBe('80 2A 00 80 03 01 02 03 00');
  });

  it('case 2 extended: 00 then two Le bytes, 65536 as 00 00', () => {
    expect(toHex(encodeCommand(command(0x00, 0xb0, 0x8a, 0x00, { ne: 65536 })))).toBe('00 B0 8A 00 00 00 00');
    expect(toHex(encodeCommand(command(0x00, 0xb0, 0x8a, 0x04, { ne: 0x0400 })))).toBe('00 B0 8A 04 00 04 00');
  });

  it('case 3 extended: 00 Lc_hi Lc_lo data', () => {
    const data = new Uint8Array(256).fill(0xaa);
    const encoded = encodeCommand(command(0x80, 0xae, 0x00, 0x00, { data }));
    expect(toHex(encoded.subarray(0, 7))).toBe('80 AE 00 00 00 01 00');
    expect(encoded.length).toBe(7 + 256);
  });

  it('case 4 extended: Le follows the data in two bytes without another 00', () => {
    const encoded = encodeCommand(command(0x00, 0x2a, 0x00, 0x00, { data: fromHex('01'), ne: 65536 }), 'extended');
    expect(toHex(encoded)).toBe('00 2A 00 00 00 00 01 01 00 00');
  });

  it('forced extended form of a case 1 command stays the 4-byte header', () => {
    expect(toHex(encodeCommand(command(0x00, 0x20, 0x00, 0x80), 'extended'))).toBe('00 20 00 80');
  });

  it('refuses a short form that cannot carry the command, and out-of-range fields', () => {
    expect(() => encodeCommand(command(0x00, 0xb0, 0, 0, { ne: 257 }), 'short')).toThrow(RangeError);
    expect(() => encodeCommand(command(0x100, 0xb0, 0, 0))).toThrow(/CLA/);
    expect(() => encodeCommand(command(0x00, 0xb0, 0, 0, { ne: 0 }))).toThrow(/Ne/);
  });
});

describe('parseCommand', () => {
  const cases: [string, number, boolean, string, number | null][] = [
    ['00 20 00 80', 1, false, '', null],
    ['00 20 00 80 00', 2, false, '', 256], // as ISO reads it; the simulator's VERIFY treats it as the probe
    ['00 B0 00 04 FC', 2, false, '', 252],
    ['00 A4 02 0C 02 00 0A', 3, false, '00 0A', null],
    ['80 2A 00 80 02 AB CD 00', 4, false, 'AB CD', 256],
    ['00 B0 8A 00 00 00 00', 2, true, '', 65536],
    ['00 B0 8A 04 00 04 00', 2, true, '', 1024],
    ['80 A2 06 C1 00 00 02 AA BB', 3, true, 'AA BB', null],
    ['00 2A 00 00 00 00 01 01 00 00', 4, true, '01', 65536],
  ];
  it.each(cases)('%s is case %i', (hex, expectedCase, extended, data, ne) => {
    const parsed = parseCommand(fromHex(hex));
    expect(parsed.case).toBe(expectedCase);
    expect(parsed.extended).toBe(extended);
    expect(toHex(parsed.command.data)).toBe(data);
    expect(parsed.command.ne).toBe(ne);
  });

  it.each(['00 A4', '00 A4 04 0C 0A D3 92', '00 A4 04 0C 02 00 0A 00 00', '00 B0 00 00 00 00', '00 B0 00 00 00 00 00 00'])(
    'rejects the malformed command %s with MalformedDataError',
    (hex) => {
      expect(() => parseCommand(fromHex(hex))).toThrow(MalformedDataError);
    },
  );

  it('round-trips what it encodes', () => {
    const original = command(0x00, 0xb0, 0x81, 0x00, { ne: 300 });
    const parsed = parseCommand(encodeCommand(original));
    expect(parsed.command).toMatchObject({ cla: 0, ins: 0xb0, p1: 0x81, p2: 0, ne: 300 });
  });
});
