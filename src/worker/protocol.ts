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

/** The engine's methods: request parameters and result types by name. */
export interface EngineMethods {
  connectSimulator: { params: { holder: SimulatorHolderId; extendedLength?: boolean }; result: ConnectionInfo };
  identifyCard: { params: Record<string, never>; result: CardIdentity };
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
  | { readonly type: 'ready' };

export interface EventMessage {
  readonly kind: 'event';
  readonly event: EngineEvent;
}

export type WorkerMessage = ResponseMessage | EventMessage;

/**
 * What both ends need of a message port: a `Worker`, a worker's `self`, or a `MessagePort` in
 * tests, so the engine and client run in one realm under Vitest.
 */
export interface Endpoint {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
