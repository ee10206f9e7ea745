import { TransportError } from '../../transport/TransportError';

/** Why the T=1 protocol gave up (ISO/IEC 7816-3:2006 §11.6.3.2 rules 7.4–7.5, §11.6.2.3 abort). */
export type T1FailureReason =
  /** S(RESYNCH request) went unanswered three times: the card must be reset. */
  | 'resynch-failed'
  /** The exchange kept failing after a successful resynchronisation. */
  | 'retries-exhausted'
  /** The card sent S(ABORT request) during a chain. */
  | 'aborted-by-card'
  /** S(IFS request) for IFSD went unanswered three times. */
  | 'ifs-negotiation-failed'
  /** The card kept asking for more time (S(WTX)) or a new IFSC without ever answering. */
  | 'card-stalled'
  /** The card chained more response bytes than the largest response APDU (65536 + SW1 SW2). */
  | 'response-too-long'
  /** The card chained more empty I-blocks ("more follows", no INF) than `T1_MAX_EMPTY_PIECES`. */
  | 'too-many-rounds';

/**
 * The T=1 block protocol could not deliver an APDU (ISO/IEC 7816-3:2006 §11.6.3). A
 * `TransportError` with code `transport/protocol`, so the engine and the UI handle it like any
 * other transport failure; `reason` says which rule ran out.
 */
export class T1ProtocolError extends TransportError {
  constructor(
    readonly reason: T1FailureReason,
    message: string,
  ) {
    super('transport/protocol', message, { reason });
  }
}
