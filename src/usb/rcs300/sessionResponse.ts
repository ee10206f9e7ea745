import { ByteReader, MalformedDataError, toHex } from '../../bytes';
import { TransportError } from '../../transport';

/** PC/SC Part 3 Supplement response data-object tags (wsrf2009/contactless-driver `mod/src/pcsc.h` `RES_*`). */
export const ResponseTag = {
  genericErrorStatus: 0xc0,
  version: 0x80,
  switchProtocol: 0x8f,
  validBits: 0x92,
  responseStatus: 0x96,
  iccResponse: 0x97,
  /** Two-byte tag 5F 51: an ATR/ATS the reader made (Type A layer 4: docs/browser-platform.md §3.4). */
  atr: 0x5f51,
} as const;

export interface SessionObject {
  readonly tag: number;
  readonly value: Uint8Array;
}

/**
 * The body of an RDR_to_PC_Escape answer to a transparent-session command: data objects, then
 * SW1 SW2 of the pseudo-APDU itself. Seen on real RC-S300s: `C0 03 00 90 00 90 00` (accepted),
 * `C0 03 00 90 00 92 01 00 96 02 00 00 97 14 … 90 00` (a FeliCa exchange), `C0 03 02 64 01 90 00`
 * (nothing in the field) — the ESP32 probe tests and nfc-rcs300-readidm's polling response.
 */
export interface SessionResponse {
  /** C0 03: the 1-based number of the object that failed (0 if none) and its status word. */
  readonly status: { readonly objectNumber: number; readonly sw: number };
  readonly objects: readonly SessionObject[];
  readonly sw: number;
}

const SOURCE = 'RC-S300 session response';

/** BER-TLV (ISO/IEC 8825-1 §8.1.2–8.1.3): tags with low five bits 1F take a second byte (5F 46, 5F 51, FF 6D). */
export function decodeSessionResponse(data: Uint8Array, offset = 0): SessionResponse {
  if (data.length < 2) throw new MalformedDataError(SOURCE, offset, `needs at least SW1 SW2, got ${data.length} bytes`);
  const body = data.subarray(0, data.length - 2);
  const sw = (data[data.length - 2]! << 8) | data[data.length - 1]!;
  const r = new ByteReader(body, SOURCE, offset);
  const objects: SessionObject[] = [];
  while (r.remaining > 0) {
    let tag = r.u8();
    if ((tag & 0x1f) === 0x1f) tag = (tag << 8) | r.u8();
    let length = r.u8();
    if (length === 0x81) length = r.u8();
    else if (length === 0x82) length = r.u16();
    else if (length >= 0x80) throw new MalformedDataError(SOURCE, r.offset - 1, `BER length byte ${length.toString(16)} is not supported`);
    objects.push({ tag, value: r.bytesOf(length) });
  }
  const c0 = objects.find((o) => o.tag === ResponseTag.genericErrorStatus);
  if (!c0 || c0.value.length !== 3) throw new MalformedDataError(SOURCE, offset, 'no generic error status object C0 03');
  return { status: { objectNumber: c0.value[0]!, sw: (c0.value[1]! << 8) | c0.value[2]! }, objects, sw };
}

/** The value of the first object with `tag`, or null. */
export function objectValue(response: SessionResponse, tag: number): Uint8Array | null {
  return response.objects.find((o) => o.tag === tag)?.value ?? null;
}

/**
 * PC/SC Part 3 Supplement error status words in C0 (as wsrf2009 pcsc.c maps its error codes). The
 * RC-S300 answered 63 01 for RF on outside a session, 64 01 for "nothing in the field", 67 00 for a
 * one-byte switch object, 6A 81 for an unsupported value (ESP32 probe tests).
 */
const SESSION_STATUS_NAMES: Readonly<Record<number, string>> = {
  0x6282: 'warning (end of data reached early)',
  0x6300: 'no information',
  0x6301: 'execution stopped',
  0x6400: 'no response from the reader',
  0x6401: 'no response from the card',
  0x6700: 'wrong data object length',
  0x6a80: 'wrong data object value',
  0x6a81: 'data object not supported',
  0x6f00: 'no precise diagnosis',
};

/** A transparent-session command the reader refused (C0 status or the pseudo-APDU's SW not 90 00). */
export class SessionCommandError extends TransportError {
  constructor(
    readonly command: string,
    readonly objectNumber: number,
    readonly statusWord: number,
  ) {
    const name = SESSION_STATUS_NAMES[statusWord] ?? 'unknown status';
    super('transport/protocol', `the reader refused ${command}: ${hex16(statusWord)} ${name} (object ${objectNumber})`, {
      command,
      objectNumber,
      statusWord,
    });
  }
}

/** Throws `SessionCommandError` unless both the pseudo-APDU and every object succeeded. */
export function requireAccepted(command: string, response: SessionResponse): SessionResponse {
  if (response.sw !== 0x9000) throw new SessionCommandError(command, 0, response.sw);
  if (response.status.sw !== 0x9000) throw new SessionCommandError(command, response.status.objectNumber, response.status.sw);
  return response;
}

function hex16(word: number): string {
  return toHex(Uint8Array.of(word >> 8, word & 0xff)).replace(' ', '');
}
