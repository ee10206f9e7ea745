import type { SerializedError } from './protocol';

/** Error codes the engine itself raises (the card's own are in cards/mynumber/errors.ts). */
export type EngineErrorCode =
  /** A request that needs a card arrived with none connected. */
  | 'engine/not-connected'
  /** A parameter the protocol does not allow (an unknown PIN id). */
  | 'engine/bad-request'
  /** A reader report was asked for with no USB reader connected or tried since the last clear (issue 15 §5). */
  | 'engine/no-reader-report'
  /** The session a request belonged to was ended (Clear everything, Disconnect) before it could finish (issue 15 §3). */
  | 'engine/cancelled'
  /** A method the protocol does not know. */
  | 'engine/unknown-request'
  /** One try is left and the request did not confirm spending it (docs/card-reference.md §10, §13.8). */
  | 'pin/confirm-last-try'
  /** The text given to `openTranscript` is not a transcript; the message names the line. */
  | 'transcript/invalid'
  /** The transcript file is over the size cap (worker/transcriptLimits.ts); it was not read. */
  | 'transcript/too-large'
  /** A line of the transcript is longer than any real one can be. */
  | 'transcript/line-too-long'
  /** A recorded response is longer than a card can answer one command. */
  | 'transcript/response-too-long'
  /** A recorded 61xx / GET RESPONSE chain runs past the caps `ApduChannel` applies live. */
  | 'transcript/chain-too-long';

/**
 * The one engine error type, on both sides of the worker boundary (house rule 9): the engine throws
 * it for failures of its own, and `EngineClient` rejects with it, rebuilt from the serialised
 * `{ code, message, details }` — so a caller sees the same `code` and `details` wherever it caught it.
 */
export class EngineFailure extends Error {
  override readonly name = 'EngineFailure';

  constructor(
    readonly code: EngineErrorCode | string,
    message: string,
    readonly details: Readonly<Record<string, string | number | boolean>> = {},
  ) {
    super(message);
  }

  /** Rebuilds the error that crossed the boundary as plain data. */
  static fromSerialized(error: SerializedError): EngineFailure {
    return new EngineFailure(error.code, error.message, error.details ?? {});
  }
}
