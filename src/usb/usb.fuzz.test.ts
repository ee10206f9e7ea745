import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MalformedDataError, concatBytes, fromHex } from '../bytes';
import { TransportError } from '../transport/TransportError';
import { checkTarget, checkTargetAsync, fuzzBytes, mutatedBytes, valueOrTypedError, valueOrTypedErrorAsync } from '../testing/fuzz';
import { parseAtr } from './atr';
import { BulkInAssembler } from './ccid/BulkInAssembler';
import { findCcidInterfaces } from './ccid/descriptor';
import { decodeInterruptMessage } from './ccid/interrupt';
import { decodeCcidReply } from './ccid/replies';
import { decodeBlock, encodeBlock, type T1Block } from './t1/block';
import { T1Protocol } from './t1/T1Protocol';

/**
 * Property and fuzz tests of everything in usb/ that reads bytes a reader or card sent
 * (src/testing/fuzz.ts says what "typed" means): ATRs (ISO/IEC 7816-3 §8), configuration and
 * CCID class descriptors (USB 2.0 §9.6, CCID 1.1 §5.1), bulk-IN replies and their reassembly
 * (CCID 1.1 §6.2), interrupt messages (§6.3), T=1 blocks and the T=1 protocol against a card
 * that answers anything (ISO/IEC 7816-3 §11).
 */

/** Real ATRs: the My Number Card's contact ATR and the others pcsc-tools lists (docs/card-reference.md §1). */
const ATRS = [
  '3B E0 00 FF 81 31 FE 45 14',
  '3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B',
  '3B C5 FF 81 31 FB 45 80 73 C6 01 00 00',
  '3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F',
  '3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 00 D1 D6',
  '3F 80 81 1F C3 DD',
  '3B 03 4A 50 4B',
].map(fromHex);

/** docs/test-rigs.md §B.5: QEMU's usb-ccid configuration descriptor as Chromium read it (see descriptor.test.ts). */
const QEMU_CONFIGURATION = fromHex(`
  09 02 5d 00 01 01 00 e0 32 09 04 00 00 03 0b 00 00 04 36 21 10 01 00 07 01 00 00 00 a0 0f 00 00 00 00 01 00 00 80 25 00 00
  00 c2 01 00 00 fe 00 00 00 00 00 00 00 00 00 00 00 fe 04 01 00 12 00 01 00 ff ff 00 00 01 01 07 05 81 03 40 00 ff 07 05 82 02
  40 00 00 07 05 03 02 40 00 00`);

/** A vendor-class (0xFF) reader with the class descriptor after its endpoints (descriptor.test.ts). */
const VENDOR_CONFIGURATION = fromHex(`
  09 02 5d 00 01 01 00 80 32 09 04 00 00 03 ff 00 00 00 07 05 81 02 40 00 00 07 05 02 02 40 00 00 07 05 83 03 10 00 10
  36 21 10 01 00 07 03 00 00 00 a0 0f 00 00 a0 0f 00 00 00 80 25 00 00 00 b0 04 00 00 fe 00 00 00 00 00 00 00 00 00 00 00
  ba 00 01 00 0f 01 00 00 00 00 00 00 00 01`);

/** Replies a reader sends (CCID 1.1 §6.2): a DataBlock with the ATR, statuses, parameters, clock and rate. */
const REPLIES = [
  '80 09 00 00 00 00 01 00 00 00 3B E0 00 FF 81 31 FE 45 14',
  '80 00 00 00 00 00 01 42 FE 00',
  '80 00 00 00 00 00 05 80 02 00',
  '81 00 00 00 00 00 03 01 00 03',
  '82 07 00 00 00 00 06 00 00 01 11 10 FF 45 00 FE 00',
  '82 05 00 00 00 00 06 00 00 00 11 00 00 0A 00',
  '83 02 00 00 00 00 07 00 00 00 AA BB',
  '84 08 00 00 00 00 08 00 00 00 A0 0F 00 00 80 25 00 00',
].map(fromHex);

describe('ATR (ISO/IEC 7816-3 §8)', () => {
  it('parses or refuses with MalformedDataError; a parsed ATR accounts for every byte', () => {
    checkTarget(
      'ATR (ISO 7816-3 §8)',
      fc.property(fuzzBytes(ATRS, { maxLength: 40, prefix: fc.constantFrom(Uint8Array.of(0x3b), Uint8Array.of(0x3f)) }), (bytes) => {
        const atr = valueOrTypedError(() => parseAtr(bytes), [MalformedDataError]);
        if (atr === null) return;
        expect(atr.raw.length).toBeLessThanOrEqual(33);
        expect(atr.historical.length).toBe(atr.t0 & 0x0f);
        expect(atr.protocols.length).toBeGreaterThan(0);
      }),
      { runs: 2000 },
    );
  });
});

describe('USB configuration and CCID class descriptors (USB 2.0 §9.6, CCID 1.1 §5.1)', () => {
  it('finds CCID interfaces or refuses with MalformedDataError', () => {
    checkTarget(
      'configuration + CCID class descriptor (CCID 1.1 §5.1)',
      fc.property(fuzzBytes([QEMU_CONFIGURATION, VENDOR_CONFIGURATION], { maxLength: 200 }), (bytes) => {
        const found = valueOrTypedError(() => findCcidInterfaces(bytes), [MalformedDataError]);
        if (found === null) return;
        for (const ccid of found) {
          expect(ccid.bulkIn.number).toBeLessThan(16);
          expect(ccid.bulkOut.number).toBeLessThan(16);
        }
      }),
      { runs: 2000 },
    );
  });
});

describe('bulk-IN replies and their reassembly (CCID 1.1 §6.2)', () => {
  it('decodes a whole reply or refuses it with MalformedDataError', () => {
    const messageType = fc.constantFrom(0x80, 0x81, 0x82, 0x83, 0x84).map((t) => Uint8Array.of(t));
    checkTarget(
      'CCID bulk-IN reply (CCID 1.1 §6.2)',
      fc.property(fuzzBytes(REPLIES, { maxLength: 40, prefix: messageType }), (bytes) => {
        const reply = valueOrTypedError(() => decodeCcidReply(bytes), [MalformedDataError]);
        if (reply && reply.type === 'data-block') expect(reply.data.length).toBe(bytes.length - 10);
      }),
      { runs: 2000 },
    );
  });

  it('reassembles any packet stream into whole messages, never holding more than dwMaxCCIDMessageLength', () => {
    checkTarget(
      'CCID bulk-IN reassembly (CCID 1.1 §6.2)',
      fc.property(
        fc.array(fc.oneof(fuzzBytes(REPLIES, { maxLength: 64 }), fc.uint8Array({ maxLength: 64 })), { maxLength: 20 }),
        fc.integer({ min: 10, max: 1024 }),
        (packets, max) => {
          const assembler = new BulkInAssembler(max);
          for (const packet of packets) {
            const messages = valueOrTypedError(() => assembler.push(packet), [MalformedDataError]);
            for (const message of messages ?? []) expect(message.length).toBeLessThanOrEqual(max);
          }
        },
      ),
      { runs: 1000 },
    );
  });
});

describe('interrupt messages (CCID 1.1 §6.3)', () => {
  it('decodes NotifySlotChange and HardwareError or refuses with MalformedDataError', () => {
    const seeds = ['50 03', '50 02', '50 FF 0F', '51 00 07 01'].map(fromHex);
    checkTarget(
      'CCID interrupt message (CCID 1.1 §6.3)',
      fc.property(fuzzBytes(seeds, { maxLength: 12 }), fc.option(fc.integer({ min: 1, max: 16 }), { nil: undefined }), (bytes, slots) => {
        const message = valueOrTypedError(() => decodeInterruptMessage(bytes, slots), [MalformedDataError]);
        if (message?.type === 'slot-change' && slots !== undefined) expect(message.slots).toHaveLength(slots);
      }),
      { runs: 1000 },
    );
  });
});

/** Valid blocks of both kinds of EDC: I-blocks with and without chaining, R-blocks, S-blocks. */
const BLOCKS: readonly T1Block[] = [
  { kind: 'I', ns: 0, more: false, inf: fromHex('90 00') },
  { kind: 'I', ns: 1, more: true, inf: new Uint8Array(254).fill(0x41) },
  { kind: 'I', ns: 0, more: true, inf: fromHex('01 02 03') },
  { kind: 'R', nr: 1, error: 'none' },
  { kind: 'R', nr: 0, error: 'edc' },
  { kind: 'S', type: 'wtx', response: false, inf: Uint8Array.of(2) },
  { kind: 'S', type: 'ifs', response: false, inf: Uint8Array.of(0x20) },
  { kind: 'S', type: 'ifs', response: true, inf: Uint8Array.of(0xfe) },
  { kind: 'S', type: 'resynch', response: true, inf: new Uint8Array(0) },
  { kind: 'S', type: 'abort', response: false, inf: new Uint8Array(0) },
];
const LRC_BLOCKS = BLOCKS.map((b) => encodeBlock(b));

describe('T=1 blocks (ISO/IEC 7816-3 §11.3)', () => {
  it('decodes or refuses with InvalidBlockError (a MalformedDataError), and decoded blocks encode back', () => {
    checkTarget(
      'T=1 block (ISO 7816-3 §11.3)',
      fc.property(fuzzBytes([...LRC_BLOCKS, ...BLOCKS.map((b) => encodeBlock(b, { edc: 'crc' }))], { maxLength: 270 }), fc.constantFrom('lrc' as const, 'crc' as const), (bytes, edc) => {
        const decoded = valueOrTypedError(() => decodeBlock(bytes, edc), [MalformedDataError]);
        if (decoded) expect(encodeBlock(decoded.block, { nad: decoded.nad, edc })).toEqual(bytes);
      }),
      { runs: 2000 },
    );
  });
});

/** Block answers that steer the protocol: valid blocks of every kind, mutated ones and silence. */
const cardAnswer = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...LRC_BLOCKS) },
  { weight: 3, arbitrary: mutatedBytes(LRC_BLOCKS, 2) },
  { weight: 1, arbitrary: fc.constant(new Uint8Array(0)) },
);

/** More blocks than any correct exchange of one APDU needs, even chained a byte at a time: a loop past it is a hang. */
const HANG = 30_000;

describe('T=1 protocol against a card that answers anything (ISO/IEC 7816-3 §11.6)', () => {
  it('returns a response or throws a TransportError, and always stops', async () => {
    await checkTargetAsync(
      'T=1 protocol (ISO 7816-3 §11.6)',
      fc.asyncProperty(fc.array(cardAnswer, { minLength: 1, maxLength: 30 }), fc.boolean(), fc.uint8Array({ minLength: 4, maxLength: 300 }), async (script, repeat, apdu) => {
        // A card that follows the script, then either repeats it for ever or falls silent.
        let sent = 0;
        const protocol = new T1Protocol(
          async () => {
            if (++sent > HANG) throw new Error(`no answer after ${HANG} blocks: the protocol does not stop`);
            const index = sent - 1;
            return repeat ? script[index % script.length]! : (script[index] ?? new Uint8Array(0));
          },
          { ifsc: 32 },
        );
        const response = await valueOrTypedErrorAsync(() => protocol.transmit(apdu), [TransportError]);
        if (response) expect(response.length).toBeLessThanOrEqual(65538);
      }),
      { runs: 300 },
    );
  });

  it('answers a card that sends nothing but S(WTX request) with a TransportError, not a loop (regression)', async () => {
    const wtx = encodeBlock({ kind: 'S', type: 'wtx', response: false, inf: Uint8Array.of(1) });
    const ifsResponse = encodeBlock({ kind: 'S', type: 'ifs', response: true, inf: Uint8Array.of(254) });
    let sent = 0;
    const protocol = new T1Protocol(async () => (++sent === 1 ? ifsResponse : sent > HANG ? new Uint8Array(0) : wtx), { ifsc: 32 });
    await expect(protocol.transmit(fromHex('00 B0 00 00 04'))).rejects.toBeInstanceOf(TransportError);
    expect(sent).toBeLessThan(1000);
  });

  it('refuses a card that chains I-blocks past the largest response APDU (regression)', async () => {
    const ifsResponse = encodeBlock({ kind: 'S', type: 'ifs', response: true, inf: Uint8Array.of(254) });
    let sent = 0;
    let ns: 0 | 1 = 0;
    const protocol = new T1Protocol(
      async () => {
        if (++sent === 1) return ifsResponse;
        const block = encodeBlock({ kind: 'I', ns, more: true, inf: new Uint8Array(254).fill(0x55) });
        ns = ns === 0 ? 1 : 0;
        return block;
      },
      { ifsc: 32 },
    );
    await expect(protocol.transmit(fromHex('00 B0 00 00 00'))).rejects.toBeInstanceOf(TransportError);
    expect(sent).toBeLessThan(65538 / 254 + 10);
  });
});

describe('an assembled reply never allocates what dwLength claims', () => {
  it('refuses a 4 GB dwLength at once (regression guard)', () => {
    const assembler = new BulkInAssembler(271);
    expect(() => assembler.push(concatBytes(fromHex('80 FF FF FF FF 00 01 00 00 00'), new Uint8Array(54)))).toThrow(MalformedDataError);
    expect(assembler.pending).toBe(false);
  });
});
