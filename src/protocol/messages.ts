/**
 * The engine's methods and the messages that carry them (house rule 9). Requests carry an id; each
 * gets one response with a result or a `SerializedError`; events flow separately.
 */

import type { ApduLogRow } from './apduLog';
import type {
  AddressingView,
  CardIdentity,
  ConnectionInfo,
  SimulatorCardState,
  SimulatorHolderId,
  SimulatorPersonalityId,
  TranscriptKind,
  TranscriptSource,
} from './connection';
import type { ExposureRowView, ScanStep } from './exposure';
import type { PinKey, PinStateView } from './pins';
import type { ReaderCheckView, ReaderView } from './readers';
import type { SerializedError } from './serializedError';
import type {
  CardDataCheckView,
  CertificateCheckView,
  DocumentSignatureView,
  NoPinReadView,
  ServiceLoginView,
} from './services';

/** What a scan's answer says beyond its events: the command forms the card took. */
export interface ScanSummary {
  readonly addressing: AddressingView;
}

/**
 * What an accepted PIN's answer says beyond its events (the PIN states and the rows it opened,
 * each sent as an event when it changed): which rows it opened, by key (`text/0001`).
 */
export interface PinOpenedSummary {
  readonly openedKeys: readonly string[];
  readonly addressing: AddressingView;
}

/**
 * What the rehearsal's last scan would have shown, had its card been anyone's: its connection and
 * its events. The card is the simulator's, made for the rehearsal — no person's data — and the
 * page draws it once, off the page, so its views too are warm before the person's first scan
 * (ui/rehearsalDrawing.tsx). It never enters the person's session.
 */
export interface RehearsalSample {
  readonly holder: SimulatorHolderId;
  readonly connection: ConnectionInfo;
  readonly events: readonly EngineEvent[];
}

/** The engine's methods: request parameters and result types by name. */
export interface EngineMethods {
  /**
   * Brings in, off the path anyone waits on, what a scan will need (worker/warmUp.ts): asked when the
   * person turns to a way in, with `simulator` when to the simulator. Answered at once, out of turn;
   * the loads go on behind it. With `rehearse` (asked once, while the start screen is idle) the
   * engine also runs silent scans of a simulated card of its own (`simulator`'s, else the adult's),
   * and answers when they are done, with what the last one would have shown (`RehearsalSample`).
   */
  warmUp: { params: { simulator?: SimulatorHolderId; rehearse?: boolean }; result: RehearsalSample | null };
  connectSimulator: {
    params: { holder: SimulatorHolderId; extendedLength?: boolean; triesLeft?: SimulatorCardState; personality?: SimulatorPersonalityId };
    result: ConnectionInfo;
  };
  /** USB readers this origin was granted; `unrestricted` says whether class-0x0B interfaces may be claimed here. */
  listReaders: { params: { unrestricted: boolean }; result: readonly ReaderView[] };
  /**
   * Opens a granted reader and powers the card. Reconnecting the reader of the previous session
   * keeps the rows read so far (a rescan continues); another reader starts afresh.
   */
  connectReader: { params: { readerId: string; unrestricted: boolean }; result: ConnectionInfo };
  /** The connected reader's descriptor, ATR and exchange level (`engine/not-a-reader` for the simulator). */
  readerCheck: { params: Record<string, never>; result: ReaderCheckView };
  /**
   * The reader report of the last USB reader connection or failed attempt (issue 15 §5): JSON text
   * with the reader's descriptors, start-up steps, ATR or ATQB, what was negotiated and the APDU
   * exchange with nothing personal in it (worker/readerReport/); `engine/no-reader-report` without one.
   */
  readerReport: { params: Record<string, never>; result: { text: string; fileName: string } };
  /**
   * Takes a card the main thread connected through the Web Smart Card API: APDUs travel over
   * `port` (the one non-plain value in this file: a MessagePort, transferred, never copied).
   */
  connectSmartCard: {
    params: { port: MessagePort; readerName: string; atr: string; extendedLength: boolean };
    result: ConnectionInfo;
  };
  /**
   * Opens an exported transcript as a replayed card. The UI sends the chosen `File` itself (a
   * structured clone, cheap): the worker checks its size before reading it (worker/transcriptLimits.ts).
   * `fileName` names it on the connection line and in refusals.
   */
  openTranscript: { params: TranscriptSource; result: ConnectionInfo };
  identifyCard: { params: Record<string, never>; result: CardIdentity };
  /**
   * Reads everything readable with no PIN and probes every PIN's tries left. Rows, PIN states and
   * progress come as events while it runs, each row and PIN state once per change; the answer
   * (after them) is only a summary, so none crosses the worker boundary twice.
   */
  scan: { params: Record<string, never>; result: ScanSummary };
  /** Tries left of every PIN, spending nothing: the states that changed come as a `pins` event. */
  pinStatus: { params: Record<string, never>; result: null };
  /**
   * Verifies one PIN, then reads every file it opens in the same DF session. The format is
   * checked before any APDU (error `pin/format`); a blocked PIN is never sent (`card/pin-blocked`);
   * with one try left the engine refuses unless `confirmLastTry` (`pin/confirm-last-try`).
   */
  verifyPin: {
    params: { pinId: PinKey; pin: string; confirmLastTry?: boolean };
    result: PinOpenedSummary;
  };
  /**
   * The session's APDU log as a transcript (`=>`/`<=`, every VERIFY body as `** PIN hidden **`);
   * `redacted` withholds every answer given while a PIN was verified (`--` per byte).
   */
  exportTranscript: { params: { kind?: TranscriptKind }; result: { text: string } };
  /**
   * Plays a service's login (利用者証明, docs/card-reference.md §6.5, §13.4): a random challenge, the
   * auth PIN with every rule of `verifyPin`, the card's signature, WebCrypto verification against
   * the authentication certificate, and what the service records.
   */
  serviceLogin: { params: { pin: string; confirmLastTry?: boolean }; result: ServiceLoginView };
  /** Reads the authentication certificate with no PIN and returns exactly the APDUs that did it (§13.3). */
  readAuthCertificate: { params: Record<string, never>; result: NoPinReadView };
  /**
   * Signs a document with the signature key (署名, §6.5) after the signature password (same
   * rules as `verifyPin`) and returns a detached CMS signature and what travels with it.
   */
  signDocument: { params: { contentBase64: string; pin: string; confirmLastTry?: boolean }; result: DocumentSignatureView };
  /** Checks the JPKI certificates against the bundled CAs and the CA stored on the card (§12). */
  checkCertificates: { params: Record<string, never>; result: { readonly checkedAt: string; readonly certificates: readonly CertificateCheckView[] } };
  /** Checks the text AP integrity record and the visual AP card face signature (§7.4, §8.2). */
  checkCardData: { params: Record<string, never>; result: { readonly checks: readonly CardDataCheckView[] } };
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

/**
 * A request's answer. `engineMs` is the engine's own time for it, from taking the request to
 * answering (the click→summary bench sets the page's time beside it); the client ignores it.
 */
export type ResponseMessage =
  | { readonly kind: 'response'; readonly id: number; readonly ok: true; readonly result: unknown; readonly engineMs?: number }
  | { readonly kind: 'response'; readonly id: number; readonly ok: false; readonly error: SerializedError; readonly engineMs?: number };

/** Things the engine reports without being asked. */
export type EngineEvent =
  | { readonly type: 'apdu'; readonly row: ApduLogRow }
  | { readonly type: 'connection'; readonly connected: boolean; readonly info: ConnectionInfo | null; readonly reason?: SerializedError }
  | { readonly type: 'progress'; readonly done: number; readonly total: number; readonly current: ScanStep | null }
  | { readonly type: 'row'; readonly row: ExposureRowView }
  | { readonly type: 'pins'; readonly pins: readonly PinStateView[] }
  /**
   * A session continued on the same reader found another card in it (worker/cardIdentity.ts):
   * every row, PIN state and log line of the previous card is gone. `log` is what remains — the
   * new card's identity check — and `pins` the new card's PINs, none probed yet.
   */
  | { readonly type: 'card-changed'; readonly log: readonly ApduLogRow[]; readonly pins: readonly PinStateView[] }
  /** A reader was plugged in or out; the granted readers now. */
  | { readonly type: 'readers'; readonly readers: readonly ReaderView[] }
  | { readonly type: 'ready' }
  /**
   * Raised on the main thread by `EngineSupervisor`, never by the engine: the worker crashed or
   * stopped answering and a fresh one replaced it. Everything the old one knew is gone.
   */
  | { readonly type: 'restarted'; readonly reason: SerializedError };

/** Engine events in the order raised, several to a message (worker/eventOutbox.ts). */
export interface EventsMessage {
  readonly kind: 'events';
  readonly events: readonly EngineEvent[];
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

export type WorkerMessage = ResponseMessage | EventsMessage | PongMessage;

/**
 * What both ends need of a message port: a `Worker`, a worker's `self`, or a `MessagePort` in
 * tests, so the engine and client run in one realm under Vitest.
 */
export interface Endpoint {
  /** `transfer` moves ownership of MessagePorts (Web Smart Card) to the other side. */
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
