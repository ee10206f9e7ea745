import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, MalformedDataError } from '../bytes';
import { TransportError } from '../transport/TransportError';
import { checkTarget, checkTargetAsync, fuzzBytes, mutatedBytes, valueOrTypedError, valueOrTypedErrorAsync } from '../testing/fuzz';
import { activateTypeB } from './isodep/activation';
import { decodeIsoDepBlock, encodeIsoDepBlock } from './isodep/block';
import { FWT_MAX_MS } from './isodep/frameSize';
import { ISO_DEP_MAX_ROUNDS, IsoDepProtocol, type FrameOutcome } from './isodep/IsoDepProtocol';
import { parseAtqb, parseAttribResponse } from './isodep/typeB';
import { decodeResponse } from './port100/commands';
import { decodeFrame, frameLength, PORT100_MAX_DATA_LENGTH } from './port100/frame';
import { decodeInCommRf } from './port100/inCommRf';
import { decodeSessionResponse } from './rcs300/sessionResponse';
import type { EscapeLink } from './rcs300/EscapeLink';
import { TransparentSession } from './rcs300/TransparentSession';

/**
 * Property and fuzz tests of what a contactless reader or card sends us (src/testing/fuzz.ts says
 * what "typed" means): Port-100 frames and results (nfcpy rcs380.py, Linux port100.c), ISO/IEC
 * 14443-3 Type B answers (ATQB, the answer to ATTRIB), ISO/IEC 14443-4 blocks and the ISO-DEP
 * protocol and Type B activation against a card that answers anything, and the RC-S300's
 * transparent-session replies. Seeds are frames written by hand from those sources.
 */

/** Port-100 frames the chip sends: ACK, an extended data frame, a normal frame, an InCommRF answer. */
const PORT100_FRAMES = [
  '00 00 FF 00 FF 00',
  '00 00 FF FF FF 04 00 FC D7 21 11 01 F6 00',
  '00 00 FF 02 FE D7 2B FE 00',
  '00 00 FF FF FF 0A 00 F6 D7 05 00 00 00 00 00 02 90 00 92 00',
].map(fromHex);

describe('Port-100 frames (nfcpy rcs380.py Frame, port100.c)', () => {
  it('cuts any byte stream, in any chunks, into whole frames or refuses it with MalformedDataError, never waiting for more than a frame can hold', () => {
    checkTarget(
      'Port-100 frame stream',
      fc.property(fc.array(fuzzBytes(PORT100_FRAMES, { maxLength: 80 }), { minLength: 1, maxLength: 6 }), (chunks) => {
        let stream = new Uint8Array(0);
        for (const chunk of chunks) {
          const joined = new Uint8Array(stream.length + chunk.length);
          joined.set(stream);
          joined.set(chunk, stream.length);
          stream = joined;
          for (;;) {
            const measured = valueOrTypedError(() => ({ length: frameLength(stream) }), [MalformedDataError]);
            if (measured === null) {
              stream = new Uint8Array(0); // refused: the driver drops the stream, as Port100Link does
              break;
            }
            const { length } = measured;
            if (length === null) break; // waiting for more bytes
            // A head that makes us wait never promises more than the largest frame.
            expect(length).toBeLessThanOrEqual(8 + PORT100_MAX_DATA_LENGTH + 2);
            if (stream.length < length) break;
            const frame = valueOrTypedError(() => decodeFrame(stream.slice(0, length)), [MalformedDataError]);
            if (frame?.kind === 'data') expect(frame.data.length).toBe(length - (stream[3] === 0xff && stream[4] === 0xff ? 10 : 7));
            stream = stream.slice(length);
          }
        }
      }),
      { runs: 2000 },
    );
  });

  it('reads a response (D7, code + 1) and InCommRF results or refuses them with MalformedDataError', () => {
    const results = ['D7 05 00 00 00 00 00 50 12 34 56 78', 'D7 05 80 00 00 00 00', 'D7 05 04 00 00 00 00', 'D7 21 11 01'].map(fromHex);
    checkTarget(
      'Port-100 response and InCommRF results',
      fc.property(fuzzBytes(results, { maxLength: 300 }), (bytes) => {
        const body = valueOrTypedError(() => decodeResponse(0x04, bytes), [MalformedDataError]);
        if (body === null) return;
        const result = valueOrTypedError(() => decodeInCommRf(body), [MalformedDataError]);
        if (result?.kind === 'frame') expect(result.data.length).toBe(body.length - 5);
        if (result?.kind === 'error') expect(result.names.length).toBeGreaterThan(0);
      }),
      { runs: 2000 },
    );
  });
});

/** ATQBs of real My Number Cards (smartcard_list.txt) and an extended one (four Protocol Info bytes). */
const ATQBS = ['50 12 34 56 78 00 00 05 E0 B3 81 A1', '50 12 34 56 78 00 4B 51 FF B3 81 D1', '50 01 02 03 04 00 00 00 00 00 21 41 50'].map(fromHex);

describe('Type B answers (ISO/IEC 14443-3 §7.9, §7.11)', () => {
  it('parses ATQB into coded values or refuses it with MalformedDataError', () => {
    checkTarget(
      'ATQB (ISO 14443-3 §7.9)',
      fc.property(fuzzBytes(ATQBS, { maxLength: 20, prefix: fc.constant(Uint8Array.of(0x50)) }), (bytes) => {
        const atqb = valueOrTypedError(() => parseAtqb(bytes), [MalformedDataError]);
        if (!atqb) return;
        expect(atqb.pupi.length).toBe(4);
        expect([16, 24, 32, 40, 48, 64, 96, 128, 256]).toContain(atqb.fsc);
        expect(atqb.fwtMs).toBeLessThanOrEqual(FWT_MAX_MS);
      }),
      { runs: 2000 },
    );
  });

  it('reads any answer to ATTRIB or refuses an empty one', () => {
    checkTarget(
      'answer to ATTRIB (ISO 14443-3 §7.11)',
      fc.property(fc.uint8Array({ maxLength: 20 }), (bytes) => {
        const answer = valueOrTypedError(() => parseAttribResponse(bytes), [MalformedDataError]);
        if (answer) expect(answer.mbli).toBeLessThan(16);
      }),
      { runs: 1000 },
    );
  });
});

/** Blocks a card sends: I-blocks (chained or not), R(ACK), S(WTX), S(DESELECT), with and without CID. */
const BLOCKS = ['02 90 00', '13 01 02 03', 'A3', 'A2', 'F2 01', 'F2 3B', 'C2', '0A 00 90 00', 'FA 00 02', 'B2'].map(fromHex);

describe('ISO-DEP blocks (ISO/IEC 14443-4 §7.1)', () => {
  it('decodes a block or refuses it with MalformedDataError; I- and R-blocks without CID or NAD encode back', () => {
    checkTarget(
      'ISO-DEP block (ISO 14443-4 §7.1)',
      fc.property(fuzzBytes(BLOCKS, { maxLength: 260 }), (bytes) => {
        const block = valueOrTypedError(() => decodeIsoDepBlock(bytes), [MalformedDataError]);
        if (!block || block.kind === 'S' || (bytes[0]! & 0x0c) !== 0) return;
        expect(encodeIsoDepBlock(block)).toEqual(bytes);
      }),
      { runs: 2000 },
    );
  });
});

/** What the field brings back: valid blocks, mutated ones, silence and damaged frames. */
const fieldAnswer: fc.Arbitrary<FrameOutcome> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...BLOCKS).map((bytes) => ({ kind: 'frame' as const, bytes })) },
  { weight: 3, arbitrary: mutatedBytes(BLOCKS, 2).map((bytes) => ({ kind: 'frame' as const, bytes })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'timeout' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'error' as const }) },
);

/** More frames than ISO_DEP_MAX_ROUNDS: a protocol still sending past it does not stop. */
const HANG = ISO_DEP_MAX_ROUNDS + 10;

describe('ISO-DEP protocol against a card that answers anything (ISO/IEC 14443-4 §7.5)', () => {
  it('returns a response or throws a TransportError, within the round cap', async () => {
    await checkTargetAsync(
      'ISO-DEP protocol (ISO 14443-4 §7.5)',
      fc.asyncProperty(fc.array(fieldAnswer, { minLength: 1, maxLength: 30 }), fc.boolean(), fc.uint8Array({ minLength: 4, maxLength: 300 }), async (script, repeat, apdu) => {
        let sent = 0;
        const protocol = new IsoDepProtocol(
          async () => {
            if (++sent > HANG) throw new Error(`still sending after ${HANG} frames: the protocol does not stop`);
            const index = sent - 1;
            return repeat ? script[index % script.length]! : (script[index] ?? { kind: 'timeout' });
          },
          { fsc: 32, fsd: 256, fwtMs: 1 },
        );
        const response = await valueOrTypedErrorAsync(() => protocol.transmit(apdu), [TransportError]);
        if (response) expect(response.length).toBeLessThanOrEqual(65538);
        await valueOrTypedErrorAsync(() => protocol.isPresent(), [TransportError]);
      }),
      { runs: 300 },
    );
  });
});

describe('Type B activation against a field that answers anything (ISO/IEC 14443-3 §7)', () => {
  it('activates, finds no card or throws a TransportError, and stops', async () => {
    const answers = fc.oneof(
      { weight: 3, arbitrary: fuzzBytes([...ATQBS, fromHex('00'), fromHex('10')], { maxLength: 20 }).map((bytes) => ({ kind: 'frame' as const, bytes })) },
      { weight: 1, arbitrary: fc.constant({ kind: 'timeout' as const }) },
    );
    await checkTargetAsync(
      'Type B activation (ISO 14443-3 §7)',
      fc.asyncProperty(fc.array(answers, { minLength: 1, maxLength: 12 }), fc.boolean(), async (script, rates) => {
        let sent = 0;
        const exchange = async (): Promise<FrameOutcome> => {
          if (++sent > 200) throw new Error('activation does not stop');
          return script[(sent - 1) % script.length]!;
        };
        const bitRates = rates ? { rates: [212, 424], set: async () => undefined, resetField: async () => undefined } : undefined;
        const activation = await valueOrTypedErrorAsync(() => activateTypeB(exchange, { attempts: 3, intervalMs: 0, fsdi: 8, ...(bitRates ? { bitRates } : {}) }), [TransportError]);
        if (activation) expect(activation.atqb.iso14443_4).toBe(true);
      }),
      // Each case waits out its poll intervals on real timers: a quarter of FUZZ_RUNS under `npm run fuzz`.
      { runs: 300, fuzzScale: 0.25 },
    );
  });
});

/** RC-S300 transparent-session replies (the ESP32 probe tests, nfc-rcs300-readidm): accepted, an exchange, no card, a switch. */
const SESSION_REPLIES = [
  'C0 03 00 90 00 90 00',
  'C0 03 00 90 00 92 01 00 96 02 00 00 97 03 02 90 00 90 00',
  'C0 03 02 64 01 90 00',
  'C0 03 00 90 00 8F 01 08 90 00',
  '5F 46 04 A0 86 01 00 C0 03 00 90 00 97 81 02 AA BB 90 00',
].map(fromHex);

describe('RC-S300 transparent-session replies (PC/SC Part 3 Supplement objects)', () => {
  it('decodes the objects or refuses them with MalformedDataError; every object lies inside the reply', () => {
    checkTarget(
      'RC-S300 session response',
      fc.property(fuzzBytes(SESSION_REPLIES, { maxLength: 300 }), (bytes) => {
        const response = valueOrTypedError(() => decodeSessionResponse(bytes), [MalformedDataError]);
        if (!response) return;
        const total = response.objects.reduce((n, o) => n + o.value.length, 0);
        expect(total).toBeLessThanOrEqual(bytes.length);
      }),
      { runs: 2000 },
    );
  });

  it('turns any reply to a Transparent Exchange into a frame, a timeout, a damaged frame or a TransportError', async () => {
    await checkTargetAsync(
      'RC-S300 Transparent Exchange',
      fc.asyncProperty(fuzzBytes(SESSION_REPLIES, { maxLength: 300 }), async (reply) => {
        // The escape link, reduced to what the session asks of it: one reply per command.
        const link = { command: async () => reply, watch: () => undefined } as unknown as EscapeLink;
        const session = new TransparentSession(link, 10);
        const outcome = await valueOrTypedErrorAsync(() => session.transceive(fromHex('02 00 A4 04 00'), 5), [TransportError]);
        if (outcome?.kind === 'frame') expect(outcome.bytes.length).toBeGreaterThan(0);
      }),
      { runs: 1000 },
    );
  });
});
