import { describe, expect, it } from 'vitest';
import { ByteReader } from './ByteReader';
import { MalformedDataError } from './MalformedDataError';
import { fromHex, toHex } from './hex';

describe('ByteReader', () => {
  it('reads big-endian integers and byte runs in order', () => {
    const reader = new ByteReader(fromHex('01 02 03 04 05 06 07 08 09'), 'test');
    expect(reader.u8()).toBe(0x01);
    expect(reader.u16()).toBe(0x0203);
    expect(reader.u32()).toBe(0x04050607);
    expect(toHex(reader.rest())).toBe('08 09');
    expect(reader.atEnd).toBe(true);
  });

  it('reads a 32-bit value with the top bit set as unsigned', () => {
    expect(new ByteReader(fromHex('FF FF FF FE'), 't').u32()).toBe(0xfffffffe);
  });

  it('throws MalformedDataError naming the source and absolute offset when data runs out', () => {
    const reader = new ByteReader(fromHex('AA BB'), 'JPKI EF 000A', 100);
    reader.u8();
    const error = (() => {
      try {
        reader.u16();
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(MalformedDataError);
    expect(error).toMatchObject({ source: 'JPKI EF 000A', offset: 101 });
    expect((error as Error).message).toContain('JPKI EF 000A');
  });

  it('refuses negative and fractional lengths', () => {
    const reader = new ByteReader(fromHex('00 00'), 't');
    expect(() => reader.bytesOf(-1)).toThrow(MalformedDataError);
    expect(() => reader.bytesOf(1.5)).toThrow(MalformedDataError);
  });

  it('gives sub-readers absolute offsets', () => {
    const reader = new ByteReader(fromHex('00 11 22 33'), 't', 10);
    reader.u8();
    const sub = reader.sub(2);
    expect(sub.offset).toBe(11);
    sub.u16();
    expect(() => sub.u8()).toThrow(/offset 13/);
  });
});
