import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes';
import { parseTranscript, type ApduLogEntry } from '../transport';
import { myNumberAndBasicFour, redactedVerify } from '../vectors/text.vectors';
import { cardFaceAfterPinA, myNumberImageAfterPinA } from '../vectors/visual.vectors';
import { MyNumberInLog } from './myNumberInLog';

/** The vector's exchanges as the logger reports them, each with the spans the tracker gives its response data. */
function track(transcript: string): { command: string; data: string; spans: { start: number; end: number }[] }[] {
  const tracker = new MyNumberInLog();
  return parseTranscript(transcript).map((exchange, i) => {
    const entry: ApduLogEntry = { seq: i + 1, command: exchange.command, sensitive: false, response: exchange.response, elapsedMs: 0 };
    const spans = tracker.spansOf(entry);
    return {
      command: exchange.command.map((b) => (b === null ? '**' : b.toString(16).toUpperCase().padStart(2, '0'))).join(' '),
      data: toHex(exchange.response.subarray(0, -2)),
      spans,
    };
  });
}

const masked = (rows: ReturnType<typeof track>) => rows.filter((r) => r.spans.length > 0);

describe('MyNumberInLog over the hand-written vectors (docs/card-reference.md §13.6, §13.7, §17)', () => {
  it('text AP: only the READ of EF 0001, and in it only the 12 digits', () => {
    const rows = track(myNumberAndBasicFour.transcript);
    expect(masked(rows)).toEqual([
      { command: '00 B0 00 00 11', data: 'FF 10 0C 31 32 33 34 35 36 37 38 39 30 31 38 FF FF', spans: [{ start: 3, end: 15 }] },
    ]);
  });

  it('a replayed transcript with the PIN redacted is followed the same way', () => {
    expect(masked(track(redactedVerify.transcript)).map((r) => r.spans)).toEqual([[{ start: 3, end: 15 }]]);
  });

  it('visual AP EF 0005 read in chunks: the PNG and the signature in each chunk, the header and card key left', () => {
    const rows = masked(track(myNumberImageAfterPinA.transcript));
    // Header FF 40 82 02 B8 (offset 0), then 5..0x100, 0x100..0x200, 0x200..0x2BD (§3).
    // DF41's PNG sits at file offsets 10..170, DF42 (the card key) at 170..445, DF43 at 445..701.
    expect(rows.map((r) => r.command)).toEqual(['00 B0 00 05 FB', '00 B0 01 00 00', '00 B0 02 00 BD']);
    expect(rows[0]!.spans).toEqual([{ start: 5, end: 165 }]);
    expect(rows[0]!.data.split(' ').slice(5, 9).join(' ')).toBe('89 50 4E 47');
    expect(rows[1]!.spans).toEqual([{ start: 445 - 0x100, end: 0x100 }]);
    expect(rows[2]!.spans).toEqual([{ start: 0, end: 0xbd }]);
  });

  it('the card face (no My Number) is left alone', () => {
    expect(masked(track(cardFaceAfterPinA.transcript))).toEqual([]);
  });

  it('follows GET RESPONSE after 61xx as the rest of the READ (§2)', () => {
    const rows = track(`
=> 00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08
<= 90 00
=> 00 A4 02 0C 02 00 01
<= 90 00
=> 00 B0 00 00 11
<= FF 10 0C 31 32 33 34 61 0A
=> 00 C0 00 00 0A
<= 35 36 37 38 39 30 31 38 FF FF 90 00`);
    expect(rows[2]!.spans).toEqual([{ start: 3, end: 7 }]);
    expect(rows[3]!.spans).toEqual([{ start: 0, end: 8 }]);
  });

  it('reads EF 0001 by short EF identifier too (`00 B0 81 00`, §2)', () => {
    const rows = track(`
=> 00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08
<= 90 00
=> 00 B0 81 00 11
<= FF 10 0C 31 32 33 34 35 36 37 38 39 30 31 38 FF FF 90 00`);
    expect(rows[1]!.spans).toEqual([{ start: 3, end: 15 }]);
  });

  it('a READ that starts past what was read hides all of a bearer file', () => {
    const rows = track(`
=> 00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 02
<= 90 00
=> 00 A4 02 0C 02 00 05
<= 90 00
=> 00 B0 01 00 04
<= 01 02 03 04 90 00`);
    expect(rows[2]!.spans).toEqual([{ start: 0, end: 4 }]);
  });

  it('EF 0001 of another applet is not the My Number; a failed SELECT changes nothing', () => {
    const rows = track(`
=> 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01
<= 90 00
=> 00 A4 02 0C 02 00 01
<= 90 00
=> 00 B0 00 00 04
<= 30 82 05 14 90 00
=> 00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08
<= 90 00
=> 00 A4 02 0C 02 00 01
<= 90 00
=> 00 A4 02 0C 02 00 09
<= 6A 82
=> 00 B0 00 00 11
<= FF 10 0C 31 32 33 34 35 36 37 38 39 30 31 38 FF FF 90 00`);
    expect(rows[2]!.spans).toEqual([]);
    expect(rows[6]!.spans).toEqual([{ start: 3, end: 15 }]);
  });

  it('a new connection starts from nothing selected', () => {
    const tracker = new MyNumberInLog();
    const read = fromHex('FF 10 0C 31 32 33 34 35 36 37 38 39 30 31 38 FF FF 90 00');
    const entry: ApduLogEntry = { seq: 1, command: [0x00, 0xb0, 0x00, 0x00, 0x11], sensitive: false, response: read, elapsedMs: 0 };
    expect(tracker.spansOf(entry)).toEqual([]);
  });
});
