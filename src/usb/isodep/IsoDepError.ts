import { TransportError } from '../../transport/TransportError';

/** Why the ISO-DEP block protocol gave up (ISO/IEC 14443-4:2008 §7.5.4–§7.5.6). */
export type IsoDepFailureReason =
  /** No frame came back at all, however often we asked: the card has left the field. */
  | 'no-response'
  /** Frames came back but stayed broken or out of order after every retransmission. */
  | 'retries-exhausted'
  /** The card kept sending S(WTX) without ever answering. */
  | 'card-stalled'
  /** The card chained more response bytes than the largest response APDU (65536 + SW1 SW2). */
  | 'response-too-long'
  /** One APDU took more frames than any honest exchange needs (empty chained I-blocks, for one). */
  | 'too-many-rounds';

/**
 * The ISO-DEP protocol could not deliver an APDU. A lost card becomes `transport/card-removed`
 * (over the air, a card lifted away is exactly a card that stops answering); every other reason
 * is `transport/protocol`. `reason` says which rule ran out.
 */
export class IsoDepError extends TransportError {
  constructor(
    readonly reason: IsoDepFailureReason,
    message: string,
  ) {
    super(reason === 'no-response' ? 'transport/card-removed' : 'transport/protocol', message, { reason });
  }
}
