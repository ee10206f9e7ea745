import type { ByteSpan, FileContentView } from '../../protocol';

/** Groups a 12-digit My Number as printed on the card back: `1234 5678 9018` (docs/card-reference.md §17). */
export function groupMyNumber(value: string): string {
  const digits = value.replace(/\s+/g, '');
  return /^[0-9]{12}$/.test(digits) ? `${digits.slice(0, 4)} ${digits.slice(4, 8)} ${digits.slice(8)}` : value;
}

/** The My Number with all but the last four digits hidden: `●●●● ●●●● 9018`. */
export function maskMyNumber(value: string): string {
  const digits = value.replace(/\s+/g, '');
  if (!/^[0-9]{12}$/.test(digits)) return '●'.repeat(Math.max(4, digits.length));
  return `●●●● ●●●● ${digits.slice(8)}`;
}

/** How a hidden byte shows in a hex dump, beside `**` for a PIN byte (docs/card-reference.md §17). */
const HIDDEN_BYTE = '••';

/** One pair per byte, single spaces between, nothing around. */
const SPACED_HEX = /^(?:[0-9A-Fa-f]{2}(?: [0-9A-Fa-f]{2})*)?$/;

/**
 * Hex as the raw view and the APDU log show it, one spaced pair per byte, with every byte inside
 * `hidden` replaced by `••` (the spans the engine marked as carrying the My Number).
 */
export function hexWithHidden(hex: string, hidden: readonly ByteSpan[] = []): string {
  // Already one spaced pair per byte and nothing to hide: as it is. A log row can hold 64 KB of
  // hex, and splitting it into pairs to join them again cost the page most of a frame per row.
  if (hidden.length === 0 && SPACED_HEX.test(hex)) return hex;
  const pairs = hex.replace(/\s+/g, '').match(/../g) ?? [];
  return pairs.map((pair, i) => (hidden.some((s) => i >= s.start && i < s.end) ? HIDDEN_BYTE : pair)).join(' ');
}

/** How many bytes a hex value holds, so a hidden digest or signature still shows its size (docs/card-reference.md §7.4, §8.1). */
export function hexByteCount(hexValue: string): number {
  return Math.ceil(hexValue.replace(/\s+/g, '').length / 2);
}

/** Whether a file's content carries the My Number anywhere: its bytes, a field, a picture. */
export function carriesMyNumber(content: FileContentView): boolean {
  return (
    (content.myNumberSpans?.length ?? 0) > 0 ||
    content.fields.some((f) => f.kind === 'myNumber' || f.derivedFromMyNumber === true) ||
    content.images.some((i) => i.myNumber === true)
  );
}
