import { concatBytes, MalformedDataError } from '../../bytes';
import { CCID_HEADER_LENGTH } from './messages';
import { parametersStructureLength, RdrToPc } from './replies';

const SOURCE = 'CCID bulk-IN stream';

/**
 * CCID 1.1 §6.2 with USB 2.0 §5.8.3: a reply longer than the bulk-IN packet size arrives as several
 * transfers; dwLength in the first one says how many bytes make the whole message. Feed each
 * `transferIn` result to `push`; it returns every message completed so far. A header announcing
 * more than dwMaxCCIDMessageLength is refused at once rather than waited for.
 */
export class BulkInAssembler {
  private buffer: Uint8Array = new Uint8Array(0);
  /** Absolute offset of `buffer[0]` in the stream, so errors point at the byte in the session. */
  private streamOffset = 0;

  constructor(
    /** dwMaxCCIDMessageLength from the class descriptor (CCID 1.1 §5.1), header included. */
    private readonly maxMessageLength: number,
  ) {}

  /** True while part of a message is waiting for more packets. */
  get pending(): boolean {
    return this.buffer.length > 0;
  }

  push(chunk: Uint8Array): Uint8Array[] {
    this.buffer = concatBytes(this.buffer, chunk);
    const out: Uint8Array[] = [];
    while (this.buffer.length >= CCID_HEADER_LENGTH) {
      const b = this.buffer;
      const dataLength = (b[1]! | (b[2]! << 8) | (b[3]! << 16) | (b[4]! << 24)) >>> 0;
      let total = CCID_HEADER_LENGTH + dataLength;
      // QEMU 7.2 declares 0 bytes in a Parameters reply and sends the structure anyway (replies.ts
      // `isQemuParametersReply`): when exactly that structure came with it, it belongs to it.
      const qemuStructure = b[0] === RdrToPc.Parameters && dataLength === 0 ? parametersStructureLength(b[9] ?? 0xff) : null;
      if (qemuStructure !== null && b.length === CCID_HEADER_LENGTH + qemuStructure) total = b.length;
      if (total > this.maxMessageLength) {
        const offset = this.streamOffset + 1;
        this.reset();
        throw new MalformedDataError(SOURCE, offset, `dwLength ${dataLength} exceeds dwMaxCCIDMessageLength ${this.maxMessageLength}`);
      }
      if (b.length < total) break;
      out.push(b.slice(0, total));
      this.buffer = b.slice(total);
      this.streamOffset += total;
    }
    return out;
  }

  /** Drops a partial message, e.g. after an abort (CCID 1.1 §5.3.1) or a stall cleared with clearHalt. */
  reset(): void {
    this.streamOffset += this.buffer.length;
    this.buffer = new Uint8Array(0);
  }
}
