/**
 * What a card's answer means in context (house rule 4): the applet turns status words into
 * these, and the UI's error catalog has a message for every code.
 */
export type CardErrorCode =
  | 'card/applet-not-found'
  | 'card/not-my-number-card'
  | 'card/pin-required'
  | 'card/unexpected-status';

/** A card-level failure with a code the UI can explain. */
export class CardError extends Error {
  override readonly name = 'CardError';

  constructor(
    readonly code: CardErrorCode,
    message: string,
    readonly details: Readonly<Record<string, string | number | boolean>> = {},
  ) {
    super(message);
  }
}
