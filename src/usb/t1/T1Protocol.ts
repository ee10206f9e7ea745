import { concatBytes } from '../../bytes';
import { decodeBlock, encodeBlock, InvalidBlockError, type T1Block, type T1Edc } from './block';
import { T1ProtocolError } from './T1ProtocolError';

/**
 * Sends one block and resolves with the card's next block (a CCID XfrBlock at TPDU level does
 * exactly this). `waitMultiplier` is the card's WTX multiplier for this exchange (1 = plain BWT;
 * CCID bBWI carries it). Resolve with an empty array when nothing arrived within the waiting time
 * (ISO/IEC 7816-3:2006 §11.6.3.2 rule 7.1 then applies); reject with `InvalidBlockError` when the
 * link saw the card's block arrive damaged (a parity error: rule 7.2, answered with R(EDC error));
 * reject otherwise only for failures no retry can mend.
 */
export type SendBlock = (block: Uint8Array, context: { readonly waitMultiplier: number }) => Promise<Uint8Array>;

/** ISO/IEC 7816-3:2006 §11.4: the parameters the ATR (and the reader) fix for T=1. */
export interface T1Options {
  /** IFSC from the ATR (first TA for T=1), 1..254. */
  readonly ifsc: number;
  /** IFSD to ask for with S(IFS request), 1..254 (min of 254 and the reader's dwMaxIFSD). */
  readonly ifsd?: number;
  /** False when the reader sends S(IFS request) itself (CCID dwFeatures 0x400). */
  readonly negotiateIfsd?: boolean;
  readonly edc?: T1Edc;
  readonly nad?: number;
  /** Told of every S(WTX request) so the caller can stretch its own timeout. */
  readonly onWaitingTimeExtension?: (multiplier: number) => void;
}

/** ISO/IEC 7816-3:2006 §11.6.3.2 rule 7.4: a block is sent at most this many times before resynchronising. */
const T1_MAX_ATTEMPTS = 3;
/** ISO/IEC 7816-3:2006 §11.4.2: IFSD before any S(IFS) exchange. */
const DEFAULT_IFSD = 32;
/**
 * ISO/IEC 7816-4 §5.1: the largest response APDU, 65536 data bytes and SW1 SW2. A card that
 * chains more is broken or hostile; without this cap it could make us buffer without end.
 */
const T1_MAX_RESPONSE = 65538;
/**
 * S(WTX) and S(IFS) requests in a row with no I-block in between. §11 sets no limit, but a card
 * that only ever asks for more time would otherwise hold the exchange for ever; each WTX is at
 * least one BWT (seconds), so this is minutes of patience before the reader is given up on.
 */
const T1_MAX_SUPERVISORY_IN_A_ROW = 64;
/**
 * Empty I-blocks that say "more follows" (M = 1, no INF) one response may contain. They carry
 * nothing, so the byte cap never stops a card that sends them for ever (issue 15 §3: 100,001 of
 * them once); rounds must be capped as well. No card needs one; a few are tolerated.
 */
export const T1_MAX_EMPTY_PIECES = 16;

function flip(bit: 0 | 1): 0 | 1 {
  return bit === 0 ? 1 : 0;
}

/** Thrown inside a transaction when rule 7.4 says: resynchronise. */
class NeedsResynch extends Error {}

/**
 * ISO/IEC 7816-3:2006 §11 T=1, interface-device side, as a pure state machine over `SendBlock`:
 * IFSD negotiation (§11.4.2, rule 2), chaining both ways (§11.6.2.3), WTX (rule 8), the card's
 * IFS request (rule 3), R-block error recovery (rules 7.1–7.3) and resynchronisation (rules
 * 7.4–7.5, §11.6.3.3). One APDU at a time; the caller serialises.
 */
export class T1Protocol {
  private ns: 0 | 1 = 0;
  private nr: 0 | 1 = 0;
  private ifscNow: number;
  private ifsdNow = DEFAULT_IFSD;
  private ifsdAgreed = false;

  constructor(
    private readonly sendBlock: SendBlock,
    private readonly options: T1Options,
  ) {
    this.ifscNow = options.ifsc;
  }

  /** Current IFSC (changes when the card sends S(IFS request)). */
  get ifsc(): number {
    return this.ifscNow;
  }

  /** Current IFSD (after negotiation). */
  get ifsd(): number {
    return this.ifsdNow;
  }

  /** Sends one APDU (command bytes) and returns the whole response APDU, chained as needed. */
  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    await this.negotiateIfsd();
    try {
      return await this.transaction(apdu);
    } catch (e) {
      if (!(e instanceof NeedsResynch)) throw e;
    }
    // §11.6.3.3: after RESYNCH both sides start again from N(S) = 0 and the APDU is sent anew.
    await this.resynch();
    try {
      return await this.transaction(apdu);
    } catch (e) {
      if (e instanceof NeedsResynch) throw new T1ProtocolError('retries-exhausted', 'T=1: the exchange failed again after resynchronisation');
      throw e;
    }
  }

  /** Rule 2: S(IFS request) with our IFSD as the first block, once per session (and after RESYNCH). */
  private async negotiateIfsd(): Promise<void> {
    if (this.ifsdAgreed) return;
    const wanted = this.options.ifsd ?? 254;
    if (this.options.negotiateIfsd === false) {
      this.ifsdNow = wanted;
    } else {
      const inf = Uint8Array.of(wanted);
      const ok = await this.supervisory({ kind: 'S', type: 'ifs', response: false, inf }, (b) => b.type === 'ifs' && b.inf[0] === wanted);
      if (!ok) throw new T1ProtocolError('ifs-negotiation-failed', `T=1: S(IFS request ${wanted}) got no valid response`);
      this.ifsdNow = wanted;
    }
    this.ifsdAgreed = true;
  }

  /** Rules 7.4–7.5: S(RESYNCH request) up to three times; on success all state is as after the ATR. */
  private async resynch(): Promise<void> {
    const ok = await this.supervisory({ kind: 'S', type: 'resynch', response: false, inf: new Uint8Array(0) }, (b) => b.type === 'resynch');
    if (!ok) throw new T1ProtocolError('resynch-failed', 'T=1: S(RESYNCH request) got no valid response; the card needs a reset');
    this.ns = 0;
    this.nr = 0;
    this.ifscNow = this.options.ifsc;
    this.ifsdNow = DEFAULT_IFSD;
    this.ifsdAgreed = false;
    await this.negotiateIfsd();
  }

  /** Rule 7.3: an S(request) is repeated until its S(response) arrives, at most three times. */
  private async supervisory(request: T1Block, matches: (b: T1Block & { kind: 'S' }) => boolean): Promise<boolean> {
    const bytes = this.encode(request);
    for (let attempt = 0; attempt < T1_MAX_ATTEMPTS; attempt++) {
      const reply = await this.sendBlock(bytes, { waitMultiplier: 1 }).then(
        (raw) => this.decode(raw),
        (e: unknown) => {
          if (e instanceof InvalidBlockError) return null;
          throw e;
        },
      );
      if (reply && reply.kind === 'S' && reply.response && matches(reply)) return true;
    }
    return false;
  }

  private async transaction(apdu: Uint8Array): Promise<Uint8Array> {
    let offset = 0; // start of the chunk in the current (or last) I-block
    let lastI = this.nextIBlock(apdu, offset);
    let outgoing = lastI.bytes;
    let waitMultiplier = 1;
    let sending = true; // until the card's first I-block acknowledges our last one
    let failures = 0;
    let supervisoryInARow = 0;
    let emptyPieces = 0;
    let receivedBytes = 0;
    const received: Uint8Array[] = [];
    const fail = (resend: Uint8Array): void => {
      if (++failures >= T1_MAX_ATTEMPTS) throw new NeedsResynch();
      outgoing = resend;
    };
    for (;;) {
      const sent = outgoing;
      const multiplier = waitMultiplier;
      waitMultiplier = 1;
      let reply: T1Block;
      try {
        // The link may itself report a block received with a parity error (CCID XFR_PARITY_ERROR)
        // by throwing InvalidBlockError('edc'): it is answered like a block whose EDC failed.
        reply = decodeBlock(await this.sendBlock(sent, { waitMultiplier: multiplier }), this.options.edc).block;
      } catch (e) {
        if (!(e instanceof InvalidBlockError)) throw e;
        // Rule 7.1/7.2: nothing or garbage came back; ask again with R(N(R)) and the error seen.
        fail(this.encode({ kind: 'R', nr: this.nr, error: e.error }));
        continue;
      }
      if (reply.kind === 'S') {
        if (reply.response || reply.type === 'resynch') {
          fail(this.encode({ kind: 'R', nr: this.nr, error: 'other' }));
          continue;
        }
        if (reply.type === 'abort') {
          await this.sendBlock(this.encode({ ...reply, response: true }), { waitMultiplier: 1 });
          throw new T1ProtocolError('aborted-by-card', 'T=1: the card aborted the chain with S(ABORT request)');
        }
        if (++supervisoryInARow > T1_MAX_SUPERVISORY_IN_A_ROW) {
          throw new T1ProtocolError('card-stalled', `T=1: the card sent ${T1_MAX_SUPERVISORY_IN_A_ROW} S(${reply.type}) requests in a row without answering`);
        }
        const value = reply.inf[0]!;
        if (reply.type === 'ifs') {
          if (value < 1 || value > 254) {
            fail(this.encode({ kind: 'R', nr: this.nr, error: 'other' }));
            continue;
          }
          this.ifscNow = value; // rule 3: chunks not yet sent are cut to the new size
        } else {
          waitMultiplier = Math.max(1, value); // rule 8: the extension holds for the next block only
          this.options.onWaitingTimeExtension?.(value);
        }
        outgoing = this.encode({ ...reply, response: true });
        failures = 0;
        continue;
      }
      if (reply.kind === 'R') {
        if (sending && lastI.more && reply.nr !== lastI.ns) {
          // Rule 2.2: our chained block arrived; send the next piece.
          this.ns = flip(this.ns);
          offset += lastI.length;
          lastI = this.nextIBlock(apdu, offset);
          outgoing = lastI.bytes;
          failures = 0;
          supervisoryInARow = 0;
        } else if (sending && reply.nr === lastI.ns) {
          fail(lastI.bytes); // rule 6.2/7.2: the card asks for our I-block again
        } else {
          fail(this.encode({ kind: 'R', nr: this.nr, error: 'other' }));
        }
        continue;
      }
      if ((sending && lastI.more) || reply.ns !== this.nr || reply.inf.length > this.ifsdNow) {
        fail(this.encode({ kind: 'R', nr: this.nr, error: 'other' }));
        continue;
      }
      if (sending) {
        this.ns = flip(this.ns); // rule 2.1: the card's I-block acknowledges our last one
        sending = false;
      }
      this.nr = flip(this.nr);
      failures = 0;
      supervisoryInARow = 0;
      receivedBytes += reply.inf.length;
      if (reply.more && reply.inf.length === 0 && ++emptyPieces > T1_MAX_EMPTY_PIECES) {
        throw new T1ProtocolError('too-many-rounds', `T=1: the card chained more than ${T1_MAX_EMPTY_PIECES} empty I-blocks into one response`);
      }
      if (receivedBytes > T1_MAX_RESPONSE) {
        throw new T1ProtocolError('response-too-long', `T=1: the card chained more than ${T1_MAX_RESPONSE} response bytes`);
      }
      received.push(reply.inf);
      if (!reply.more) return concatBytes(...received);
      outgoing = this.encode({ kind: 'R', nr: this.nr, error: 'none' }); // rule 2.2: more, please
    }
  }

  private nextIBlock(apdu: Uint8Array, offset: number): { bytes: Uint8Array; ns: 0 | 1; more: boolean; length: number } {
    const length = Math.min(this.ifscNow, apdu.length - offset);
    const more = offset + length < apdu.length;
    const ns = this.ns;
    return { bytes: this.encode({ kind: 'I', ns, more, inf: apdu.subarray(offset, offset + length) }), ns, more, length };
  }

  private encode(block: T1Block): Uint8Array {
    return encodeBlock(block, { nad: this.options.nad ?? 0, edc: this.options.edc ?? 'lrc' });
  }

  private decode(raw: Uint8Array): T1Block | null {
    try {
      return decodeBlock(raw, this.options.edc).block;
    } catch (e) {
      if (e instanceof InvalidBlockError) return null;
      throw e;
    }
  }
}
