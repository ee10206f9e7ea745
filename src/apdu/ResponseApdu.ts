import { MalformedDataError, concatBytes } from '../bytes';

/** A response APDU (ISO/IEC 7816-4 §5.1): response data then the two status bytes. */
export interface ResponseApdu {
  readonly data: Uint8Array;
  /** SW1 SW2 as one 16-bit number, e.g. 0x9000. */
  readonly sw: number;
}

/** Splits the bytes a transport returned into data and status word. */
export function parseResponse(bytes: Uint8Array): ResponseApdu {
  if (bytes.length < 2) {
    throw new MalformedDataError('response APDU', bytes.length, `a response needs 2 status bytes, got ${bytes.length}`);
  }
  const n = bytes.length;
  return { data: bytes.subarray(0, n - 2), sw: (bytes[n - 2]! << 8) | bytes[n - 1]! };
}

/** Encodes data and status word as a card sends them. */
export function encodeResponse(data: Uint8Array, sw: number): Uint8Array {
  return concatBytes(data, Uint8Array.of((sw >> 8) & 0xff, sw & 0xff));
}

/** SW1 of a status word. */
export function sw1(sw: number): number {
  return (sw >> 8) & 0xff;
}

/** SW2 of a status word. */
export function sw2(sw: number): number {
  return sw & 0xff;
}
