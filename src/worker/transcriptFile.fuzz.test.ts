import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiBytes, asciiString } from '../bytes';
import { TransportError } from '../transport';
import { checkTargetAsync, fuzzBytes, valueOrTypedError, valueOrTypedErrorAsync } from '../testing/fuzz';
import { EngineFailure } from './engineErrors';
import { openTranscriptCard } from './transcriptFile';

/**
 * Fuzz tests of the one parser that reads a file the person chooses: "Open a transcript"
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
    expect(() => openTranscriptCard('=> 00 A4 04 0C\n<= 9G 00\n')).toThrow(expect.objectContaining({ code: 'transcript/invalid', details: { line: 2 } }));
  });
});
