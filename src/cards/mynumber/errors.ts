import { hex16, type MalformedDataError } from '../../bytes';
import type { StatusWordError } from '../../apdu';

/**
 * What a card's answer means in context (house rule 4, docs/card-reference.md §4): the applet turns
 * status words into these, and the UI's error catalog has a message for every code.
 */
export type CardErrorCode =
  /** SELECT of the applet's AID answered 6A82 (§2). */
  | 'card/applet-not-found'
  /** The JPKI token label is not a My Number Card's (§6.3). */
  | 'card/not-my-number-card'
  /** VERIFY failed with tries left (63Cx, x > 0). */
  | 'card/wrong-pin'
  /** VERIFY used up the last try (63C0) or the key is already blocked (6984, ISO 6983). */
  | 'card/pin-blocked'
  /** READ or signing refused with 6982: a PIN must be verified first (§5). */
  | 'card/pin-required'
  /** SELECT EF answered 6A82 (§2). */
  | 'card/file-not-found'
  /** The file's bytes do not have the shape the card reference describes (§6–§11). */
  | 'card/malformed-file'
  /** A GET DATA object needs extended length but the reader passes short APDUs only (§3, §9.4). */
  | 'card/extended-length-required'
  /** Any other status word where the card reference expects 9000. */
  | 'card/unexpected-status';

/** A card-level failure with a code the UI can explain; details are plain data (house rule 9). */
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

/** 63Cx with x > 0 after VERIFY (docs/card-reference.md §4): wrong value, `triesLeft` remain. */
export function wrongPin(pinId: string, triesLeft: number): CardError {
  return new CardError('card/wrong-pin', `${pinId}: wrong value, ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left`, {
    pinId,
    triesLeft,
  });
}

/** 63C0 or 6984 after VERIFY (docs/card-reference.md §4, §13.8): only the municipality can unblock it (§10). */
export function pinBlocked(pinId: string): CardError {
  return new CardError('card/pin-blocked', `${pinId}: blocked`, { pinId, triesLeft: 0 });
}

/**
 * 6982 on READ BINARY / READ RECORD / signing (docs/card-reference.md §4, §5): names the file and the
 * credentials that would open it (a comma-separated list, as details stay plain values).
 */
export function pinRequired(file: string, openedBy: readonly string[]): CardError {
  const by = openedBy.length > 0 ? openedBy.join(',') : 'none';
  return new CardError('card/pin-required', `${file}: a PIN must be verified first (opened by: ${by})`, { file, openedBy: by });
}

/** 6A82 on SELECT of an applet (docs/card-reference.md §2). */
export function appletNotFound(applet: string, label: string): CardError {
  return new CardError('card/applet-not-found', `the card has no ${label}`, { applet });
}

/** 6A82 on SELECT EF (docs/card-reference.md §2). */
export function fileNotFound(file: string): CardError {
  return new CardError('card/file-not-found', `${file}: no such file on this card`, { file });
}

/** Bad card data, keeping the exact place from the decoder's `MalformedDataError` (house rule 3). */
export function malformedFile(error: MalformedDataError): CardError {
  return new CardError('card/malformed-file', error.message, { file: error.source, offset: error.offset, reason: error.reason });
}

/** A status word the context does not expect (docs/card-reference.md §4). */
export function unexpectedStatus(error: StatusWordError, context: string): CardError {
  return new CardError('card/unexpected-status', `${context}: ${error.message}`, { sw: hex16(error.sw), command: error.header, context });
}

/** A large GET DATA object (6700 on short Le) over a reader without extended APDUs (docs/card-reference.md §3, §9.4). */
export function extendedLengthRequired(object: string): CardError {
  return new CardError('card/extended-length-required', `${object}: needs an extended-length APDU, which this reader does not pass`, {
    object,
  });
}
