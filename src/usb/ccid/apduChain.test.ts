import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import { commandParts, requireNextCommandPartAsked, ResponseChain } from './apduChain';

/**
 * Written by hand from CCID 1.1 §6.1.4 (wLevelParameter of PC_to_RDR_XfrBlock at extended APDU
 * level: 0000 begins and ends, 0001 begins and continues, 0003 continues with more to follow, 0002
 * continues and ends, 0010 empty, "send the next part of the response") and §6.2.1 (bChainParameter
 * of RDR_to_PC_DataBlock: 00, 01, 03, 02 likewise, 10 empty, "send the next part of the command").
 */
const parts = (apdu: string, room: number, extended = true) =>
  commandParts(fromHex(apdu), room, extended).map((p) => [toHex(p.data), p.levelParameter]);

describe('a command APDU cut into XfrBlocks (CCID 1.1 §6.1.4)', () => {
  it('fits in one message: one part, wLevelParameter 0000', () => {
    expect(parts('00 A4 02 0C 02 00 0A', 16)).toEqual([['00 A4 02 0C 02 00 0A', 0x0000]]);
  });

  it('exactly one message long: still one part, 0000', () => {
    expect(parts('00 D6 00 00 05 11 22 33 44 55', 10)).toEqual([['00 D6 00 00 05 11 22 33 44 55', 0x0000]]);
  });

  it('20 bytes with room for 16: 16 bytes under 0001, then 4 under 0002', () => {
    expect(parts('00 A4 04 0C 0F D3 92 F0 00 26 01 00 00 00 01 01 02 03 04 05', 16)).toEqual([
      ['00 A4 04 0C 0F D3 92 F0 00 26 01 00 00 00 01 01', 0x0001],
      ['02 03 04 05', 0x0002],
    ]);
  });

  it('10 bytes with room for 4: 0001, 0003, then the last 2 bytes under 0002', () => {
    expect(parts('00 D6 00 00 05 11 22 33 44 55', 4)).toEqual([
      ['00 D6 00 00', 0x0001],
      ['05 11 22 33', 0x0003],
      ['44 55', 0x0002],
    ]);
  });

  it('a whole number of messages: no empty part at the end', () => {
    expect(parts('00 D6 00 00 05 11 22 33 44 55', 5)).toEqual([
      ['00 D6 00 00 05', 0x0001],
      ['11 22 33 44 55', 0x0002],
    ]);
  });

  it('at short APDU level wLevelParameter is RFU: the APDU goes whole under 0000', () => {
    expect(parts('00 D6 00 00 05 11 22 33 44 55', 4, false)).toEqual([['00 D6 00 00 05 11 22 33 44 55', 0x0000]]);
  });

  it('a descriptor leaving no room for data cannot carry a chain', () => {
    expect(() => commandParts(fromHex('00 D6 00 00 01 11'), 0, true)).toThrow(RangeError);
  });

  it('the reader asks for each next part with an empty DataBlock — bChainParameter 10 by the spec, any value as libccid takes it', () => {
    for (const chainParameter of [0x10, 0x00, 0x01, 0x02, 0x03]) {
      expect(() => requireNextCommandPartAsked({ data: new Uint8Array(0), chainParameter })).not.toThrow();
    }
  });

  it('a DataBlock with data before the last part means the reader answered half a command: the exchange ends', () => {
    for (const chainParameter of [0x00, 0x10]) {
      expect(() => requireNextCommandPartAsked({ data: fromHex('6700'), chainParameter })).toThrow(
        expect.objectContaining({ code: 'transport/protocol' }),
      );
    }
  });
});

/** Feeds DataBlocks (abData, bChainParameter) to a chain and returns what it said after each. */
function feed(chain: ResponseChain, blocks: readonly [string, number][]): string[] {
  return blocks.map(([data, chainParameter]) => chain.accept(fromHex(data), chainParameter));
}

describe('a response APDU gathered from DataBlocks (CCID 1.1 §6.2.1)', () => {
  it('bChainParameter 00: the answer begins and ends in one block', () => {
    const chain = new ResponseChain();
    expect(feed(chain, [['6A 82', 0x00]])).toEqual(['done']);
    expect(toHex(chain.response)).toBe('6A 82');
  });

  it('01, 03, 02: begins, continues, ends — joined in order', () => {
    const chain = new ResponseChain();
    expect(feed(chain, [['30 82', 0x01], ['01 0A', 0x03], ['90 00', 0x02]])).toEqual(['more', 'more', 'done']);
    expect(toHex(chain.response)).toBe('30 82 01 0A 90 00');
  });

  it('10 is read as "more follows", as libccid does', () => {
    const chain = new ResponseChain();
    expect(feed(chain, [['', 0x10], ['90 00', 0x02]])).toEqual(['more', 'done']);
    expect(toHex(chain.response)).toBe('90 00');
  });

  it('four empty "more" blocks in a row are waited through; a fifth is refused', () => {
    const four = new ResponseChain();
    expect(feed(four, [['', 0x01], ['', 0x03], ['', 0x03], ['', 0x03], ['90 00', 0x02]]).at(-1)).toBe('done');
    const five = new ResponseChain();
    feed(five, [['', 0x01], ['', 0x03], ['', 0x03], ['', 0x03]]);
    expect(() => five.accept(new Uint8Array(0), 0x03)).toThrow(expect.objectContaining({ code: 'transport/protocol' }));
  });

  it('a bChainParameter the specification does not define is refused', () => {
    expect(() => new ResponseChain().accept(fromHex('90 00'), 0x04)).toThrow(expect.objectContaining({ code: 'transport/protocol' }));
  });

  it('65 536 data bytes and SW1-SW2 are the most an answer may hold (ISO/IEC 7816-4 §5.1)', () => {
    const atMost = new ResponseChain();
    atMost.accept(new Uint8Array(65_536), 0x01);
    expect(atMost.accept(fromHex('90 00'), 0x02)).toBe('done');
    expect(atMost.response.length).toBe(65_538);
    const over = new ResponseChain();
    over.accept(new Uint8Array(65_536), 0x01);
    expect(() => over.accept(fromHex('00 90 00'), 0x02)).toThrow(expect.objectContaining({ code: 'transport/protocol' }));
  });

  it('the answer is there only once a block ended it', () => {
    const chain = new ResponseChain();
    chain.accept(fromHex('61'), 0x01);
    expect(() => chain.response).toThrow();
  });
});
