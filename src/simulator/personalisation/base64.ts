/**
 * Standard base64 (RFC 4648 §4, with `=` padding) to bytes, for the committed issuance output.
 * Written by hand because `Buffer` does not exist in browsers and workers, and `atob` would
 * need a detour through a binary string.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

const VALUES: ReadonlyMap<string, number> = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Decodes RFC 4648 §4 base64; throws `SyntaxError` on a bad length, character or padding. */
export function decodeBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new SyntaxError(`base64 length ${text.length} is not a multiple of 4`);
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let written = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    let group = 0;
    for (let j = 0; j < 4; j++) {
      const c = text[i + j]!;
      // '=' only in the last one or two positions of the last group.
      const isPad = c === '=' && last && j >= 4 - padding;
      const value = isPad ? 0 : VALUES.get(c);
      if (value === undefined) throw new SyntaxError(`bad base64 character "${c}" at position ${i + j}`);
      group = (group << 6) | value;
    }
    const bytes = [(group >> 16) & 0xff, (group >> 8) & 0xff, group & 0xff];
    for (const b of bytes) if (written < out.length) out[written++] = b;
  }
  return out;
}
