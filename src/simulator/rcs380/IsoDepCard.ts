/**
 * The card's half of ISO/IEC 14443-4:2008 §7 (PICC rules), in front of an APDU responder. Written
 * from the standard's card-side rules, apart from the host's IsoDepProtocol:
 *   rule C  the card's block number starts at 1;
 *   rule D  an I-block received toggles it before the card sends anything;
 *   rule E  an R(ACK) with another number toggles it;
 *   rule 10 an R-block with the card's number: send the last block again;
 *   rule 11 an R(NAK) with another number: answer R(ACK);
 *   rule 12 an R(ACK) with another number while chaining: send the next piece;
 *   §7.5.4  an invalid block gets no answer at all.
 * Frames here carry no CRC_B (TypeBCard adds and checks it).
 */
export interface IsoDepCardOptions {
  /** Largest frame the reader accepts (FSD from ATTRIB) and the card's own FSC: it sends no larger. */
  readonly fsd: number;
  readonly fsc: number;
  readonly respond: (apdu: Uint8Array) => Uint8Array;
}

export class IsoDepCard {
  private blockNumber = 1;
  private lastSent: number[] | null = null;
  private readonly command: number[] = [];
  private answer: number[] = [];
  private wtxBeforeAnswer: number[] = [];
  private awaitingWtxResponse = false;
  /** Set by S(DESELECT): the card goes to HALT. */
  deselected = false;
  /** For tests: until the reader's next I-block, every R(NAK) is answered with the card's last I-block (`missAcknowledgement`). */
  private retransmitOnNak = false;

  constructor(private readonly options: IsoDepCardOptions) {}

  /** S(WTX) requests (WTXM each) to send before the next answer to a whole command. */
  askForTimeBeforeNextAnswer(multipliers: readonly number[]): void {
    this.wtxBeforeAnswer.push(...multipliers);
  }

  /** True while the card has more of a chained answer to send. */
  get chaining(): boolean {
    return this.answer.length > 0;
  }

  /** One block from the reader; the block to send back, or null to stay silent. */
  receive(block: readonly number[]): number[] | null {
    const pcb = block[0];
    if (pcb === undefined) return null;
    if ((pcb & 0xe2) === 0x02 && (pcb & 0x0c) === 0) return this.onIBlock(pcb, block.slice(1));
    if ((pcb & 0xee) === 0xa2 && block.length === 1) return this.onRBlock((pcb & 1) as 0 | 1, (pcb & 0x10) === 0);
    if (pcb === 0xc2 && block.length === 1) {
      this.deselected = true;
      return [0xc2];
    }
    if (pcb === 0xf2 && block.length === 2 && this.awaitingWtxResponse) {
      this.awaitingWtxResponse = false;
      return this.sendAnswerOrWtx();
    }
    return null;
  }

  private onIBlock(pcb: number, inf: number[]): number[] {
    this.retransmitOnNak = false;
    this.blockNumber ^= 1; // rule D
    this.command.push(...inf);
    if ((pcb & 0x10) !== 0) return this.send([0xa2 | this.blockNumber]); // the reader chains: acknowledge
    const apdu = Uint8Array.from(this.command.splice(0));
    this.answer = Array.from(this.options.respond(apdu));
    return this.sendAnswerOrWtx();
  }

  /**
   * Behaves from now on, until the reader's next I-block, like a card that missed the reader's last
   * acknowledgement: every R(NAK) gets its last I-block again instead of R(ACK) (ISO/IEC 14443-4
   * §7.5.4.2 rule 10 seen from a card one block behind). The reader's presence check must count that
   * as "present".
   */
  missAcknowledgement(): void {
    this.retransmitOnNak = true;
  }

  private onRBlock(number: 0 | 1, ack: boolean): number[] | null {
    if (!ack && this.retransmitOnNak && this.lastSent && (this.lastSent[0]! & 0xe2) === 0x02) {
      return [...this.lastSent];
    }
    if (number === this.blockNumber) return this.lastSent ? [...this.lastSent] : null; // rule 10
    if (!ack) return [0xa2 | this.blockNumber]; // rule 11
    if (!this.chaining) return null;
    this.blockNumber ^= 1; // rules E and 12
    return this.sendNextPiece();
  }

  private sendAnswerOrWtx(): number[] {
    const wtxm = this.wtxBeforeAnswer.shift();
    if (wtxm !== undefined) {
      this.awaitingWtxResponse = true;
      return this.send([0xf2, wtxm]);
    }
    return this.sendNextPiece();
  }

  private sendNextPiece(): number[] {
    const room = Math.min(this.options.fsd, this.options.fsc) - 3; // PCB and CRC_B
    const piece = this.answer.splice(0, room);
    return this.send([0x02 | (this.chaining ? 0x10 : 0) | this.blockNumber, ...piece]);
  }

  private send(block: number[]): number[] {
    this.lastSent = block;
    return block;
  }
}
