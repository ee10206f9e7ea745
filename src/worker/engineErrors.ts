/** Error codes the engine itself raises (the card's own are in cards/mynumber/errors.ts). */
export type EngineErrorCode =
  /** A request that needs a card arrived with none connected. */
  | 'engine/not-connected'
  /** A parameter the protocol does not allow (an unknown PIN id). */
  | 'engine/bad-request'
  /** A method the protocol does not know. */
  | 'engine/unknown-request'
  /** One try is left and the request did not confirm spending it (docs/card-reference.md §10, §13.8). */
  | 'pin/confirm-last-try'
  /** The text given to `openTranscript` is not a transcript; the message names the line. */
  | 'transcript/invalid';

/** A failure of the engine's own, with plain details for the UI's catalog (house rule 9). */
export class EngineFailure extends Error {
  override readonly name = 'EngineFailure';

  constructor(
    readonly code: EngineErrorCode | string,
    message: string,
    readonly details: Readonly<Record<string, string | number | boolean>> = {},
  ) {
    super(message);
  }
}
