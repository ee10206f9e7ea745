/**
 * The one contract between the UI thread and the engine worker (house rule 9). Plain data only:
 * no class instances, functions or live objects cross it. Requests carry an id; each gets one
 * response with a result or a `SerializedError`; events flow separately.
 */

/** An error as it crosses the worker boundary. `code` keys the UI's message catalog. */
export interface SerializedError {
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

/** Which simulated holder's card to present. */
export type SimulatorHolderId = 'adult' | 'child';

/** What the engine is connected to. */
export interface ConnectionInfo {
  readonly kind: string;
  /** The ATR as hex. */
  readonly atr: string;
  readonly extendedLength: boolean;
}

/** Result of the card check (card reference §13.1). */
export interface CardIdentity {
  readonly tokenLabel: string;
  readonly isMyNumberCard: boolean;
}

/** One row of the APDU log as the UI shows it; PIN bytes are already `**`. */
export interface ApduLogRow {
  readonly seq: number;
  /** "SELECT JPKI AP", "READ BINARY @0000", … */
  readonly name: string;
  /** Command hex, redacted bytes as `**`. */
  readonly command: string;
  /** Response data hex (without the status word); empty when none. */
  readonly responseData: string;
  /** Status word as 4 hex digits, or null when the exchange failed. */
  readonly sw: string | null;
  readonly swMeaning: string;
  readonly sensitive: boolean;
  readonly elapsedMs: number;
  readonly errorCode?: string;
}

/** The applets of the exposure matrix, plus the card-level GET DATA objects (card reference §9.4). */
export type AppletKey = 'jpki' | 'text' | 'visual' | 'common' | 'juki' | 'cardLevel';

/** Every credential of card reference §10, by the same names the card client uses. */
export type PinKey =
  | 'jpkiAuth'
  | 'jpkiSign'
  | 'textPin'
  | 'textPinA'
  | 'textPinB'
  | 'visualBirth'
  | 'visualPinA'
  | 'visualPinB'
  | 'commonPin'
  | 'jukiPin';

/** A PIN's format as the UI needs it to validate while the person types (mirrors cards/mynumber/pin.ts). */
export type PinFormatView =
  | { readonly kind: 'digits'; readonly length: number }
  | { readonly kind: 'alphanumeric'; readonly minLength: number; readonly maxLength: number; readonly needsLetter: boolean; readonly needsDigit: boolean };

/** One credential's state, read with the empty VERIFY that spends nothing (card reference §2). */
export interface PinStateView {
  readonly pinId: PinKey;
  readonly applet: AppletKey;
  readonly name: string;
  readonly nameJa: string;
  readonly format: PinFormatView;
  readonly maxTries: number;
  /** null until probed. */
  readonly triesLeft: number | null;
  readonly blocked: boolean;
  /** Verified in this session (the card forgets on DF re-selection; the engine remembers which files it opened). */
  readonly verified: boolean;
}

/** Who may read a file, as declared by the card reference (cards/mynumber/exposure.ts). */
export type AccessView =
  | { readonly kind: 'free' }
  | { readonly kind: 'pin'; readonly anyOf: readonly PinKey[] }
  | { readonly kind: 'never' }
  | { readonly kind: 'internal' }
  | { readonly kind: 'unknown' };

/** A decoded field. `myNumber` values are masked by the UI until revealed; `linkable` marks an identifier services can store and link (the certificate serial). */
export interface FieldView {
  readonly label: string;
  readonly labelJa: string;
  readonly value: string;
  readonly kind: 'text' | 'date' | 'hex' | 'myNumber' | 'number';
  readonly linkable?: boolean;
}

/** A decoded image (face photo, name/address/security-code/My Number images), as PNG. */
export interface ImageView {
  readonly label: string;
  readonly labelJa: string;
  /** `data:image/png;base64,…` */
  readonly dataUrl: string;
  readonly width: number;
  readonly height: number;
}

/** A file's content: raw bytes always, decoded view when the decoder succeeded. */
export interface FileContentView {
  readonly rawHex: string;
  readonly byteLength: number;
  readonly title: string;
  readonly titleJa: string;
  readonly fields: readonly FieldView[];
  readonly images: readonly ImageView[];
  /** DER of a certificate, base64, for PEM/DER export. */
  readonly certificateDerBase64?: string;
  /** Why decoding failed (the raw bytes are still shown): code `card/malformed-file`, file and offset. */
  readonly decodeError?: SerializedError;
}

/** What happened when the engine last tried to read a row. */
export type ReadStatus = 'not-read' | 'read' | 'locked' | 'absent' | 'error';

/** One row of the exposure matrix: a file of an applet, or a card-level object. */
export interface ExposureRowView {
  /** `jpki/000A`, `cardLevel/0045`. */
  readonly key: string;
  readonly applet: AppletKey;
  /** Four hex digits. */
  readonly fileId: string;
  readonly name: string;
  readonly nameJa: string;
  readonly access: AccessView;
  readonly containsMyNumber: boolean;
  /** Holder facts this file gives away ('name', 'address', 'birthDate', 'myNumber', …). */
  readonly reveals: readonly string[];
  readonly specSection: string;
  readonly note?: string;
  readonly status: ReadStatus;
  /** The credential in force when it was read: 'none' for the no-PIN scan. */
  readonly readWith: PinKey | 'none' | null;
  readonly errorCode?: string;
  readonly content?: FileContentView;
}

/** Simulator card states a person can pick on the start screen (tries left per PIN). */
export type SimulatorCardState = Readonly<Partial<Record<PinKey, number>>>;

/** The engine's methods: request parameters and result types by name. */
export interface EngineMethods {
  connectSimulator: {
    params: { holder: SimulatorHolderId; extendedLength?: boolean; triesLeft?: SimulatorCardState };
    result: ConnectionInfo;
  };
  /** Opens an exported transcript as a replayed card. */
  openTranscript: { params: { text: string }; result: ConnectionInfo };
  identifyCard: { params: Record<string, never>; result: CardIdentity };
  /** Reads everything readable with no PIN and probes every PIN's tries left; emits progress and rows. */
  scan: { params: Record<string, never>; result: { rows: readonly ExposureRowView[]; pins: readonly PinStateView[] } };
  /** Tries left of every PIN, spending nothing. */
  pinStatus: { params: Record<string, never>; result: readonly PinStateView[] };
  /**
   * Verifies one PIN, then reads every file it opens in the same DF session. The format is
   * checked before any APDU (error `pin/format`); a blocked PIN is never sent (`card/pin-blocked`);
   * with one try left the engine refuses unless `confirmLastTry` (`pin/confirm-last-try`).
   */
  verifyPin: {
    params: { pinId: PinKey; pin: string; confirmLastTry?: boolean };
    result: { pins: readonly PinStateView[]; opened: readonly ExposureRowView[] };
  };
  /** The session's APDU log as a transcript (`=>`/`<=`, PIN bytes as `**`). */
  exportTranscript: { params: Record<string, never>; result: { text: string } };
  /** Forgets all card data and the log, and disconnects. */
  clear: { params: Record<string, never>; result: null };
  disconnect: { params: Record<string, never>; result: null };
}

export type EngineMethod = keyof EngineMethods;

export interface RequestMessage<M extends EngineMethod = EngineMethod> {
  readonly kind: 'request';
  readonly id: number;
  readonly method: M;
  readonly params: EngineMethods[M]['params'];
}

export type ResponseMessage =
  | { readonly kind: 'response'; readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly kind: 'response'; readonly id: number; readonly ok: false; readonly error: SerializedError };

/** Things the engine reports without being asked. */
export type EngineEvent =
  | { readonly type: 'apdu'; readonly row: ApduLogRow }
  | { readonly type: 'connection'; readonly connected: boolean; readonly info: ConnectionInfo | null; readonly reason?: SerializedError }
  | { readonly type: 'progress'; readonly done: number; readonly total: number; readonly current: string }
  | { readonly type: 'row'; readonly row: ExposureRowView }
  | { readonly type: 'pins'; readonly pins: readonly PinStateView[] }
  | { readonly type: 'ready' }
  /**
   * Raised on the main thread by `EngineSupervisor`, never by the engine: the worker crashed or
   * stopped answering and a fresh one replaced it. Everything the old one knew is gone.
   */
  | { readonly type: 'restarted'; readonly reason: SerializedError };

export interface EventMessage {
  readonly kind: 'event';
  readonly event: EngineEvent;
}

/**
 * The supervisor's heartbeat: the engine answers a ping at once, outside the request queue, so a
 * long scan does not look like a dead worker; a worker that stops answering pings is replaced.
 */
export interface PingMessage {
  readonly kind: 'ping';
  readonly id: number;
}

export interface PongMessage {
  readonly kind: 'pong';
  readonly id: number;
}

export type WorkerMessage = ResponseMessage | EventMessage | PongMessage;

/**
 * What both ends need of a message port: a `Worker`, a worker's `self`, or a `MessagePort` in
 * tests, so the engine and client run in one realm under Vitest.
 */
export interface Endpoint {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
