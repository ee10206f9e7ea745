/**
 * Hex at the edges only: transcripts, logs and tests. Inside the app bytes are `Uint8Array`.
 */

const HEX_DIGITS = '0123456789ABCDEF';

/** Upper-case hex, bytes separated by `separator` (a space by default, as in APDU logs). */
export function toHex(bytes: Uint8Array, separator = ' '): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (i > 0) out += separator;
    out += HEX_DIGITS[b >> 4]! + HEX_DIGITS[b & 0x0f]!;
  }
  return out;
}

/**
 * Parses hex, ignoring white space, `:` and `_` between bytes (the forms found in specs,
 * OpenSC output and our transcripts). Throws `SyntaxError` naming the first bad character.
 */
export function fromHex(text: string): Uint8Array {
  const compact = text.replace(/[\s:_]/g, '');
  if (compact.length % 2 !== 0) {
    throw new SyntaxError(`hex has an odd number of digits (${compact.length})`);
  }
  const bad = compact.search(/[^0-9a-fA-F]/);
  if (bad >= 0) {
    throw new SyntaxError(`hex has a non-hex character "${compact[bad]}" at position ${bad}`);
  }
  const out = new Uint8Array(compact.length / 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = parseInt(compact.slice(i * 2, i * 2 + 2), 16);
  }
  return out;
}

/** Two-byte big-endian value as four hex digits, e.g. a status word or a file identifier. */
export function hex16(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}
