import { concatBytes, MalformedDataError } from '../../bytes';

/**
 * ISO/IEC 14443-4:2008 §7.1 block format: prologue PCB [CID] [NAD], INF, and the epilogue
 * CRC_B — which the reader chip adds and checks (port100/commands.ts), so blocks here stop at INF.
 *
 * PCB coding (§7.1.1.1, Figures 14–16):
 *   I-block  0 0 0 C N 0 1 b   C = chaining, N = NAD follows, b = block number   → 02/03, chained 12/13
 *   R-block  1 0 1 K 0 0 1 b   K = 1 for NAK                                     → A2/A3 ACK, B2/B3 NAK
 *   S-block  1 1 x x 0 0 1 0   xx = 00 DESELECT, 11 WTX                         → C2, F2
 * with bit 4 (08) = a CID byte follows, in all three.
 */

export type BlockNumber = 0 | 1;

export type IsoDepBlock =
  | { readonly kind: 'I'; readonly blockNumber: BlockNumber; readonly chaining: boolean; readonly inf: Uint8Array }
  | { readonly kind: 'R'; readonly blockNumber: BlockNumber; readonly ack: boolean }
  /** DESELECT carries no INF; WTX carries one byte whose bits 6..1 are WTXM (§7.1.1.5). */
  | { readonly kind: 'S'; readonly type: 'deselect' | 'wtx'; readonly wtxm?: number };

const CHAINING = 0x10;
const CID_FOLLOWS = 0x08;
const NAD_FOLLOWS = 0x04;
const NAK = 0x10;
const S_WTX = 0x30;

/** §7.3: WTXM is 1..59; 0 and 60..63 are RFU. */
const WTXM_MAX = 59;

/** A block the card sent that breaks §7.1 (the protocol answers it as an invalid block, §7.5.4 rule 4). */
export class InvalidIsoDepBlockError extends MalformedDataError {
  constructor(offset: number, reason: string) {
    super('ISO-DEP block', offset, reason);
  }
}

/** Encodes a block without CID or NAD (we never assign a CID the card must echo, §7.1.1.2). */
export function encodeIsoDepBlock(block: IsoDepBlock): Uint8Array {
  switch (block.kind) {
    case 'I':
      return concatBytes(Uint8Array.of(0x02 | (block.chaining ? CHAINING : 0) | block.blockNumber), block.inf);
    case 'R':
      return Uint8Array.of(0xa2 | (block.ack ? 0 : NAK) | block.blockNumber);
    case 'S':
      if (block.type === 'deselect') return Uint8Array.of(0xc2);
      return Uint8Array.of(0xc2 | S_WTX, (block.wtxm ?? 1) & 0x3f);
  }
}

/** Decodes one block from the card, skipping a CID or NAD byte if the PCB says one follows. */
export function decodeIsoDepBlock(bytes: Uint8Array): IsoDepBlock {
  if (bytes.length === 0) throw new InvalidIsoDepBlockError(0, 'empty block');
  const pcb = bytes[0]!;
  let offset = 1 + ((pcb & CID_FOLLOWS) !== 0 ? 1 : 0);
  const top = pcb & 0xc0;
  if (top === 0x00) {
    if ((pcb & 0x22) !== 0x02) throw new InvalidIsoDepBlockError(0, `I-block PCB ${hex(pcb)} breaks bits 6 and 2`);
    if ((pcb & NAD_FOLLOWS) !== 0) offset++;
    if (bytes.length < offset) throw new InvalidIsoDepBlockError(bytes.length, 'CID/NAD byte missing');
    return { kind: 'I', blockNumber: (pcb & 1) as BlockNumber, chaining: (pcb & CHAINING) !== 0, inf: bytes.slice(offset) };
  }
  if (top === 0x80) {
    if ((pcb & 0x26) !== 0x22) throw new InvalidIsoDepBlockError(0, `R-block PCB ${hex(pcb)} breaks bits 6, 3 and 2`);
    if (bytes.length !== offset) throw new InvalidIsoDepBlockError(offset, 'R-block carries INF');
    return { kind: 'R', blockNumber: (pcb & 1) as BlockNumber, ack: (pcb & NAK) === 0 };
  }
  if (top === 0xc0 && (pcb & 0x07) === 0x02) {
    const type = pcb & 0x30;
    if (type === 0x00 && bytes.length === offset) return { kind: 'S', type: 'deselect' };
    if (type === S_WTX && bytes.length === offset + 1) {
      const wtxm = bytes[offset]! & 0x3f;
      if (wtxm < 1 || wtxm > WTXM_MAX) throw new InvalidIsoDepBlockError(offset, `WTXM ${wtxm} is outside 1..59`);
      return { kind: 'S', type: 'wtx', wtxm };
    }
  }
  throw new InvalidIsoDepBlockError(0, `PCB ${hex(pcb)} with ${bytes.length - 1} more bytes is not a block we know`);
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0').toUpperCase();
}
