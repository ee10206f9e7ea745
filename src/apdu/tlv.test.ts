import { describe, expect, it } from 'vitest';
import { MalformedDataError, fromHex, toHex } from '../bytes';
import { childrenOf, encodeTlv, findTlv, parseSimpleTlvs, parseTlvs, readTlv } from './tlv';
import { ByteReader } from '../bytes';

describe('BER-TLV', () => {
  it('parses the My Number EF with its two-byte FF 10 tag and FF filler (docs/card-reference.md §7.2)', () => {
    const ef = fromHex('FF 10 0C 31 32 33 34 35 36 37 38 39 30 31 38 FF FF');
    const [tlv, ...rest] = parseTlvs(ef, 'text EF 0001');
    expect(rest).toEqual([]);
    expect(tlv!.tag).toBe(0xff10);
    expect(tlv!.constructed).toBe(true);
    expect(new TextDecoder().decode(tlv!.value)).toBe('123456789018');
    expect(tlv!.valueOffset).toBe(3);
    expect(tlv!.end).toBe(15);
  });

  it('reads 82 HH LL lengths and nested private tags with absolute offsets (docs/card-reference.md §7.6)', () => {
    const ef = fromHex('FF 40 82 00 0A DF 41 04 01 03 0E 01 DF 42 00 FF FF');
    const [outer] = parseTlvs(ef, 'text EF 0005');
    expect(outer!.tag).toBe(0xff40);
    expect(outer!.value.length).toBe(10);
    const children = childrenOf(outer!, 'text EF 0005');
    expect(children.map((c) => c.tag.toString(16))).toEqual(['df41', 'df42']);
    expect(children[0]!.offset).toBe(5);
    expect(toHex(findTlv(children, 0xdf41)!.value)).toBe('01 03 0E 01');
    expect(findTlv(children, 0xdf42)!.value.length).toBe(0);
  });

  it('parses 5F 4E and 7F 21 tags (CV certificate, docs/card-reference.md §7.5)', () => {
    const tlv = readTlv(new ByteReader(fromHex('7F 21 05 5F 4E 02 AA BB'), 'cv'));
    expect(tlv.tag).toBe(0x7f21);
    expect(childrenOf(tlv, 'cv')[0]!.tag).toBe(0x5f4e);
    expect(toHex(tlv.raw)).toBe('7F 21 05 5F 4E 02 AA BB');
  });

  it('reports a length running past the data with the offset', () => {
    expect(() => parseTlvs(fromHex('DF 22 10 41 42'), 'text EF 0002')).toThrow(MalformedDataError);
    expect(() => parseTlvs(fromHex('DF 22 10 41 42'), 'text EF 0002')).toThrow(/offset 3/);
  });

  it('refuses indefinite lengths and over-long tags', () => {
    expect(() => parseTlvs(fromHex('30 80 00 00'), 't')).toThrow(/indefinite/);
    expect(() => parseTlvs(fromHex('1F 81 81 81 01 00'), 't')).toThrow(/tag longer/);
  });

  it('encodes lengths the card way (82 HH LL from 0x80) or minimally', () => {
    const value = new Uint8Array(0x9f);
    expect(toHex(encodeTlv(0xff40, value, 'card').subarray(0, 5))).toBe('FF 40 82 00 9F');
    expect(toHex(encodeTlv(0xff40, value, 'minimal').subarray(0, 4))).toBe('FF 40 81 9F');
    expect(toHex(encodeTlv(0xdf25, fromHex('32')))).toBe('DF 25 01 32');
  });
});

describe('simple-TLV', () => {
  it('parses the 共通カードAP record layout (docs/card-reference.md §9.2)', () => {
    const record = fromHex('01 03 41 42 43 02 FF 00 02 AA BB');
    const items = parseSimpleTlvs(record, 'common EF 0001');
    expect(items.map((i) => [i.tag, toHex(i.value)])).toEqual([
      [1, '41 42 43'],
      [2, 'AA BB'],
    ]);
  });

  it('rejects a tag of 00 or FF', () => {
    expect(() => parseSimpleTlvs(fromHex('00 01 00'), 'r')).toThrow(MalformedDataError);
  });
});
