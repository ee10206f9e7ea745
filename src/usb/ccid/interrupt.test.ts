import { describe, expect, it } from 'vitest';
import { fromHex, MalformedDataError, toHex } from '../../bytes';
import { BulkInAssembler } from './BulkInAssembler';
import { decodeInterruptMessage } from './interrupt';

describe('interrupt-IN messages (CCID 1.1 §6.3)', () => {
  it('RDR_to_PC_NotifySlotChange (§6.3.1): 03 = card inserted, 02 = card removed', () => {
    expect(decodeInterruptMessage(fromHex('50 03'), 1)).toEqual({ type: 'slot-change', slots: [{ slot: 0, present: true, changed: true }] });
    expect(decodeInterruptMessage(fromHex('50 02'), 1)).toEqual({ type: 'slot-change', slots: [{ slot: 0, present: false, changed: true }] });
  });

  it('reads two bits per slot, slot 0 in the low bits: 0D = slot 0 present, slot 1 present and changed', () => {
    const message = decodeInterruptMessage(fromHex('50 0D'), 2);
    expect(message).toEqual({
      type: 'slot-change',
      slots: [
        { slot: 0, present: true, changed: false },
        { slot: 1, present: true, changed: true },
      ],
    });
    // Without a slot count every bit pair is reported: two bytes, eight slots; 01 in byte 2 is slot 4.
    expect(decodeInterruptMessage(fromHex('50 00 01'))).toMatchObject({ slots: { length: 8, 4: { slot: 4, present: true, changed: false } } });
  });

  it('RDR_to_PC_HardwareError (§6.3.2): slot 0, seq 7, code 01 overcurrent', () => {
    expect(decodeInterruptMessage(fromHex('51 00 07 01'))).toEqual({ type: 'hardware-error', slot: 0, seq: 7, code: 1, overcurrent: true });
  });

  it('refuses truncated, overlong and unknown interrupt messages', () => {
    expect(() => decodeInterruptMessage(fromHex('50'))).toThrow(MalformedDataError);
    expect(() => decodeInterruptMessage(fromHex('50 03'), 5)).toThrow(MalformedDataError);
    expect(() => decodeInterruptMessage(fromHex('51 00 07'))).toThrow(expect.objectContaining({ offset: 3 }));
    expect(() => decodeInterruptMessage(fromHex('51 00 07 01 00'))).toThrow(MalformedDataError);
    expect(() => decodeInterruptMessage(fromHex('80 00'))).toThrow(expect.objectContaining({ offset: 0 }));
  });
});

describe('BulkInAssembler (CCID 1.1 §6.2 dwLength over 64-byte packets)', () => {
  // A DataBlock with 70 data bytes: dwLength 46 00 00 00; 80 bytes in all = one 64-byte packet + 16.
  const header = fromHex('80 46 00 00 00 00 01 00 00 00');
  const whole = new Uint8Array(80);
  whole.set(header);
  for (let i = 10; i < 80; i++) whole[i] = i;

  it('holds the first packet and returns the message when dwLength is reached', () => {
    const assembler = new BulkInAssembler(271);
    expect(assembler.push(whole.subarray(0, 64))).toEqual([]);
    expect(assembler.pending).toBe(true);
    const [message] = assembler.push(whole.subarray(64));
    expect(toHex(message!)).toBe(toHex(whole));
    expect(assembler.pending).toBe(false);
  });

  it('splits two messages that arrived in one transfer and waits on a header cut in two', () => {
    const assembler = new BulkInAssembler(271);
    const two = fromHex('81 00 00 00 00 00 02 00 00 00 80 01 00 00 00 00 03 00 00 00 90 80 00');
    expect(assembler.push(two).map((m) => toHex(m))).toEqual(['81 00 00 00 00 00 02 00 00 00', '80 01 00 00 00 00 03 00 00 00 90']);
    expect(assembler.push(fromHex('00 00 00 00 04 00 00'))).toEqual([]);
    expect(assembler.push(fromHex('00')).map((m) => toHex(m))).toEqual(['80 00 00 00 00 00 04 00 00 00']);
  });

  it('refuses a header announcing more than dwMaxCCIDMessageLength, and can start again after', () => {
    const assembler = new BulkInAssembler(271);
    // dwLength 0x0106 = 262 → 272 bytes with the header, one more than 271.
    expect(() => assembler.push(fromHex('80 06 01 00 00 00 05 00 00 00'))).toThrow(expect.objectContaining({ offset: 1 }));
    expect(assembler.pending).toBe(false);
    expect(assembler.push(fromHex('81 00 00 00 00 00 06 00 00 00'))).toHaveLength(1);
  });
});
