import { TEXT_FILES, VISUAL_FILES } from './identifiers';

/** Bytes `start` (inclusive) to `end` (exclusive) of a byte string. */
export interface ByteSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * A file that carries the My Number (特定個人情報, docs/card-reference.md §17) or a value computed
 * from it, and where: `secretChildren` lists the tags, directly inside the outer TLV, whose values
 * carry it; `null` means the outer value is the number itself.
 */
export interface MyNumberBearer {
  readonly applet: 'text' | 'visual';
  readonly fileId: number;
  readonly outerTag: number;
  readonly secretChildren: readonly number[] | null;
}

/**
 * Every file whose bytes give the My Number away (docs/card-reference.md §17):
 * - text EF 0001, the 12 ASCII digits (§7.2);
 * - text EF 0003, DF31 = SHA-256 of EF 0001 and DF33 = the issuer's signature over DF31 ‖ DF32
 *   (§7.4). Digit 12 is a check digit and the masked view shows the last four, so about 10⁷
 *   candidates remain: hashing them takes a second, and the signature, opened with the free
 *   CV certificate's key (§7.5), gives back a digest over DF31 that tests them just as well;
 * - visual EF 0005, DF41 = the number drawn as a PNG and DF43 = the signature over it (§8.1).
 */
const MY_NUMBER_BEARERS: readonly MyNumberBearer[] = [
  { applet: 'text', fileId: TEXT_FILES.myNumber, outerTag: 0xff10, secretChildren: null },
  { applet: 'text', fileId: TEXT_FILES.integrity, outerTag: 0xff30, secretChildren: [0xdf31, 0xdf33] },
  { applet: 'visual', fileId: VISUAL_FILES.myNumberImage, outerTag: 0xff40, secretChildren: [0xdf41, 0xdf43] },
];

/** The bearer entry of a file, if its bytes carry the My Number (docs/card-reference.md §17). */
export function myNumberBearer(applet: string, fileId: number): MyNumberBearer | undefined {
  return MY_NUMBER_BEARERS.find((b) => b.applet === applet && b.fileId === fileId);
}

/**
 * Where the My Number (or a value computed from it) sits in the first bytes of a bearer file
 * (docs/card-reference.md §7.2, §7.4, §8.1, §11). `prefix` may be the whole file or only what has
 * been read so far (the APDU log sees a file in chunks, §3). The answer errs toward hiding: from
 * the first byte whose meaning the prefix cannot settle — a header cut short, a tag that is not
 * the one expected, a length past the outer object — everything to the end of the prefix counts.
 * Spans never reach past `prefix.length`.
 */
export function myNumberSpans(bearer: MyNumberBearer, prefix: Uint8Array): ByteSpan[] {
  const spans: ByteSpan[] = [];
  const rest = (from: number) => spans.push({ start: from, end: prefix.length });
  const outer = readHeader(prefix, 0);
  if (outer === 'incomplete' || outer === 'malformed' || outer.tag !== bearer.outerTag) {
    rest(0);
    return clip(spans, prefix.length);
  }
  const outerEnd = outer.valueOffset + outer.length;
  if (bearer.secretChildren === null) {
    spans.push({ start: outer.valueOffset, end: outerEnd });
    return clip(spans, prefix.length);
  }
  let at = outer.valueOffset;
  while (at < outerEnd && at < prefix.length) {
    const child = readHeader(prefix, at);
    if (child === 'incomplete' || child === 'malformed' || child.valueOffset + child.length > outerEnd) {
      rest(at);
      break;
    }
    const end = child.valueOffset + child.length;
    if (bearer.secretChildren.includes(child.tag)) spans.push({ start: child.valueOffset, end });
    at = end;
  }
  return clip(spans, prefix.length);
}

/** The spans that fall inside `[from, from + length)`, counted from `from` (one READ's share of a file). */
export function spansWithin(spans: readonly ByteSpan[], from: number, length: number): ByteSpan[] {
  const out: ByteSpan[] = [];
  for (const span of spans) {
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, from + length);
    if (start < end) out.push({ start: start - from, end: end - from });
  }
  return out;
}

function clip(spans: readonly ByteSpan[], length: number): ByteSpan[] {
  return spans.map((s) => ({ start: s.start, end: Math.min(s.end, length) })).filter((s) => s.start < s.end);
}

interface Header {
  readonly tag: number;
  readonly valueOffset: number;
  readonly length: number;
}

/**
 * One BER-TLV header at `at` (docs/card-reference.md §11), telling "not all here yet" apart from
 * "not a header": multi-byte tags up to three bytes, lengths in one byte or `81`/`82`/`83` form.
 */
function readHeader(bytes: Uint8Array, at: number): Header | 'incomplete' | 'malformed' {
  let p = at;
  const next = () => (p < bytes.length ? bytes[p++]! : null);
  const first = next();
  if (first === null) return 'incomplete';
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    let count = 1;
    let more: number | null;
    do {
      more = next();
      if (more === null) return 'incomplete';
      tag = tag * 256 + more;
      if (++count > 3) return 'malformed';
    } while (more & 0x80);
  }
  const lengthByte = next();
  if (lengthByte === null) return 'incomplete';
  let length = lengthByte;
  if (lengthByte >= 0x80) {
    const count = lengthByte & 0x7f;
    if (count < 1 || count > 3) return 'malformed';
    length = 0;
    for (let i = 0; i < count; i++) {
      const b = next();
      if (b === null) return 'incomplete';
      length = length * 256 + b;
    }
  }
  return { tag, valueOffset: p, length };
}
