import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex } from '../../bytes';
import { MY_NUMBER_IMAGE } from '../../vectors/recorded/adult';
import { filled, hex, tlv } from './test-support/cardBytes';
import { myNumberBearer, myNumberSpans, spansWithin, type MyNumberBearer } from './myNumberBytes';

const bearer = (applet: string, fileId: number): MyNumberBearer => {
  const found = myNumberBearer(applet, fileId);
  if (!found) throw new Error(`${applet}/${fileId} is no bearer`);
  return found;
};
const TEXT_0001 = bearer('text', 0x0001);
const TEXT_0003 = bearer('text', 0x0003);
const VISUAL_0005 = bearer('visual', 0x0005);

/** §7.2: `FF 10 0C` + the 12 ASCII digits + `FF FF`. */
const MY_NUMBER_EF = hex('FF 10 0C 31 32 33 34 35 36 37 38 39 30 31 38 FF FF');
/** §7.4: `FF 30 82 01 4B` { DF31 digest, DF32 digest, DF33 signature }, 336 bytes. */
const INTEGRITY = tlv(0xff30, tlv(0xdf31, filled(32, 0xa1)), tlv(0xdf32, filled(32, 0xb2)), tlv(0xdf33, filled(256, 0xc3)));

describe('which files carry the My Number (docs/card-reference.md §17)', () => {
  it('names text 0001 and 0003 and visual 0005, and nothing else', () => {
    expect(myNumberBearer('text', 0x0001)).toBeDefined();
    expect(myNumberBearer('text', 0x0003)).toBeDefined();
    expect(myNumberBearer('visual', 0x0005)).toBeDefined();
    expect(myNumberBearer('text', 0x0002)).toBeUndefined();
    expect(myNumberBearer('visual', 0x0002)).toBeUndefined();
    expect(myNumberBearer('jpki', 0x0001)).toBeUndefined();
  });
});

describe('myNumberSpans over a whole file', () => {
  it('text 0001: exactly the 12 digits, not the tag, length or filler (§7.2)', () => {
    expect(myNumberSpans(TEXT_0001, MY_NUMBER_EF)).toEqual([{ start: 3, end: 15 }]);
  });

  it('text 0003: the My Number digest and the signature over it, not the basic-four digest (§7.4)', () => {
    expect(INTEGRITY.length).toBe(336);
    // FF 30 82 01 4B | DF 31 20 <32> | DF 32 20 <32> | DF 33 82 01 00 <256>
    expect(myNumberSpans(TEXT_0003, INTEGRITY)).toEqual([
      { start: 8, end: 40 },
      { start: 80, end: 336 },
    ]);
  });

  it('visual 0005 (recorded issuance bytes): the PNG and the signature, not the card key (§8.1)', () => {
    const file = fromHex(MY_NUMBER_IMAGE);
    // FF 40 82 02 B8 | DF 41 82 00 A0 <160> | DF 42 82 01 09 <265> | DF 43 82 01 00 <256>
    expect(myNumberSpans(VISUAL_0005, file)).toEqual([
      { start: 10, end: 170 },
      { start: 445, end: 701 },
    ]);
    expect(file.subarray(10, 14)).toEqual(hex('89 50 4E 47'));
  });

  it('leaves the filler after the object alone', () => {
    expect(myNumberSpans(TEXT_0003, concatBytes(INTEGRITY, filled(20, 0xff)))).toEqual([
      { start: 8, end: 40 },
      { start: 80, end: 336 },
    ]);
  });
});

describe('myNumberSpans errs toward hiding', () => {
  it('hides everything when the outer tag is not the expected one', () => {
    expect(myNumberSpans(TEXT_0001, filled(17, 0xff))).toEqual([{ start: 0, end: 17 }]);
    expect(myNumberSpans(TEXT_0001, hex('FF 11 0C 31 32 33'))).toEqual([{ start: 0, end: 6 }]);
  });

  it('hides a prefix too short for its outer header', () => {
    expect(myNumberSpans(VISUAL_0005, hex('FF 40 82 02'))).toEqual([{ start: 0, end: 4 }]);
  });

  it('hides from a child header cut short to the end of the prefix', () => {
    const prefix = INTEGRITY.subarray(0, 42); // ends inside DF32's header
    expect(myNumberSpans(TEXT_0003, prefix)).toEqual([
      { start: 8, end: 40 },
      { start: 40, end: 42 },
    ]);
  });

  it('hides from a child that runs past the outer object', () => {
    const bad = tlv(0xff30, hex('DF 31 05 01 02'));
    // FF 30 05 | DF 31 05 01 02: the child claims 5 bytes where 2 remain.
    expect(myNumberSpans(TEXT_0003, bad)).toEqual([{ start: 3, end: 8 }]);
  });

  it('a header alone (the first READ of a TLV file, §3) gives nothing away and hides nothing', () => {
    expect(myNumberSpans(VISUAL_0005, hex('FF 40 82 02 B8'))).toEqual([]);
  });

  it('never reaches past the prefix', () => {
    expect(myNumberSpans(TEXT_0001, MY_NUMBER_EF.subarray(0, 8))).toEqual([{ start: 3, end: 8 }]);
  });
});

describe('spansWithin', () => {
  it('keeps the part of each span inside one READ, counted from its offset', () => {
    const spans = [
      { start: 10, end: 170 },
      { start: 445, end: 701 },
    ];
    expect(spansWithin(spans, 0, 5)).toEqual([]);
    expect(spansWithin(spans, 5, 251)).toEqual([{ start: 5, end: 165 }]);
    expect(spansWithin(spans, 256, 256)).toEqual([{ start: 189, end: 256 }]);
    expect(spansWithin(spans, 512, 189)).toEqual([{ start: 0, end: 189 }]);
  });
});
