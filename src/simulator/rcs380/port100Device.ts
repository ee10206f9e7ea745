/**
 * The chip's side of the Port-100 host link, written apart from the host's codec
 * (src/usb/port100) so the two cannot share a mistake. Layout facts: nfcpy rcs380.py `Frame`,
 * Linux drivers/nfc/port100.c `struct port100_frame`: 00 00 FF, then FF FF LEN-lo LEN-hi LCS for
 * an extended frame, the data, DCS, 00; ACK is 00 00 FF 00 FF 00. Sums (LEN bytes + LCS, data
 * + DCS) are 0 modulo 256.
 */

/** ACK frame, as the chip sends it for every command it accepted. */
export const ACK = [0, 0, 255, 0, 255, 0] as const;

/** What the chip found at the head of the bytes the host wrote. */
export type HostWrite =
  | { readonly type: 'incomplete' }
  | { readonly type: 'ack'; readonly size: number }
  | { readonly type: 'command'; readonly size: number; readonly body: number[] }
  /** Not a frame the chip can read; `size` bytes are thrown away. */
  | { readonly type: 'garbage'; readonly size: number };

/** Reads one host frame from the start of `bytes`. */
export function readHostWrite(bytes: readonly number[]): HostWrite {
  if (bytes.length < 6) return { type: 'incomplete' };
  if (bytes[0] !== 0 || bytes[1] !== 0 || bytes[2] !== 255) return { type: 'garbage', size: 1 };
  if (bytes[3] === 0 && bytes[4] === 255) return { type: 'ack', size: 6 };
  if (bytes[3] !== 255 || bytes[4] !== 255) return { type: 'garbage', size: 3 };
  if (bytes.length < 8) return { type: 'incomplete' };
  const len = bytes[5]! + 256 * bytes[6]!;
  if ((bytes[5]! + bytes[6]! + bytes[7]!) % 256 !== 0) return { type: 'garbage', size: 8 };
  const size = 8 + len + 2;
  if (bytes.length < size) return { type: 'incomplete' };
  const body = bytes.slice(8, 8 + len);
  const sum = body.reduce((a, b) => a + b, 0) + bytes[8 + len]!;
  if (sum % 256 !== 0 || bytes[size - 1] !== 0) return { type: 'garbage', size };
  return { type: 'command', size, body };
}

/** Wraps a response body (D7 ...) in an extended frame. */
export function responseFrame(body: readonly number[]): number[] {
  const lo = body.length % 256;
  const hi = Math.floor(body.length / 256);
  const lcs = (512 - lo - hi) % 256;
  const dcs = (256 - (body.reduce((a, b) => a + b, 0) % 256)) % 256;
  return [0, 0, 255, 255, 255, lo, hi, lcs, ...body, dcs, 0];
}
