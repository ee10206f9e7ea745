import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApduChannel, MAX_GET_RESPONSE_ROUNDS, MAX_RESPONSE_DATA_BYTES, StatusWordError, parseCommand } from '../apdu';
import { MalformedDataError, asciiBytes, asciiString, fromHex, toHex } from '../bytes';
import { TransportError } from '../transport';
import type { TranscriptCard } from '../transport/TranscriptCard';
import { checkTargetAsync, fuzzBytes, valueOrTypedError, valueOrTypedErrorAsync } from '../testing/fuzz';
import { EngineFailure } from '../protocol';
import { openTranscriptCard, openTranscriptSource } from './transcriptFile';
import { MAX_LINE_CHARS, MAX_RESPONSE_BYTES, MAX_TRANSCRIPT_BYTES } from './transcriptLimits';

/**
 * Fuzz tests of the one parser that reads a file the person chooses, from a few bytes up to every cap of transcriptLimits.ts: "Open a transcript"
 * (architecture: transport/ transcript format). Any text must open as a replayed card or fail
 * with `transcript/invalid` naming the line, and a card that opened must answer any command with
 * a response APDU (or a TransportError), never throw anything else.
 */

/** An exported session in miniature: the header, a redacted VERIFY, a read, a failure comment. */
const EXPORTED = `# MynaLens APDU transcript (PIN bytes redacted as **)
# app: MynaLens
# date: 2026-11-02T10:00:00.000Z
# transport: simulator
# atr: 3B E0 00 FF 81 31 FE 45 14
# extended-length: true
=> 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01
<= 90 00
=> 00 A4 02 0C 02 00 18
<= 90 00
=> 00 20 00 80
<= 63 C3
=> 00 20 00 80 04 ** ** ** **
<= 90 00
=> 00 B0 00 00 00 00 03
<= 8F 8F 00 90 00
# seq 6 failed in transit: transport/card-removed
`;

const SEEDS = [EXPORTED, EXPORTED.replace(/^# .*\n/gm, ''), '=> 00 A4 04 0C 02 AA BB\r\n<= 6A 82\r\n'].map((text) => asciiBytes(text));

describe('Open a transcript: any file opens or fails with transcript/invalid', () => {
  it('opens or refuses, and an opened card answers any command', async () => {
    await checkTargetAsync(
      'transcript file (Open a transcript)',
      fc.asyncProperty(fuzzBytes(SEEDS, { maxLength: 400 }), fc.uint8Array({ minLength: 4, maxLength: 40 }), async (bytes, command) => {
        // Latin-1 keeps every byte a character, so mutations stay mutations of the text.
        const text = asciiString(bytes);
        const card = valueOrTypedError(() => openTranscriptCard(text), [EngineFailure]);
        if (card === null) return;
        expect(card.size).toBeGreaterThan(0);
        const response = await valueOrTypedErrorAsync(() => card.transmit(command), [TransportError]);
        if (response) expect(response.length).toBeGreaterThanOrEqual(2);
      }),
      { runs: 800 },
    );
  });

  it('names the line of the first bad line', () => {
    expect(() => openTranscriptCard('=> 00 A4 04 0C\n<= 9G 00\n')).toThrow(
      expect.objectContaining({ code: 'transcript/invalid', details: { file: 'transcript', line: 2 } }),
    );
  });
});

/** Every code a transcript file can be refused with (worker/transcriptLimits.ts and the parser). */
const REFUSALS = ['transcript/invalid', 'transcript/too-large', 'transcript/line-too-long', 'transcript/response-too-long', 'transcript/chain-too-long'];

/** Commands a hostile file answers: the ones the engine sends first, GET RESPONSE, and anything. */
const command = fc.oneof(
  fc.constantFrom('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01', '00 A4 02 0C 02 00 0A', '00 B0 00 00 00 00 00', '00 C0 00 00 00', '00 C0 00 00 10'),
  fc.uint8Array({ minLength: 4, maxLength: 12 }).map((bytes) => toHex(bytes)),
);
/** Response data lengths around every cap, and small ones. */
const dataLength = fc.oneof(
  fc.nat(300),
  fc.integer({ min: MAX_RESPONSE_DATA_BYTES - 2, max: MAX_RESPONSE_BYTES }),
  fc.integer({ min: 0, max: MAX_RESPONSE_BYTES }),
);
const statusWord = fc.oneof(fc.constantFrom('90 00', '61 00', '6A 82', '6C 10'), fc.integer({ min: 0x6100, max: 0x61ff }).map((sw) => toHex(Uint8Array.of(sw >> 8, sw & 0xff))));
const exchange = fc.tuple(command, dataLength, statusWord).map(([cmd, n, sw]) => `=> ${cmd}\n<= ${'5A '.repeat(n)}${sw}\n`);
/** A comment line of up to one character past the line cap. */
const longComment = fc.integer({ min: 0, max: MAX_LINE_CHARS + 1 }).map((n) => `${'#'.repeat(n)}\n`);
const hostileFile = fc.array(fc.oneof({ weight: 4, arbitrary: exchange }, { weight: 1, arbitrary: longComment }), { minLength: 1, maxLength: 14 }).map((parts) => parts.join(''));

/** Drives a replayed card through the client's own channel, counting what it sends. */
async function driveThroughChannel(card: TranscriptCard, commandHex: string) {
  let transmits = 0;
  const channel = new ApduChannel({
    extendedLength: card.extendedLength,
    transmit: (bytes) => {
      transmits++;
      return card.transmit(bytes);
    },
  });
  const parsed = valueOrTypedError(() => parseCommand(fromHex(commandHex)), [MalformedDataError]);
  if (!parsed) return { transmits, data: null };
  const response = await valueOrTypedErrorAsync(() => channel.exchange(parsed.command), [StatusWordError, TransportError, MalformedDataError]);
  return { transmits, data: response?.data ?? null };
}

describe('Open a transcript: hostile files up to the caps', () => {
  it('every file opens or is refused with a transcript code, and no replayed chain runs past the caps', async () => {
    await checkTargetAsync(
      'hostile transcript file up to the caps',
      fc.asyncProperty(hostileFile, command, async (text, cmd) => {
        const card = await openTranscriptSource({ file: new Blob([text]), fileName: 'hostile.txt' }).catch((error: unknown) => {
          expect(error).toBeInstanceOf(EngineFailure);
          expect(REFUSALS).toContain((error as EngineFailure).code);
          return null;
        });
        if (new Blob([text]).size > MAX_TRANSCRIPT_BYTES) expect(card).toBeNull();
        if (!card) return;
        const { transmits, data } = await driveThroughChannel(card, cmd);
        // The command, a 6Cxx re-issue, and at most the capped GET RESPONSE rounds: never a loop.
        expect(transmits).toBeLessThanOrEqual(2 + MAX_GET_RESPONSE_ROUNDS);
        if (data) expect(data.length).toBeLessThanOrEqual(MAX_RESPONSE_DATA_BYTES);
      }),
      { runs: 100, fuzzScale: 0.1 },
    );
    // Files up to the 2 MB cap, 100 of them: a generous hang guard, not a speed target — on a
    // machine shared with other work the default 20 s ran out once.
  }, 180_000);
});
