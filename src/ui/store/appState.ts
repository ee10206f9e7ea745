import type {
  ApduLogRow,
  CardIdentity,
  ConnectionInfo,
  EngineEvent,
  EngineMethod,
  EngineMethods,
  ErrorCode,
  ExposureRowView,
  PinKey,
  PinStateView,
  ReaderCheckView,
  ReaderView,
  RehearsalSample,
  ScanStep,
  SimulatorCardState,
  SimulatorHolderId,
  SimulatorPersonalityId,
  TranscriptKind,
} from '../../protocol';
import type { Language } from '../i18n/translate';
import type { PickedReader, UsbCapabilities } from '../../usb/permission';
import type { SmartCardReaderInfo } from '../../platform/smartCard';
import type { TapResult } from '../../platform/webNfc';

/** The page's USB side (usb/permission.ts in the app; a fake in tests). */
export interface UsbAccess {
  capabilities(): UsbCapabilities;
  /** Opens the browser's device chooser; must run inside the click that asked for it. */
  requestReader(): Promise<PickedReader>;
}

/** The page's Web Smart Card side (platform/smartCard.ts in the app; a fake in tests). */
export interface SmartCardAccessLike {
  readonly available: boolean;
  listReaders(): Promise<SmartCardReaderInfo[]>;
  connect(readerName: string): Promise<{ readerName: string; atrHex: string; extendedLength: boolean; port: MessagePort }>;
}

/** The page's Web NFC side (platform/webNfc.ts in the app). */
export interface NfcAccessLike {
  readonly available: boolean;
  waitForTap(signal: AbortSignal): Promise<TapResult>;
}

/** Where the card data on screen came from. */
export type CardSource =
  | { readonly kind: 'simulator'; readonly holder: SimulatorHolderId }
  /** A replayed transcript, named by the file it came from (the connection line says it is not a card). */
  | { readonly kind: 'transcript'; readonly fileName: string }
  | { readonly kind: 'reader'; readonly readerId: string; readonly name: string }
  | { readonly kind: 'smartcard'; readonly readerName: string }
  | { readonly kind: 'bridge'; readonly readerName: string };
import { EMPTY_SERVICES, type ServicesActions, type ServicesState } from './servicesState';

/** What the store needs of the engine: `EngineClient`, or a plain object with the same two methods in tests. */
export interface EngineClientLike {
  call<M extends EngineMethod>(method: M, params: EngineMethods[M]['params'], transfer?: Transferable[]): Promise<EngineMethods[M]['result']>;
  subscribe(listener: (event: EngineEvent) => void): () => void;
  /** Replaces an engine that does not answer (`EngineSupervisor.restart`); absent where there is nothing to replace. */
  restart?(cause: string): void;
}

/** Progress of the running scan, from `progress` events. */
export interface ScanProgress {
  readonly done: number;
  readonly total: number;
  readonly current: ScanStep | null;
}

/** The PIN dialog's state. The PIN itself is never held here: it lives in the input until submit. */
export interface PinDialogState {
  readonly pinId: PinKey;
  readonly submitting: boolean;
  /** The code of the last refusal (`card/wrong-pin`, `pin/format`, …); text comes from the catalog. */
  readonly errorCode: ErrorCode | null;
  readonly errorDetails: Readonly<Record<string, string | number | boolean>>;
}

/** The simulator card states offered on the start screen (docs/card-reference.md §10 counters). */
export type CardStateChoice = 'fresh' | 'authLastTry' | 'authBlocked';

/** The engine's `triesLeft` parameter for each start-screen card state. */
export const CARD_STATES: Readonly<Record<CardStateChoice, SimulatorCardState>> = {
  fresh: {},
  authLastTry: { jpkiAuth: 1 },
  authBlocked: { jpkiAuth: 0 },
};

/** The two views of a connected card. */
export type CardView = 'exposure' | 'services';

/** The one app state (house rule 10): session, rows, pins, PIN dialog, log and preferences. */
export interface AppState extends ServicesActions {
  // preferences (the only persisted slice)
  readonly language: Language;
  setLanguage(language: Language): void;
  // app shell
  readonly appStatus: 'offline-ready' | 'update-available' | null;
  /** Activates a waiting new version and reloads; set by main.tsx when there is one. */
  readonly applyUpdate: (() => void) | null;
  setAppStatus(status: 'offline-ready' | 'update-available', applyUpdate?: () => void): void;
  dismissAppStatus(): void;
  // session
  readonly connection: ConnectionInfo | null;
  readonly source: CardSource | null;
  /**
   * The connection ended under us (reader unplugged, card pulled): what was read stays on screen,
   * marked as from an interrupted session, until the person reconnects or goes back to the start.
   */
  readonly interrupted: boolean;
  /**
   * Reconnecting found a different card in the reader: everything the previous card showed was
   * cleared, and the card panel says so until the next connection.
   */
  readonly cardChanged: boolean;
  readonly identity: CardIdentity | null;
  readonly busy: boolean;
  /** The code of the last error shown; its text comes from the catalog. */
  readonly errorCode: ErrorCode | null;
  readonly errorDetails: Readonly<Record<string, string | number | boolean>>;
  connectSimulator(holder: SimulatorHolderId, cardState?: CardStateChoice, personality?: SimulatorPersonalityId): Promise<void>;
  /**
   * Asks the engine to bring in what a scan will need, off the path anyone waits on (worker/warmUp.ts):
   * when the person turns to a way in, with a holder when to the simulator. Never busy, never an
   * error: whatever is not ready yet loads when used.
   */
  warmUp(simulator?: SimulatorHolderId): void;
  /**
   * Asks the engine, once, to rehearse no-PIN scans of a simulated card of its own, silently
   * (worker/warmUp.ts `rehearseScan`): while the start screen sits idle, so the person's first
   * scan runs as fast as a later one. The engine answers with a sample of what its last scan would
   * have shown; `drawSample`, when given, draws it off the page (ui/rehearsalDrawing.tsx) — unless
   * a card is connected by then, whose own view is being drawn. Then it runs the start-up work
   * held back until now (`afterRehearsal`, createAppStore) and, all done, leaves the User Timing
   * mark `WARMED_UP_MARK` (warmedUpMark.ts).
   */
  rehearseScan(drawSample?: (sample: RehearsalSample, state: AppState) => Promise<void>): void;
  /** Hands the chosen file to the engine unread: the worker checks and parses it, never this thread. */
  openTranscript(file: Blob): Promise<void>;
  checkCard(): Promise<void>;
  disconnect(): Promise<void>;
  /** Forgets every card datum and the log, here and in the engine, and returns to the start. */
  clearAll(): Promise<void>;
  dismissError(): void;
  // USB readers
  readonly usb: UsbCapabilities;
  readonly readers: readonly ReaderView[];
  readonly readerCheck: ReaderCheckView | null;
  /** The browser's reader chooser: open now, or how it last closed (null before any). */
  readonly usbChooser: UsbChooserState;
  refreshReaders(): Promise<void>;
  /** Asks the browser for a reader (chooser), then connects to the one picked. */
  addReader(): Promise<void>;
  connectReader(readerId: string): Promise<void>;
  showReaderCheck(): Promise<void>;
  /** A reader was connected or tried since the last clear, so a reader report can be saved (issue 15 §5). */
  readonly readerReportOffered: boolean;
  /** The reader report's JSON text and file name from the engine, or null when it refused (the error is shown). */
  saveReaderReport(): Promise<{ text: string; fileName: string } | null>;
  hideReaderCheck(): void;
  // PC/SC readers through the Web Smart Card API (installed app on ChromeOS)
  readonly smartCardAvailable: boolean;
  readonly smartCardReaders: readonly SmartCardReaderInfo[];
  refreshSmartCardReaders(): Promise<void>;
  connectSmartCard(readerName: string): Promise<void>;
  // PC/SC readers through the MynaLens bridge (npm run bridge; desktop browsers)
  readonly bridgeAvailable: boolean;
  /** `looking` while connecting; `needs-pairing` until the code is entered; `ready` while signed in. */
  readonly bridgeStatus: 'idle' | 'looking' | 'needs-pairing' | 'ready';
  readonly bridgeReaders: readonly SmartCardReaderInfo[];
  findBridge(): Promise<void>;
  pairBridge(code: string): Promise<void>;
  refreshBridgeReaders(): Promise<void>;
  /** Connects (or, after an interruption, reconnects and continues) a reader through the bridge. */
  connectBridgeReader(readerName: string): Promise<void>;
  // Web NFC: only "a card was tapped" (Chrome for Android)
  readonly nfcAvailable: boolean;
  readonly nfcTap: 'idle' | 'waiting' | TapResult;
  waitForNfcTap(): Promise<void>;
  stopNfcTap(): void;
  // rows
  readonly rows: readonly ExposureRowView[];
  readonly scanning: boolean;
  readonly scanned: boolean;
  readonly progress: ScanProgress | null;
  readonly selectedRowKey: string | null;
  scan(): Promise<void>;
  selectRow(key: string | null): void;
  // pins
  readonly pins: readonly PinStateView[];
  readonly pinDialog: PinDialogState | null;
  /** What the last accepted PIN opened (row keys), shown on the page once its dialog has closed. */
  readonly pinOpened: { readonly pinId: PinKey; readonly keys: readonly string[] } | null;
  refreshPins(): Promise<void>;
  openPinDialog(pinId: PinKey): void;
  dismissPinOpened(): void;
  closePinDialog(): void;
  /** Sends one PIN; resolves true when it was accepted. The value is passed through, never stored. */
  submitPin(pin: string, confirmLastTry: boolean): Promise<boolean>;
  // views and "what a service sees"
  readonly view: CardView;
  /** Shows a view; the first visit to the services view reads every PIN's tries left (spending none). */
  setView(view: CardView): void;
  readonly services: ServicesState;
  // the My Number (docs/card-reference.md §17)
  /**
   * One Reveal for every place the number can appear: its value, the visual applet's picture of
   * it, raw bytes, the APDU log and values computed from it. Hidden again by Hide, Clear
   * everything, and every new connection (it may be another card).
   */
  readonly myNumberRevealed: boolean;
  setMyNumberRevealed(revealed: boolean): void;
  // log
  readonly log: readonly ApduLogRow[];
  /** Earlier rows dropped from `log` to keep the page responsive (ui/store/logWindow.ts); the engine keeps them for export. */
  readonly logHidden: number;
  /** The transcript text of the kind asked for (full, or with every answer a PIN guarded withheld), or null when the engine refused. */
  exportTranscript(kind: TranscriptKind): Promise<string | null>;
}

/** What "Connect a USB reader…" says: the chooser is open, or what happened when it closed. */
export type UsbChooserState = null | { readonly phase: 'open' } | { readonly phase: 'none-chosen' } | { readonly phase: 'not-supported'; readonly name: string } | { readonly phase: 'connected'; readonly name: string };

/** Every card-derived field, as it is before any card is touched (card data is never persisted). */
export const EMPTY_CARD_DATA = {
  connection: null,
  source: null,
  interrupted: false,
  cardChanged: false,
  readerCheck: null,
  usbChooser: null,
  readerReportOffered: false,
  identity: null,
  rows: [],
  scanning: false,
  scanned: false,
  progress: null,
  selectedRowKey: null,
  pins: [],
  pinDialog: null,
  pinOpened: null,
  log: [],
  logHidden: 0,
  myNumberRevealed: false,
  view: 'exposure',
  services: EMPTY_SERVICES,
} as const satisfies Partial<AppState>;
