import { concatBytes } from '../../bytes';
import { decodeIsoDepBlock, encodeIsoDepBlock, InvalidIsoDepBlockError, type BlockNumber, type IsoDepBlock } from './block';
import { FWT_MAX_MS } from './frameSize';
import { IsoDepError } from './IsoDepError';

/** What came back for one frame sent over the field (the reader chip has already checked CRC_B). */
export type FrameOutcome =
  | { readonly kind: 'frame'; readonly bytes: Uint8Array }
  /** Nothing within the waiting time. */
  | { readonly kind: 'timeout' }
  /** A frame arrived damaged (CRC, parity, framing): an invalid block in §7.5.4's terms. */
  | { readonly kind: 'error' };

/** Sends one frame (CRC_B added by the chip) and waits up to `waitMs` for the card's frame. */
export type ExchangeFrame = (frame: Uint8Array, waitMs: number) => Promise<FrameOutcome>;

export interface IsoDepOptions {
  /** FSC from ATQB: the largest frame the card accepts, CRC included (ISO/IEC 14443-4 §5.2.3). */
  readonly fsc: number;
  /** FSD we announced in ATTRIB: the largest frame we accept. */
  readonly fsd: number;
  /** FWT from ATQB in ms (§7.2). */
  readonly fwtMs: number;
  /** Retransmissions of one block before giving up; default 2 (NFC Forum Digital's limit, see ISO_DEP_RETRIES). */
  readonly retries?: number;
  /** Told of every S(WTX) so the caller can log or stretch its own deadline. */
  readonly onWaitingTimeExtension?: (wtxm: number) => void;
}

/**
 * How often one block is sent again after a timeout or an invalid block. ISO/IEC 14443-4 §7.5.4
 * leaves the count to the PCD; we follow NFC Forum Digital Protocol 1.0 §13 (ISO-DEP), which lets
 * a poller retransmit twice.
 */
const ISO_DEP_RETRIES = 2;
/** §7.2: ΔFWT, the margin a PCD adds to FWT: 49152/fc ≈ 3.6 ms. */
const DELTA_FWT_MS = (49152 / 13_560_000) * 1000;
/** S(WTX) requests in a row before the card counts as stalled (the standard sets no limit; WTXM × FWT each). */
const ISO_DEP_MAX_WTX_IN_A_ROW = 64;
/** ISO/IEC 7816-4 §5.1: the largest response APDU. */
const ISO_DEP_MAX_RESPONSE = 65538;
/**
 * Frames one APDU may take, every retransmission, S(WTX) and chained piece included. Bytes alone
 * do not bound a card that chains empty I-blocks ("more follows", no INF) for ever; rounds do.
 * The standard sets no limit: ours lets the largest response come in 64-byte pieces (1,025
 * blocks) and our largest command go out in the smallest FSC's 13-byte pieces, with room for
 * every allowed S(WTX) and retry, and still ends a hostile card within seconds at 106 kbit/s.
 */
export const ISO_DEP_MAX_ROUNDS = 2048;

const flip = (n: BlockNumber): BlockNumber => (n === 0 ? 1 : 0);

/**
 * ISO/IEC 14443-4:2008 §7 half-duplex block transmission, PCD side, as a state machine over
 * `ExchangeFrame`: block numbering (§7.5.3 rules A, B), chaining both ways (§7.5.2; rules 2 and 7),
 * S(WTX) (§7.3, rule 3), error recovery (§7.5.4 rules 4, 5, 6), S(DESELECT) (§8) and the
 * presence check by R(NAK) (§7.5.4 rule 11 on the card's side). One APDU at a time.
 */
export class IsoDepProtocol {
  /** Rule A: the PCD's block number starts at 0 after activation. */
  private blockNumber: BlockNumber = 0;

  constructor(
    private readonly exchange: ExchangeFrame,
    private readonly options: IsoDepOptions,
  ) {}

  /** Largest INF per I-block we send: FSC less PCB and the two CRC_B bytes (no CID, no NAD). */
  get sendChunk(): number {
    return Math.max(1, this.options.fsc - 3);
  }

  /** Sends one command APDU and returns the whole response APDU, chained as needed. */
  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    const retries = this.options.retries ?? ISO_DEP_RETRIES;
    let offset = 0;
    let current = this.iBlock(apdu, offset);
    let outgoing = current.bytes;
    let sending = true; // until the card's first I-block answers our last one
    let receivingChain = false;
    let failures = 0;
    let onlyTimeouts = true;
    let wtxInARow = 0;
    let wtxm = 1;
    let received = 0;
    let rounds = 0;
    const parts: Uint8Array[] = [];

    const fail = (outcome: 'timeout' | 'invalid', resend?: Uint8Array): void => {
      if (outcome === 'invalid') onlyTimeouts = false;
      if (++failures > retries) {
        throw onlyTimeouts
          ? new IsoDepError('no-response', `ISO-DEP: no answer from the card after ${failures} tries`)
          : new IsoDepError('retries-exhausted', `ISO-DEP: the exchange still failed after ${retries} retransmissions`);
      }
      // Rule 6 resends our I-block; rule 5 (card chaining) asks with R(ACK), rule 4 otherwise with R(NAK).
      outgoing = resend ?? encodeIsoDepBlock({ kind: 'R', blockNumber: this.blockNumber, ack: receivingChain });
    };

    for (;;) {
      if (++rounds > ISO_DEP_MAX_ROUNDS) throw new IsoDepError('too-many-rounds', `ISO-DEP: the card took more than ${ISO_DEP_MAX_ROUNDS} frames for one APDU`);
      const outcome = await this.exchange(outgoing, this.waitMs(wtxm));
      wtxm = 1;
      if (outcome.kind !== 'frame') {
        fail(outcome.kind === 'timeout' ? 'timeout' : 'invalid');
        continue;
      }
      const block = this.decode(outcome.bytes);
      if (!block) {
        fail('invalid');
        continue;
      }
      if (block.kind === 'S') {
        if (block.type !== 'wtx' || ++wtxInARow > ISO_DEP_MAX_WTX_IN_A_ROW) {
          if (block.type === 'wtx') throw new IsoDepError('card-stalled', `ISO-DEP: ${ISO_DEP_MAX_WTX_IN_A_ROW} S(WTX) requests in a row`);
          fail('invalid');
          continue;
        }
        // §7.3: answer with the same WTXM; the longer wait holds for the next block only.
        wtxm = block.wtxm ?? 1;
        this.options.onWaitingTimeExtension?.(wtxm);
        outgoing = encodeIsoDepBlock({ kind: 'S', type: 'wtx', wtxm });
        continue;
      }
      wtxInARow = 0;
      if (block.kind === 'R') {
        if (!block.ack || !sending) {
          fail('invalid'); // a card never sends R(NAK), and never an R-block while it chains to us
        } else if (block.blockNumber === this.blockNumber && current.chaining) {
          // Rules B and 7: our chained block arrived; toggle and send the next piece.
          this.blockNumber = flip(this.blockNumber);
          offset += current.length;
          current = this.iBlock(apdu, offset);
          outgoing = current.bytes;
          failures = 0;
          onlyTimeouts = true;
        } else if (block.blockNumber !== this.blockNumber) {
          fail('invalid', current.bytes); // rule 6: the card did not get our I-block; send it again
        } else {
          fail('invalid');
        }
        continue;
      }
      if ((sending && current.chaining) || block.blockNumber !== this.blockNumber) {
        fail('invalid');
        continue;
      }
      // Rule B: an I-block with our number answers us; toggle before the next block.
      this.blockNumber = flip(this.blockNumber);
      sending = false;
      failures = 0;
      onlyTimeouts = true;
      received += block.inf.length;
      if (received > ISO_DEP_MAX_RESPONSE) throw new IsoDepError('response-too-long', `ISO-DEP: the card chained more than ${ISO_DEP_MAX_RESPONSE} bytes`);
      parts.push(block.inf);
      if (!block.chaining) return concatBytes(...parts);
      // Rule 2: acknowledge each chained I-block with R(ACK) carrying our (new) number.
      receivingChain = true;
      outgoing = encodeIsoDepBlock({ kind: 'R', blockNumber: this.blockNumber, ack: true });
    }
  }

  /**
   * Presence check: R(NAK) with our block number. A card still in the field answers R(ACK) with
   * the other number (§7.5.4 rule 11, card side) — or, having missed our last acknowledgement,
   * sends its last I-block again (rule 10). Any valid block is a card in the field, as nfcpy
   * counts it (tag/tt4.py `_is_present`: any answer to the exchange without a communication
   * error); only silence or damaged frames after every retry mean it left. Our number does not change.
   */
  async isPresent(): Promise<boolean> {
    const nak = encodeIsoDepBlock({ kind: 'R', blockNumber: this.blockNumber, ack: false });
    for (let attempt = 0; attempt <= (this.options.retries ?? ISO_DEP_RETRIES); attempt++) {
      const outcome = await this.exchange(nak, this.waitMs(1));
      if (outcome.kind !== 'frame') continue;
      if (this.decode(outcome.bytes) !== null) return true;
    }
    return false;
  }

  /** §8: S(DESELECT) until the card answers S(DESELECT) (rule 8 allows giving up: the field goes off next). */
  async deselect(): Promise<boolean> {
    const request = encodeIsoDepBlock({ kind: 'S', type: 'deselect' });
    for (let attempt = 0; attempt <= (this.options.retries ?? ISO_DEP_RETRIES); attempt++) {
      const outcome = await this.exchange(request, this.waitMs(1));
      if (outcome.kind === 'frame' && this.decode(outcome.bytes)?.kind === 'S') return true;
    }
    return false;
  }

  /** §7.2–7.3: FWT × WTXM, never beyond FWTMAX, plus ΔFWT. */
  private waitMs(wtxm: number): number {
    return Math.min(this.options.fwtMs * wtxm, Math.max(this.options.fwtMs, FWT_MAX_MS)) + DELTA_FWT_MS;
  }

  private iBlock(apdu: Uint8Array, offset: number): { bytes: Uint8Array; chaining: boolean; length: number } {
    const length = Math.min(this.sendChunk, apdu.length - offset);
    const chaining = offset + length < apdu.length;
    const bytes = encodeIsoDepBlock({ kind: 'I', blockNumber: this.blockNumber, chaining, inf: apdu.subarray(offset, offset + length) });
    return { bytes, chaining, length };
  }

  /** A block from the card, or null when it breaks §7.1 or is longer than the FSD we announced. */
  private decode(bytes: Uint8Array): IsoDepBlock | null {
    if (bytes.length > this.options.fsd - 2) return null;
    try {
      return decodeIsoDepBlock(bytes);
    } catch (error) {
      if (error instanceof InvalidIsoDepBlockError) return null;
      throw error;
    }
  }
}
