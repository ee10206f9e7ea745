import { describe, expect, it } from 'vitest';
import { crcB, crcBHolds, withCrcB } from './crcB';
import type { UsbInTransferResultLike } from '../../usb/UsbDeviceLike';
import { BulkInQueue } from './BulkInQueue';
import { IsoDepCard } from './IsoDepCard';
import { Port100ChipModel } from './Port100ChipModel';
import { readHostWrite, responseFrame } from './port100Device';

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

describe('CRC_B (ISO/IEC 14443-3 Annex B)', () => {
  it('has the catalogued check value 906E for "123456789", sent low byte first', () => {
    expect(crcB(ascii('123456789'))).toEqual([0x6e, 0x90]);
  });

  it('appends and verifies', () => {
    const frame = withCrcB([0x05, 0x00, 0x08]);
    expect(crcBHolds(frame)).toBe(true);
    expect(crcBHolds([...frame.slice(0, -1), frame[frame.length - 1]! ^ 1])).toBe(false);
  });
});

describe('the chip side of the Port-100 link', () => {
  it('reads a host command frame and the host ACK', () => {
    const bytes = [0x00, 0x00, 0xff, 0xff, 0xff, 0x02, 0x00, 0xfe, 0xd6, 0x20, 0x0a, 0x00];
    expect(readHostWrite(bytes)).toEqual({ type: 'command', size: 12, body: [0xd6, 0x20] });
    expect(readHostWrite([0, 0, 255, 0, 255, 0])).toEqual({ type: 'ack', size: 6 });
    expect(readHostWrite(bytes.slice(0, 9))).toEqual({ type: 'incomplete' });
    expect(readHostWrite([...bytes.slice(0, 10), 0x0b, 0x00]).type).toBe('garbage');
  });

  it('frames a response: D7 21 11 01 → … 04 00 FC D7 21 11 01 F6 00', () => {
    expect(responseFrame([0xd7, 0x21, 0x11, 0x01])).toEqual([0, 0, 255, 255, 255, 4, 0, 0xfc, 0xd7, 0x21, 0x11, 0x01, 0xf6, 0]);
  });
});

describe('the card side of ISO-DEP (ISO/IEC 14443-4 §7.5 PICC rules)', () => {
  const card = (fsc = 256) => new IsoDepCard({ fsd: 256, fsc, respond: (apdu) => Uint8Array.of(...apdu.slice(0, 3), 0x90, 0x00) });

  it('answers I(0) with I(0): its number starts at 1 and toggles on an I-block (rules C, D)', () => {
    const picc = card();
    expect(picc.receive([0x02, 0xaa, 0xbb, 0xcc])).toEqual([0x02, 0xaa, 0xbb, 0xcc, 0x90, 0x00]);
    expect(picc.receive([0x03, 0x01])).toEqual([0x03, 0x01, 0x90, 0x00]);
  });

  it('acknowledges a chained command with R(ACK) of its new number', () => {
    const picc = card();
    expect(picc.receive([0x12, 0xaa])).toEqual([0xa2]);
    expect(picc.receive([0x03, 0xbb, 0xcc])).toEqual([0x03, 0xaa, 0xbb, 0xcc, 0x90, 0x00]);
  });

  it('chains a long answer in FSC − 3 pieces and continues on R(ACK) with the other number (rules E, 12)', () => {
    const long = new IsoDepCard({ fsd: 256, fsc: 16, respond: () => Uint8Array.from({ length: 20 }, (_, i) => i) });
    expect(long.receive([0x02, 0x00])).toEqual([0x12, ...Array.from({ length: 13 }, (_, i) => i)]);
    expect(long.receive([0xa3])).toEqual([0x03, 13, 14, 15, 16, 17, 18, 19]);
    expect(long.chaining).toBe(false);
  });

  it('sends its last block again on an R-block with its own number; R(ACK)s an R(NAK) with the other (rules 10, 11)', () => {
    const picc = card();
    const answer = picc.receive([0x02, 0x01]);
    expect(picc.receive([0xb2])).toEqual(answer);
    expect(picc.receive([0xb3])).toEqual([0xa2]);
  });

  it('stays silent on an invalid block and answers S(DESELECT)', () => {
    const picc = card();
    expect(picc.receive([0x22, 0x00])).toBeNull();
    expect(picc.receive([0xc2])).toEqual([0xc2]);
    expect(picc.deselected).toBe(true);
  });

  it('asks for time with S(WTX) before the answer and answers once the reader echoes it', () => {
    const picc = card();
    picc.askForTimeBeforeNextAnswer([7]);
    expect(picc.receive([0x02, 0x01])).toEqual([0xf2, 7]);
    expect(picc.receive([0xf2, 7])).toEqual([0x02, 0x01, 0x90, 0x00]);
  });
});

describe('the bulk-IN pipe (USB 2.0 §5.8.3)', () => {
  const bytesOf = async (result: Promise<UsbInTransferResultLike>) => {
    const r = await result;
    return { status: r.status, length: r.data?.byteLength ?? 0 };
  };

  it('a transfer gathers whole packets until a short packet ends it: a 70-byte frame in one 1024-byte transfer', async () => {
    const pipe = new BulkInQueue(64);
    pipe.send(new Uint8Array(70));
    expect(await bytesOf(pipe.take(1024))).toEqual({ status: 'ok', length: 70 });
  });

  it('a transfer the size of one packet takes one packet; the next takes the rest', async () => {
    const pipe = new BulkInQueue(64);
    pipe.send(new Uint8Array(70));
    expect(await bytesOf(pipe.take(64))).toEqual({ status: 'ok', length: 64 });
    expect(await bytesOf(pipe.take(64))).toEqual({ status: 'ok', length: 6 });
  });

  it('a frame of whole packets ends with a zero-length packet, which ends the transfer', async () => {
    const pipe = new BulkInQueue(64);
    pipe.send(new Uint8Array(128));
    pipe.send(new Uint8Array(6));
    expect(await bytesOf(pipe.take(1024))).toEqual({ status: 'ok', length: 128 });
    expect(await bytesOf(pipe.take(1024))).toEqual({ status: 'ok', length: 6 });
  });

  it('two frames queued one after another stay two transfers (the ACK frame is a short packet)', async () => {
    const pipe = new BulkInQueue(64);
    pipe.send(Uint8Array.of(0, 0, 255, 0, 255, 0));
    pipe.send(new Uint8Array(20));
    expect(await bytesOf(pipe.take(1024))).toEqual({ status: 'ok', length: 6 });
    expect(await bytesOf(pipe.take(1024))).toEqual({ status: 'ok', length: 20 });
  });

  it('a transfer waits for the rest of a frame that has not arrived, and a packet larger than the room left is babble', async () => {
    const pipe = new BulkInQueue(64);
    const pending = pipe.take(1024);
    pipe.send(new Uint8Array(64)); // whole packet, then its zero-length packet
    expect(await bytesOf(pending)).toEqual({ status: 'ok', length: 64 });
    pipe.send(new Uint8Array(40));
    expect(await bytesOf(pipe.take(32))).toEqual({ status: 'babble', length: 32 });
  });
});

describe('the Port-100 chip model', () => {
  it('answers GetPDDataVersion (D6 22) with two bytes, D7 23 <minor> <major>, as nfcpy start-up reads them', () => {
    const chip = new Port100ChipModel(
      { card: null as never, cardInField: () => false, take: () => null, removeCard: () => undefined, unplug: () => undefined },
      [0x11, 0x01],
    );
    expect(chip.handle([0xd6, 0x2a, 0x01])).toEqual({ body: [0xd7, 0x2b, 0x00] });
    expect(chip.handle([0xd6, 0x22])).toEqual({ body: [0xd7, 0x23, 0x00, 0x01] });
  });
});
