import { bytesEqual, concatBytes } from '../bytes';
import { parseCommand, parseResponse } from '../apdu';
import type { ApduLogEntry } from '../transport';
import { APPLETS, type AppletId } from '../cards/mynumber/identifiers';
import { myNumberBearer, myNumberSpans, spansWithin, type ByteSpan } from '../cards/mynumber/myNumberBytes';

const SELECT = 0xa4;
const READ_BINARY = 0xb0;
const GET_RESPONSE = 0xc0;

/**
 * Follows the APDU log as the card would (docs/card-reference.md §2, §3, §5) — which applet and EF
 * are selected, which bytes of the EF each READ BINARY returned — so that the response bytes that
 * carry the My Number (docs/card-reference.md §17) can be marked for the UI to hide until Reveal.
 * One per connection: a new card or a power cycle starts with nothing selected.
 */
export class MyNumberInLog {
  private applet: AppletId | null = null;
  private fileId: number | null = null;
  /** The current EF's bytes as read so far, from offset 0 without gaps. */
  private fileBytes: Uint8Array = new Uint8Array(0);
  /** Where a READ that answered 61xx left off, so its GET RESPONSE data lands after it (§2). */
  private pendingReadEnd: number | null = null;

  /** The spans of this entry's response data (status word excluded) that carry the My Number. Call once per entry, in order. */
  spansOf(entry: ApduLogEntry): ByteSpan[] {
    const [, ins, p1 = 0, p2 = 0] = entry.command;
    const pendingReadEnd = this.pendingReadEnd;
    this.pendingReadEnd = null;
    if (!entry.response || entry.response.length < 2) return [];
    const { data, sw } = parseResponse(entry.response);
    const ok = sw === 0x9000 || sw >> 8 === 0x61 || sw === 0x6282;
    if (ins === SELECT) {
      if (ok && p1 !== null) this.select(entry.command, p1);
      return [];
    }
    let offset: number;
    if (ins === READ_BINARY && p1 !== null && p2 !== null) {
      // P1 bit 8: the short EF identifier selects the EF as it reads (docs/card-reference.md §2).
      if (p1 & 0x80 && (p1 & 0x1f) !== this.fileId) this.selectEf(p1 & 0x1f);
      offset = p1 & 0x80 ? p2 : ((p1 << 8) | p2) & 0x7fff;
    } else if (ins === GET_RESPONSE && pendingReadEnd !== null) {
      offset = pendingReadEnd;
    } else {
      return [];
    }
    if (sw >> 8 === 0x61) this.pendingReadEnd = offset + data.length;
    if (!ok || data.length === 0) return [];
    return this.readAt(offset, data);
  }

  private readAt(offset: number, data: Uint8Array): ByteSpan[] {
    const bearer = this.applet && this.fileId !== null ? myNumberBearer(this.applet, this.fileId) : undefined;
    if (offset > this.fileBytes.length) {
      // A gap: the bytes before this READ are unknown, so its meaning is too. Hide all of it if the file is a bearer.
      return bearer ? [{ start: 0, end: data.length }] : [];
    }
    this.fileBytes = concatBytes(this.fileBytes.subarray(0, offset), data);
    if (!bearer) return [];
    return spansWithin(myNumberSpans(bearer, this.fileBytes), offset, data.length);
  }

  private select(command: readonly (number | null)[], p1: number): void {
    let data: Uint8Array;
    try {
      data = parseCommand(Uint8Array.from(command.map((b) => b ?? 0))).command.data;
    } catch {
      data = new Uint8Array(0);
    }
    if (p1 === 0x04) {
      const found = (Object.keys(APPLETS) as AppletId[]).find((id) => bytesEqual(APPLETS[id].aid, data));
      this.applet = found ?? null;
      this.selectEf(null);
    } else if (p1 === 0x02 && data.length === 2) {
      this.selectEf((data[0]! << 8) | data[1]!);
    } else {
      // MF, parent DF, path: none of the bearer EFs is reached this way by MynaLens; forget the place.
      this.applet = null;
      this.selectEf(null);
    }
  }

  private selectEf(fileId: number | null): void {
    this.fileId = fileId;
    this.fileBytes = new Uint8Array(0);
  }
}
