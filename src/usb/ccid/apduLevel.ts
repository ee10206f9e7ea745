import { concatBytes } from '../../bytes';
import { TransportError } from '../../transport';
import type { CcidReply } from './replies';

/** ISO 7816-4 §5.1: the longest response APDU, 65 536 data bytes and SW1-SW2. */
const MAX_RESPONSE_LENGTH = 65_538;
/**
 * Empty DataBlocks in a row that still say "more follows" (bChainParameter 01/03/10). A reader
 * may open a chain with an empty piece, but one that never sends bytes makes no progress: after
 * this many the answer is refused instead of asked for again without end (issue 15 §3).
 */
const MAX_EMPTY_CHAINED_BLOCKS = 4;

/** How `exchangeAtApduLevel` reaches the reader. */
export interface ApduLevelLink {
  /** Data bytes one message carries: dwMaxCCIDMessageLength − 10. */
  readonly room: number;
  /** Short and extended APDU level (dwFeatures 0x40000): long commands may be chained. */
  readonly extended: boolean;
  /** One XfrBlock with this wLevelParameter, and its DataBlock. */
  readonly xfr: (data: Uint8Array, levelParameter: number) => Promise<CcidReply & { type: 'data-block' }>;
}

/**
 * CCID 1.1 §6.1.4 and §6.2.1 at APDU level: a command longer than one message goes in pieces
 * with wLevelParameter 01, 03…, 02 (the reader acknowledges each with bChainParameter 10); an
 * answer longer than one message comes back with bChainParameter 01, 03…, 02 (libccid also
 * reads 10 as "more"), each next piece asked for with an empty XfrBlock and wLevelParameter 10.
 * The whole answer is bounded by the largest extended response (65 536 data bytes + SW), and a
 * run of empty "more" pieces by `MAX_EMPTY_CHAINED_BLOCKS`.
 */
export async function exchangeAtApduLevel(apdu: Uint8Array, link: ApduLevelLink): Promise<Uint8Array> {
  const { room, xfr } = link;
  let reply: CcidReply & { type: 'data-block' };
  if (apdu.length <= room || !link.extended) {
    reply = await xfr(apdu, 0x00);
  } else {
    let offset = 0;
    for (;;) {
      const piece = apdu.slice(offset, offset + room);
      const first = offset === 0;
      offset += piece.length;
      const last = offset >= apdu.length;
      reply = await xfr(piece, first ? 0x01 : last ? 0x02 : 0x03);
      if (last) break;
      if (reply.chainParameter !== 0x10) throw new TransportError('transport/protocol', 'the reader did not ask for the rest of a chained command');
    }
  }
  const parts = [reply.data];
  let total = reply.data.length;
  let emptyInARow = reply.data.length === 0 ? 1 : 0;
  while (reply.chainParameter === 0x01 || reply.chainParameter === 0x03 || reply.chainParameter === 0x10) {
    if (emptyInARow > MAX_EMPTY_CHAINED_BLOCKS) {
      throw new TransportError('transport/protocol', `the reader sent ${emptyInARow} empty pieces of a chained answer in a row`);
    }
    reply = await xfr(new Uint8Array(0), 0x10);
    total += reply.data.length;
    if (total > MAX_RESPONSE_LENGTH) throw new TransportError('transport/protocol', `a chained answer ran past ${MAX_RESPONSE_LENGTH} bytes`);
    emptyInARow = reply.data.length === 0 ? emptyInARow + 1 : 0;
    parts.push(reply.data);
  }
  if (reply.chainParameter !== 0x00 && reply.chainParameter !== 0x02) {
    throw new TransportError('transport/protocol', `unexpected bChainParameter ${reply.chainParameter}`);
  }
  return concatBytes(...parts);
}
