/**
 * Every error code that crosses the worker boundary (house rule 9, 10), spelled out here so the
 * protocol imports nothing of the app. The layers below keep their own unions, each beside the
 * error class that throws it; `worker/errorCodeLayers.ts` has the compiler hold each of those equal
 * to its line here, so a code added below without its line here (or the other way) fails to compile.
 */

/** Error codes the engine itself raises (the card's own are in cards/mynumber/errors.ts). */
export type EngineErrorCode =
  /** Anything thrown that carries no code this build knows (worker/serializeError.ts): never a stack trace on screen. */
  | 'engine/internal'
  /** A request that needs a card arrived with none connected. */
  | 'engine/not-connected'
  /** A parameter the protocol does not allow (an unknown PIN id). */
  | 'engine/bad-request'
  /** A method the protocol does not know. */
  | 'engine/unknown-request'
  /** A reader report was asked for with no USB reader connected or tried since the last clear (issue 15 §5). */
  | 'engine/no-reader-report'
  /** The session a request belonged to was ended (Clear everything, Disconnect) before it could finish (issue 15 §3). */
  | 'engine/cancelled'
  /** The reader check was asked for with no USB reader in use (the simulator, a transcript, PC/SC). */
  | 'engine/not-a-reader'
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
  | 'transcript/chain-too-long'
  /** What a service sees (worker/services/): no authentication certificate to log in with, or one that does not decode. */
  | 'service/no-auth-certificate'
  | 'service/certificate-unreadable'
  /** Document signing (worker/services/signDocument.ts): no signature certificate, nothing to sign, too much to sign. */
  | 'sign/no-certificate'
  | 'sign/empty-document'
  | 'sign/too-large';

/**
 * Codes raised on the main thread, outside the engine: `EngineClient`/`EngineSupervisor` when the
 * worker stops, platform/ (Web Smart Card, Web NFC, the MynaLens bridge) and the UI's own guards.
 * protocol/ imports nothing of platform/, so they are named here; `ui/i18n/errorCodes.test.ts` checks
 * every code literal in src/ belongs to `ErrorCode`.
 */
export type MainThreadErrorCode =
  | 'engine/stopped'
  | 'engine/restarted'
  | 'smartcard/unavailable'
  | 'smartcard/not-allowed'
  | 'smartcard/failed'
  | 'nfc/unavailable'
  | 'nfc/not-allowed'
  | 'bridge/unreachable'
  | 'bridge/network-denied'
  | 'bridge/origin-refused'
  | 'bridge/not-paired'
  | 'bridge/wrong-token'
  | 'bridge/busy'
  | 'bridge/wrong-code'
  | 'bridge/code-retired'
  | 'bridge/lost';

/** The card client's codes (cards/mynumber/errors.ts `CardErrorCode`, docs/card-reference.md §2–§13). */
export type CardLayerErrorCode =
  | 'card/applet-not-found'
  | 'card/not-my-number-card'
  | 'card/wrong-pin'
  | 'card/pin-blocked'
  | 'card/pin-required'
  | 'card/file-not-found'
  | 'card/malformed-file'
  | 'card/extended-length-required'
  | 'card/unexpected-status';

/** A PIN of the wrong shape, refused before any APDU (cards/mynumber/pin.ts `PinFormatError`). */
export type PinFormatErrorCode = 'pin/format';

/** Failures while moving bytes (transport/TransportError.ts `TransportErrorCode`). */
export type TransportLayerErrorCode =
  | 'transport/closed'
  | 'transport/busy'
  | 'transport/device-lost'
  | 'transport/bridge-lost'
  | 'transport/card-removed'
  | 'transport/timeout'
  | 'transport/protocol'
  | 'transport/replay-mismatch'
  | 'transport/replay-exhausted'
  | 'transport/replay-not-recorded'
  | 'transport/replay-withheld';

/** Why a USB reader could not be used (usb/host/UsbAccessError.ts `UsbAccessErrorCode`). */
export type UsbAccessLayerErrorCode =
  | 'usb/unavailable'
  | 'usb/no-reader-chosen'
  | 'usb/protected-class'
  | 'usb/reader-busy'
  | 'usb/reader-busy-linux'
  | 'usb/reader-busy-windows'
  | 'usb/reader-busy-macos'
  | 'usb/access-denied'
  | 'usb/access-denied-linux'
  | 'usb/no-card'
  | 'usb/card-mute'
  | 'usb/card-protocol-unsupported'
  | 'usb/not-a-reader'
  | 'usb/reader-not-found';

/**
 * Coded errors of the layers below that their callers normally turn into a code above, kept here
 * because one that slips through still crosses the boundary with its own code (worker/serializeError.ts).
 */
export type LowerLayerErrorCode =
  /** bytes/MalformedDataError.ts */
  | 'data/malformed'
  /** apdu/StatusWordError.ts */
  | 'card/status-word'
  /** usb/ccid/slotErrors.ts `CcidCommandError` */
  | 'ccid/command-failed'
  /** worker/image/decodeJp2.ts `ImageDecodeError` */
  | 'image/decode-failed';

/**
 * A code this build does not know arrived across the boundary — a worker or page of another
 * version after an update: shown as such, with the code it carried in `details.code`.
 */
const UNKNOWN_ERROR_CODE = 'engine/unknown-error';

/**
 * Every error code MynaLens can show (house rule 9, 10): the UI's catalog is a
 * `Record<ErrorCode, …>`, so a code without a message in both languages fails to compile.
 */
export type ErrorCode =
  | EngineErrorCode
  | MainThreadErrorCode
  | CardLayerErrorCode
  | PinFormatErrorCode
  | TransportLayerErrorCode
  | UsbAccessLayerErrorCode
  | LowerLayerErrorCode
  | typeof UNKNOWN_ERROR_CODE;

/** Each code once, so the set is known at run time too; the compiler keeps it equal to `ErrorCode`. */
const EVERY_CODE: Record<ErrorCode, true> = {
  'engine/internal': true,
  'engine/not-connected': true,
  'engine/bad-request': true,
  'engine/unknown-request': true,
  'engine/no-reader-report': true,
  'engine/cancelled': true,
  'engine/not-a-reader': true,
  'engine/unknown-error': true,
  'engine/stopped': true,
  'engine/restarted': true,
  'pin/confirm-last-try': true,
  'pin/format': true,
  'transcript/invalid': true,
  'transcript/too-large': true,
  'transcript/line-too-long': true,
  'transcript/response-too-long': true,
  'transcript/chain-too-long': true,
  'service/no-auth-certificate': true,
  'service/certificate-unreadable': true,
  'sign/no-certificate': true,
  'sign/empty-document': true,
  'sign/too-large': true,
  'smartcard/unavailable': true,
  'smartcard/not-allowed': true,
  'smartcard/failed': true,
  'nfc/unavailable': true,
  'nfc/not-allowed': true,
  'bridge/unreachable': true,
  'bridge/network-denied': true,
  'bridge/origin-refused': true,
  'bridge/not-paired': true,
  'bridge/wrong-token': true,
  'bridge/busy': true,
  'bridge/wrong-code': true,
  'bridge/code-retired': true,
  'bridge/lost': true,
  'card/applet-not-found': true,
  'card/not-my-number-card': true,
  'card/wrong-pin': true,
  'card/pin-blocked': true,
  'card/pin-required': true,
  'card/file-not-found': true,
  'card/malformed-file': true,
  'card/extended-length-required': true,
  'card/unexpected-status': true,
  'card/status-word': true,
  'data/malformed': true,
  'ccid/command-failed': true,
  'image/decode-failed': true,
  'transport/closed': true,
  'transport/busy': true,
  'transport/device-lost': true,
  'transport/bridge-lost': true,
  'transport/card-removed': true,
  'transport/timeout': true,
  'transport/protocol': true,
  'transport/replay-mismatch': true,
  'transport/replay-exhausted': true,
  'transport/replay-not-recorded': true,
  'transport/replay-withheld': true,
  'usb/unavailable': true,
  'usb/no-reader-chosen': true,
  'usb/protected-class': true,
  'usb/reader-busy': true,
  'usb/reader-busy-linux': true,
  'usb/reader-busy-windows': true,
  'usb/reader-busy-macos': true,
  'usb/access-denied': true,
  'usb/access-denied-linux': true,
  'usb/no-card': true,
  'usb/card-mute': true,
  'usb/card-protocol-unsupported': true,
  'usb/not-a-reader': true,
  'usb/reader-not-found': true,
};

const KNOWN: ReadonlySet<string> = new Set(Object.keys(EVERY_CODE));

/** Every `ErrorCode`, for tests that walk the catalog. */
export const ERROR_CODES: readonly ErrorCode[] = [...KNOWN].filter(isErrorCode);

/** Whether a value from the other side of a boundary is a code this build knows. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && KNOWN.has(value);
}

/**
 * A code and details as they may arrive from another version: a known code passes unchanged; an
 * unknown string becomes `engine/unknown-error` with the original in `details.code`, so the message
 * says truthfully that this version has no description for it; anything else is `engine/internal`.
 */
export function knownErrorCode(
  code: unknown,
  details: Readonly<Record<string, string | number | boolean>> = {},
): { readonly code: ErrorCode; readonly details: Readonly<Record<string, string | number | boolean>> } {
  if (isErrorCode(code)) return { code, details };
  if (typeof code === 'string' && code !== '') return { code: UNKNOWN_ERROR_CODE, details: { ...details, code: code.slice(0, 80) } };
  return { code: 'engine/internal', details };
}
