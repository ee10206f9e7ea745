import { MalformedDataError, asciiString } from '../../../bytes';
import { compactHex } from './fields';

/**
 * A 16-byte CV key ID (docs/card-reference.md §7.5): 7 ASCII digits, `08 05`, 3 ASCII digits, 4
 * padding bytes — shown as `5000033/001`. Used in CV certificates, text EF 0005 DF42, visual
 * EF 0003, the 共通/住基 key references (§9.2) and GET DATA 0042/00F7 (§9.4).
 */
export interface KeyIdView {
  /** `9000033/001`, or null when the bytes do not follow the §7.5 layout (shown as hex then). */
  readonly label: string | null;
  readonly hex: string;
}

/** Decodes a 16-byte key ID (§7.5) at `offset` of `source`; the layout is checked, not required. */
export function decodeKeyId(bytes: Uint8Array, source: string, offset = 0): KeyIdView {
  if (bytes.length !== 16) throw new MalformedDataError(source, offset, `a key ID is 16 bytes, found ${bytes.length}`);
  const text = asciiString(bytes);
  const wellFormed = /^\d{7}$/.test(text.slice(0, 7)) && bytes[7] === 0x08 && bytes[8] === 0x05 && /^\d{3}$/.test(text.slice(9, 12));
  return { label: wellFormed ? `${text.slice(0, 7)}/${text.slice(9, 12)}` : null, hex: compactHex(bytes) };
}
