/**
 * The wire format of vsmartcard's virtual reader driver `vpcd` (docs/test-rigs.md §A.2), as pure
 * functions on bytes. vpcd is a pcscd reader driver that listens on TCP; a virtual card connects
 * to it and then answers whatever the reader sends:
 *
 * - every message, both ways, is a 2-byte big-endian length followed by that many bytes;
 * - a 1-byte message from the reader is a control code: power off, power on, reset, get ATR
 *   (only get ATR is answered: with the ATR as an ordinary message);
 * - any other message from the reader is a C-APDU, answered with the R-APDU.
 *
 * No I/O here: `VpcdBridge` moves the bytes.
 */

import { concatBytes } from '../../bytes';

/** The TCP port of the first vpcd reader (`Virtual PCD 00 00`) in Debian's `/etc/reader.conf.d/vpcd` (0x8C7B). */
export const VPCD_DEFAULT_PORT = 35963;

/** The length prefix is 16 bits, so no payload can be longer than this. */
const VPCD_MAX_PAYLOAD = 0xffff;

/** The 1-byte control codes a reader sends to the card (docs/test-rigs.md §A.2). */
const VpcdControl = {
  PowerOff: 0x00,
  PowerOn: 0x01,
  Reset: 0x02,
  GetAtr: 0x04,
} as const;

/** One message from the reader, classified. */
export type VpcdReaderMessage =
  | { readonly kind: 'power-off' }
  | { readonly kind: 'power-on' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'get-atr' }
  | { readonly kind: 'apdu'; readonly apdu: Uint8Array }
  /** A control byte vpcd does not define, or an empty message: a card ignores it. */
  | { readonly kind: 'unknown'; readonly payload: Uint8Array };

/** The peer broke the framing rules; the connection cannot be trusted any more. */
export class VpcdProtocolError extends Error {
  override readonly name = 'VpcdProtocolError';
}

/** Frames one payload: 2-byte big-endian length, then the bytes. Throws `RangeError` above 65535 bytes. */
export function encodeVpcdMessage(payload: Uint8Array): Uint8Array {
  if (payload.length > VPCD_MAX_PAYLOAD) {
    throw new RangeError(`vpcd payload of ${payload.length} bytes does not fit a 16-bit length`);
  }
  const out = new Uint8Array(2 + payload.length);
  out[0] = payload.length >> 8;
  out[1] = payload.length & 0xff;
  out.set(payload, 2);
  return out;
}

/** Tells a control code from a C-APDU by length, as vpcd does. */
export function classifyReaderMessage(payload: Uint8Array): VpcdReaderMessage {
  if (payload.length !== 1) {
    return payload.length === 0 ? { kind: 'unknown', payload } : { kind: 'apdu', apdu: payload };
  }
  switch (payload[0]) {
    case VpcdControl.PowerOff:
      return { kind: 'power-off' };
    case VpcdControl.PowerOn:
      return { kind: 'power-on' };
    case VpcdControl.Reset:
      return { kind: 'reset' };
    case VpcdControl.GetAtr:
      return { kind: 'get-atr' };
    default:
      return { kind: 'unknown', payload };
  }
}

/**
 * Reassembles length-prefixed messages from a TCP byte stream, where one chunk may hold part of
 * a message, several messages, or both. A declared length above `maxPayload` throws
 * `VpcdProtocolError` at once, so a confused or hostile peer cannot make us buffer without end.
 */
export class VpcdMessageDecoder {
  private buffer: Uint8Array = new Uint8Array(0);

  constructor(private readonly maxPayload: number = VPCD_MAX_PAYLOAD) {
    if (!Number.isInteger(maxPayload) || maxPayload < 1 || maxPayload > VPCD_MAX_PAYLOAD) {
      throw new RangeError(`maxPayload must be 1…${VPCD_MAX_PAYLOAD}, got ${maxPayload}`);
    }
  }

  /** Bytes received that do not yet form a whole message. */
  get pendingBytes(): number {
    return this.buffer.length;
  }

  /** Adds a chunk and returns every message it completes, in order (copies, not views). */
  push(chunk: Uint8Array): Uint8Array[] {
    // `new Uint8Array(chunk)` copies; `slice()` on a Node Buffer would only make a view.
    this.buffer = this.buffer.length === 0 ? new Uint8Array(chunk) : concatBytes(this.buffer, chunk);
    const messages: Uint8Array[] = [];
    let offset = 0;
    while (this.buffer.length - offset >= 2) {
      const length = (this.buffer[offset]! << 8) | this.buffer[offset + 1]!;
      if (length > this.maxPayload) {
        this.buffer = new Uint8Array(0);
        throw new VpcdProtocolError(`vpcd message declares ${length} bytes, more than the ${this.maxPayload} allowed`);
      }
      if (this.buffer.length - offset - 2 < length) break;
      messages.push(this.buffer.slice(offset + 2, offset + 2 + length));
      offset += 2 + length;
    }
    this.buffer = this.buffer.slice(offset);
    return messages;
  }

  /** Drops a half-received message, e.g. when the connection is replaced. */
  reset(): void {
    this.buffer = new Uint8Array(0);
  }
}
