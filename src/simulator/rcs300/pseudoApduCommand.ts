/**
 * The reader's reading of the pseudo-APDUs it gets in escape messages, written apart from the
 * host encoder (src/usb/rcs300/pseudoApdu.ts). Layout facts: PC/SC Part 3 Supplement (CLA FF,
 * P1 00, P2 = 00 Manage Session / 01 Transparent Exchange / 02 Switch Protocol, data = BER-TLV
 * objects) with INS 50 as every public RC-S300 program sends it; Lc short (`FF 50 00 00 02 81 00 00`)
 * or extended (`FF 50 00 01 00 00 11 … 00 00 00`, the trailing zeros read as Le and ignored).
 */
export interface DataObjectIn {
  readonly tag: number;
  readonly value: number[];
}

export type ParsedCommand =
  | { readonly kind: 'session'; readonly p2: number; readonly objects: DataObjectIn[] }
  | { readonly kind: 'firmware' }
  /** Not a pseudo-APDU we take: answer with this status word alone. */
  | { readonly kind: 'refused'; readonly sw: number }
  /** The objects could not be read: C0 with 67 00 for this object. */
  | { readonly kind: 'bad-length'; readonly objectNumber: number };

export function parseCommand(apdu: readonly number[]): ParsedCommand {
  if (apdu.length < 4 || apdu[0] !== 0xff) return { kind: 'refused', sw: 0x6e00 };
  if (apdu[1] === 0x56 && apdu[2] === 0x00 && apdu[3] === 0x00) return { kind: 'firmware' };
  if (apdu[1] !== 0x50) return { kind: 'refused', sw: 0x6d00 };
  if (apdu[2] !== 0x00 || apdu[3]! > 0x02) return { kind: 'refused', sw: 0x6a86 };
  const p2 = apdu[3]!;
  let start: number;
  let length: number;
  if (apdu[4] === 0x00 && apdu.length >= 7) {
    start = 7;
    length = apdu[5]! * 256 + apdu[6]!;
  } else {
    start = 5;
    length = apdu[4] ?? 0;
  }
  const body = apdu.slice(start, start + length);
  // What follows the data may only be Le bytes (zero to three, all zero in the public forms).
  if (body.length !== length || apdu.length - start - length > 3) return { kind: 'refused', sw: 0x6700 };
  return readObjects(p2, body);
}

function readObjects(p2: number, body: number[]): ParsedCommand {
  const objects: DataObjectIn[] = [];
  let i = 0;
  while (i < body.length) {
    const number = objects.length + 1;
    let tag = body[i++]!;
    if ((tag & 0x1f) === 0x1f) {
      if (i >= body.length) return { kind: 'bad-length', objectNumber: number };
      tag = tag * 256 + body[i++]!;
    }
    let length = body[i++];
    if (length === undefined) return { kind: 'bad-length', objectNumber: number };
    if (length === 0x81 || length === 0x82) {
      const count = length - 0x80;
      if (i + count > body.length) return { kind: 'bad-length', objectNumber: number };
      length = count === 1 ? body[i]! : body[i]! * 256 + body[i + 1]!;
      i += count;
    } else if (length >= 0x80) {
      return { kind: 'bad-length', objectNumber: number };
    }
    if (i + length > body.length) return { kind: 'bad-length', objectNumber: number };
    objects.push({ tag, value: body.slice(i, i + length) });
    i += length;
  }
  return { kind: 'session', p2, objects };
}

/** One response object: tag (one or two bytes), BER length, value. */
export function responseObject(tag: number, value: readonly number[]): number[] {
  const tagBytes = tag > 0xff ? [tag >> 8, tag & 0xff] : [tag];
  const n = value.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return [...tagBytes, ...length, ...value];
}
