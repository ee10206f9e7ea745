import { concatBytes } from '../../bytes';
import { TransportError } from '../../transport';

/**
 * CCID 1.1 §6.1.4, PC_to_RDR_XfrBlock at extended APDU level: wLevelParameter says where the
 * message's abData sits in the command APDU, or asks for the rest of the response APDU.
 */
export const LevelParameter = {
  /** The command APDU begins and ends with this message. */
  whole: 0x0000,
  /** The command APDU begins with this message and continues in the next XfrBlock. */
  begins: 0x0001,
  /** abData continues the command APDU and ends it. */
  ends: 0x0002,
  /** abData continues the command APDU and another block follows. */
  continues: 0x0003,
  /** abData is empty: the reader is to send the next part of the response APDU. */
  nextResponsePart: 0x0010,
} as const;

/** CCID 1.1 §6.2.1, RDR_to_PC_DataBlock: bChainParameter, the same code points answered. */
export const ChainParameter = {
  whole: 0x00,
  begins: 0x01,
  ends: 0x02,
  continues: 0x03,
  /** abData is empty: the reader waits for the next part of the command APDU. */
  nextCommandPart: 0x10,
} as const;

/** One XfrBlock's abData and wLevelParameter. */
export interface CommandPart {
  readonly data: Uint8Array;
  readonly levelParameter: number;
}

/** ISO 7816-4 §5.1: the longest response APDU, 65 536 data bytes and SW1-SW2. */
export const MAX_RESPONSE_LENGTH = 65_538;

/**
 * Empty parts in a row that still say "more follows". A reader may open a chain with an empty part,
 * but one that never sends bytes makes no progress: after this many the answer is refused instead of
 * asked for again without end (issue 15 §3).
 */
export const MAX_EMPTY_PARTS = 4;

/**
 * CCID 1.1 §6.1.4: the XfrBlocks that carry `apdu`. At extended APDU level a command longer than
 * `room` (dwMaxCCIDMessageLength − 10, the most abData one message may hold) is cut into parts of
 * `room` bytes, the first 0001, the middle ones 0003, the last 0002; anything else goes whole (0000).
 * At short APDU level wLevelParameter is RFU and the APDU goes whole.
 */
export function commandParts(apdu: Uint8Array, room: number, extended: boolean): CommandPart[] {
  if (!extended || apdu.length <= room) return [{ data: apdu.slice(), levelParameter: LevelParameter.whole }];
  if (!Number.isInteger(room) || room < 1) throw new RangeError(`a message with room for ${room} data bytes cannot carry a chained command`);
  const parts: CommandPart[] = [];
  for (let offset = 0; offset < apdu.length; offset += room) {
    const first = offset === 0;
    const last = offset + room >= apdu.length;
    const levelParameter = first ? LevelParameter.begins : last ? LevelParameter.ends : LevelParameter.continues;
    parts.push({ data: apdu.slice(offset, offset + room), levelParameter });
  }
  return parts;
}

/**
 * CCID 1.1 §6.2.1: after each part of a chained command but the last, the reader answers with an
 * empty DataBlock whose bChainParameter should be 10 ("send the next part"). What decides is that
 * the block is empty: libccid (`CmdXfrBlockAPDU_extended`) reads that block without looking at its
 * bChainParameter and fails only when it carries data, so a reader that says 00 there works with
 * the OS's own driver and must work with ours. A block with data means the reader answered a
 * command it had only part of: the exchange ends.
 */
export function requireNextCommandPartAsked(reply: { readonly data: Uint8Array; readonly chainParameter: number }): void {
  if (reply.data.length > 0) {
    throw new TransportError(
      'transport/protocol',
      `the reader answered ${reply.data.length} bytes (bChainParameter ${reply.chainParameter}) before it had the whole chained command`,
    );
  }
}

/**
 * CCID 1.1 §6.2.1: a response APDU gathered from DataBlocks. bChainParameter 00 or 02 ends it;
 * 01 or 03 says more follows, and so does 10 (libccid `CmdXfrBlockAPDU_extended` reads it so too);
 * for each "more" the host sends an empty XfrBlock with wLevelParameter 0010. Any other value is
 * refused, as are an answer longer than `MAX_RESPONSE_LENGTH` and more than `MAX_EMPTY_PARTS` empty
 * "more" parts in a row.
 */
export class ResponseChain {
  private readonly parts: Uint8Array[] = [];
  private total = 0;
  private emptyInARow = 0;
  private finished = false;

  /** Takes one DataBlock's abData and bChainParameter: 'more' when the next part must be asked for. */
  accept(data: Uint8Array, chainParameter: number): 'more' | 'done' {
    if (this.finished) throw new Error('the response APDU is already complete');
    this.total += data.length;
    if (this.total > MAX_RESPONSE_LENGTH) throw new TransportError('transport/protocol', `a chained answer ran past ${MAX_RESPONSE_LENGTH} bytes`);
    this.parts.push(data.slice());
    this.emptyInARow = data.length === 0 ? this.emptyInARow + 1 : 0;
    switch (chainParameter) {
      case ChainParameter.whole:
      case ChainParameter.ends:
        this.finished = true;
        return 'done';
      case ChainParameter.begins:
      case ChainParameter.continues:
      case ChainParameter.nextCommandPart:
        if (this.emptyInARow > MAX_EMPTY_PARTS) {
          throw new TransportError('transport/protocol', `the reader sent ${this.emptyInARow} empty pieces of a chained answer in a row`);
        }
        return 'more';
      default:
        throw new TransportError('transport/protocol', `unexpected bChainParameter ${chainParameter}`);
    }
  }

  /** The whole response APDU; only once a part said it ends. */
  get response(): Uint8Array {
    if (!this.finished) throw new Error('the response APDU is not complete yet');
    return concatBytes(...this.parts);
  }
}
