import { concatBytes } from '../../bytes';
import { decodeBlock, encodeBlock, InvalidBlockError, type T1Block, type T1Edc } from '../../usb/t1/block';

function flip(bit: 0 | 1): 0 | 1 {
  return bit === 0 ? 1 : 0;
}

/**
 * ISO/IEC 7816-3:2006 §11, the card's side of T=1, as the fake TPDU-level reader passes blocks
 * through: answers S(IFS) and S(RESYNCH) requests, takes chained commands (acknowledging with
 * R-blocks), chains long responses in pieces of IFSD, and retransmits on an R-block that does not
 * acknowledge. Not a full error-recovery model — enough for a well-behaved interface device.
 */
export class T1Card {
  private expectedHostNs: 0 | 1 = 0;
  private cardNs: 0 | 1 = 0;
  private ifsd = 32;
  private command: Uint8Array = new Uint8Array(0);
  private pendingResponse: Uint8Array = new Uint8Array(0);
  private lastSent: Uint8Array | null = null;
  private sendingChain = false;

  constructor(
    private readonly respond: (apdu: Uint8Array) => Uint8Array,
    private readonly edc: T1Edc = 'lrc',
  ) {}

  /** Back to the state after an ATR. */
  reset(): void {
    this.expectedHostNs = 0;
    this.cardNs = 0;
    this.ifsd = 32;
    this.command = new Uint8Array(0);
    this.pendingResponse = new Uint8Array(0);
    this.lastSent = null;
    this.sendingChain = false;
  }

  /** One block from the interface device in, the card's next block out. */
  handle(bytes: Uint8Array): Uint8Array {
    let block: T1Block;
    try {
      block = decodeBlock(bytes, this.edc).block;
    } catch (error) {
      const kind = error instanceof InvalidBlockError ? error.error : 'other';
      return this.send({ kind: 'R', nr: this.expectedHostNs, error: kind }, false);
    }
    switch (block.kind) {
      case 'S':
        if (block.response) return this.send({ kind: 'R', nr: this.expectedHostNs, error: 'other' }, false);
        if (block.type === 'ifs') this.ifsd = block.inf[0] ?? this.ifsd;
        if (block.type === 'resynch') this.reset();
        return this.send({ ...block, response: true }, false);
      case 'R':
        if (this.sendingChain && block.nr === this.cardNs) return this.nextChunk();
        return this.lastSent ?? this.send({ kind: 'R', nr: this.expectedHostNs, error: 'other' }, false);
      case 'I': {
        if (block.ns !== this.expectedHostNs) return this.send({ kind: 'R', nr: this.expectedHostNs, error: 'other' }, false);
        this.expectedHostNs = flip(this.expectedHostNs);
        this.sendingChain = false;
        this.command = concatBytes(this.command, block.inf);
        if (block.more) return this.send({ kind: 'R', nr: this.expectedHostNs, error: 'none' }, false);
        const apdu = this.command;
        this.command = new Uint8Array(0);
        this.pendingResponse = this.respond(apdu);
        return this.nextChunk();
      }
    }
  }

  private nextChunk(): Uint8Array {
    const chunk = this.pendingResponse.slice(0, this.ifsd);
    this.pendingResponse = this.pendingResponse.slice(chunk.length);
    const more = this.pendingResponse.length > 0;
    this.sendingChain = more;
    const out = this.send({ kind: 'I', ns: this.cardNs, more, inf: chunk }, true);
    this.cardNs = flip(this.cardNs);
    return out;
  }

  private send(block: T1Block, remember: boolean): Uint8Array {
    const bytes = encodeBlock(block, { edc: this.edc });
    if (remember) this.lastSent = bytes;
    return bytes;
  }
}
