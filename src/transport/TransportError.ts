/**
 * Why a transport could not move bytes. The `code` is what the engine and the UI act on; every
 * code has a message in the UI's error catalog saying what the person can do next.
 */
export type TransportErrorCode =
  /** `transmit` after `close()`. */
  | 'transport/closed'
  /** A second `transmit` while one is still under way: the engine must serialise card access. */
  | 'transport/busy'
  /** The reader went away (unplugged, USB reset). */
  | 'transport/device-lost'
  /** The local MynaLens bridge that held the reader stopped (bridge/, `npm run bridge`). */
  | 'transport/bridge-lost'
  /** The card was taken out of the reader or the field. */
  | 'transport/card-removed'
  /** The reader or card did not answer in time. */
  | 'transport/timeout'
  /** The reader answered with something the protocol does not allow. */
  | 'transport/protocol'
  /** A replayed session got a command other than the one recorded. */
  | 'transport/replay-mismatch'
  /** A replayed session was asked for more commands than were recorded. */
  | 'transport/replay-exhausted'
  /** A replayed transcript holds no answer to this command in the card's present state (applet, EF, PINs). */
  | 'transport/replay-not-recorded'
  /** A redacted transcript recorded this exchange but withheld its answer (a PIN-protected file). */
  | 'transport/replay-withheld';

/** A failure to move bytes to or from the card, as opposed to a card's status word. */
export class TransportError extends Error {
  override readonly name = 'TransportError';

  constructor(
    readonly code: TransportErrorCode,
    message: string,
    /** Plain data that helps a developer (expected vs actual bytes, timeouts). */
    readonly details: Readonly<Record<string, string | number | boolean>> = {},
  ) {
    super(message);
  }
}
