import { concatBytes, MalformedDataError } from '../../bytes';
import { crc16, lrc } from './edc';

/** ISO/IEC 7816-3:2006 §11.3.1.2, Table 13: the error-detection code chosen by the first TC for T=1. */
export type T1Edc = 'lrc' | 'crc';

/** ISO/IEC 7816-3:2006 §11.3.2.2 Table 15: S-block types (PCB bits 5..1). */
export type SBlockType = 'resynch' | 'ifs' | 'abort' | 'wtx';
const S_TYPES: readonly SBlockType[] = ['resynch', 'ifs', 'abort', 'wtx'];

/** ISO/IEC 7816-3:2006 §11.3.2.2 Table 14: R-block error bits (PCB bits 4..1). */
export type RBlockError = 'none' | 'edc' | 'other';
const R_ERRORS: readonly RBlockError[] = ['none', 'edc', 'other'];

/** ISO/IEC 7816-3:2006 §11.3.2: the three kinds of block, by what the PCB says. */
export type T1Block =
  /** Information block: N(S) sequence bit, M = more data follows (chaining, §11.6.2.3). */
  | { readonly kind: 'I'; readonly ns: 0 | 1; readonly more: boolean; readonly inf: Uint8Array }
  /** Receive-ready block: N(R) = the N(S) expected next, with error bits. */
  | { readonly kind: 'R'; readonly nr: 0 | 1; readonly error: RBlockError }
  /** Supervisory block: IFS and WTX carry one INF byte, RESYNCH and ABORT none. */
  | { readonly kind: 'S'; readonly type: SBlockType; readonly response: boolean; readonly inf: Uint8Array };

/**
 * A block that fails §11.3 checks; `error` is what the R-block that answers it must say
 * (Table 14: EDC/parity error, or other error).
 */
export class InvalidBlockError extends MalformedDataError {
  constructor(
    readonly error: 'edc' | 'other',
    offset: number,
    reason: string,
  ) {
    super('T=1 block', offset, reason);
  }
}

/** ISO/IEC 7816-3:2006 §11.3.1–11.3.2: NAD, PCB, LEN, INF, then LRC or CRC. */
export function encodeBlock(block: T1Block, options: { nad?: number; edc?: T1Edc } = {}): Uint8Array {
  let pcb: number;
  let inf: Uint8Array = new Uint8Array(0);
  switch (block.kind) {
    case 'I':
      pcb = (block.ns << 6) | (block.more ? 0x20 : 0);
      inf = block.inf;
      break;
    case 'R':
      pcb = 0x80 | (block.nr << 4) | R_ERRORS.indexOf(block.error);
      break;
    case 'S':
      pcb = 0xc0 | (block.response ? 0x20 : 0) | S_TYPES.indexOf(block.type);
      inf = block.inf;
      break;
  }
  if (inf.length > 254) throw new RangeError(`INF of ${inf.length} bytes exceeds 254 (§11.3.1.2)`);
  const body = concatBytes(Uint8Array.of(options.nad ?? 0, pcb, inf.length), inf);
  return concatBytes(body, options.edc === 'crc' ? crc16(body) : Uint8Array.of(lrc(body)));
}

/**
 * ISO/IEC 7816-3:2006 §11.3 and §11.6.3.1: decodes one received block, checking length, LEN,
 * EDC and PCB coding. Any failure is an `InvalidBlockError` — the protocol answers it with an
 * R-block rather than giving up.
 */
export function decodeBlock(bytes: Uint8Array, edc: T1Edc = 'lrc'): { readonly nad: number; readonly block: T1Block } {
  const edcLength = edc === 'crc' ? 2 : 1;
  if (bytes.length < 3 + edcLength) throw new InvalidBlockError('other', bytes.length, `a block needs at least ${3 + edcLength} bytes`);
  const [nad, pcb, len] = [bytes[0]!, bytes[1]!, bytes[2]!];
  if (len === 0xff) throw new InvalidBlockError('other', 2, 'LEN FF is reserved');
  if (bytes.length !== 3 + len + edcLength) {
    throw new InvalidBlockError('other', 2, `LEN ${len} but ${bytes.length - 3 - edcLength} INF bytes arrived`);
  }
  const body = bytes.subarray(0, 3 + len);
  const received = bytes.subarray(3 + len);
  const expected = edc === 'crc' ? crc16(body) : Uint8Array.of(lrc(body));
  if (received.some((b, i) => b !== expected[i])) throw new InvalidBlockError('edc', 3 + len, 'EDC does not match');
  const inf = bytes.slice(3, 3 + len);
  if ((pcb & 0x80) === 0) {
    if ((pcb & 0x1f) !== 0) throw new InvalidBlockError('other', 1, `I-block PCB ${pcb.toString(16)} sets reserved bits`);
    return { nad, block: { kind: 'I', ns: ((pcb >> 6) & 1) as 0 | 1, more: (pcb & 0x20) !== 0, inf } };
  }
  if ((pcb & 0xc0) === 0x80) {
    const error = R_ERRORS[pcb & 0x0f];
    if ((pcb & 0x20) !== 0 || !error || len !== 0) throw new InvalidBlockError('other', 1, `R-block PCB ${pcb.toString(16)} is not defined`);
    return { nad, block: { kind: 'R', nr: ((pcb >> 4) & 1) as 0 | 1, error } };
  }
  const type = S_TYPES[pcb & 0x1f];
  if (!type) throw new InvalidBlockError('other', 1, `S-block PCB ${pcb.toString(16)} is not defined`);
  const wantLength = type === 'ifs' || type === 'wtx' ? 1 : 0;
  if (len !== wantLength) throw new InvalidBlockError('other', 2, `S(${type}) carries ${wantLength} INF bytes, not ${len}`);
  return { nad, block: { kind: 'S', type, response: (pcb & 0x20) !== 0, inf } };
}
