/**
 * Base64 (RFC 4648 §4) and base64url (§5), the one implementation in the app. Written by hand
 * rather than with `atob`/`btoa` (which detour through a binary string) or Node's `Buffer` (absent
 * in browsers and workers): certificates cross the worker boundary as base64, PEM wraps it, the
 * simulator's committed cards hold it, and JWK members are base64url.
 */

const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const valuesOf = (alphabet: string): ReadonlyMap<string, number> => new Map([...alphabet].map((c, i) => [c, i]));
const STANDARD_VALUES = valuesOf(STANDARD);
const URL_SAFE_VALUES = valuesOf(URL_SAFE);

function encode(bytes: Uint8Array, alphabet: string, pad: boolean): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i;
    const group = (bytes[i]! << 16) | ((rest > 1 ? bytes[i + 1]! : 0) << 8) | (rest > 2 ? bytes[i + 2]! : 0);
    const chars = rest >= 3 ? 4 : rest + 1;
    for (let j = 0; j < chars; j++) out += alphabet[(group >> (18 - 6 * j)) & 0x3f];
    if (pad) out += '='.repeat(4 - chars);
  }
  return out;
}

/** Decodes unpadded symbols; throws `SyntaxError` naming the first bad character or a bad length. */
function decode(symbols: string, values: ReadonlyMap<string, number>, offset: number): Uint8Array<ArrayBuffer> {
  if (symbols.length % 4 === 1) throw new SyntaxError(`base64 length ${symbols.length} leaves a lone character`);
  const out = new Uint8Array(Math.floor((symbols.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let written = 0;
  for (let i = 0; i < symbols.length; i++) {
    const value = values.get(symbols[i]!);
    if (value === undefined) throw new SyntaxError(`bad base64 character "${symbols[i]}" at position ${offset + i}`);
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[written++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

/** Bytes to standard base64 with `=` padding (RFC 4648 §4). */
export function toBase64(bytes: Uint8Array): string {
  return encode(bytes, STANDARD, true);
}

/** Standard base64 with its padding (RFC 4648 §4) to bytes; throws `SyntaxError` on a bad length, character or padding. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  if (text.length % 4 !== 0) throw new SyntaxError(`base64 length ${text.length} is not a multiple of 4`);
  const symbols = text.replace(/={1,2}$/, '');
  if (text.length - symbols.length > 0 && symbols.length % 4 < 2) throw new SyntaxError('misplaced base64 padding');
  return decode(symbols, STANDARD_VALUES, 0);
}

/** Bytes to base64url without padding (RFC 4648 §5), as JWK members are written. */
export function toBase64Url(bytes: Uint8Array): string {
  return encode(bytes, URL_SAFE, false);
}

/** base64url (RFC 4648 §5), padding optional, to bytes; throws `SyntaxError` on a bad character or length. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  return decode(text.replace(/={1,2}$/, ''), URL_SAFE_VALUES, 0);
}
