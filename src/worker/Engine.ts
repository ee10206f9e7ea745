import { JpkiApplet } from '../cards/mynumber/jpki/JpkiApplet';
import { MY_NUMBER_CARD_TOKEN_LABEL } from '../cards/mynumber/identifiers';
import { fromHex } from '../bytes';
import { PortTransport, type CardTransport } from '../transport';
import type { UsbConnectionEventLike, UsbLike } from '../usb/host/UsbLike';
import { knownAtr } from '../usb/knownAtrs';
import type { ImageOptions } from './content/images';
import { EngineFailure } from '../protocol';
import { pinStatus, verifyPin } from './pinFlow';
import type {
  CardIdentity,
  ConnectionInfo,
  EngineEvent,
  EngineMethod,
  EngineMethods,
  Endpoint,
  ReaderCheckView,
  PingMessage,
  PongMessage,
  ResponseMessage,
  RehearsalSample,
  RequestMessage,
  SimulatorHolderId,
  TranscriptKind,
} from '../protocol';
import { listReaderViews } from './readerList';
import type { OpenedReader } from './readers';
import type { ReaderAttempt } from './readerReport/ReaderAttempt';
import { runScan } from './scan';
import { serializeError } from './serializeError';
import { EngineSession } from './session';
import { loadPkijs } from '../cards/mynumber/pkijsModule';
import { rehearseScan, warmDecoders, warmUp } from './warmUp';
import { loadSimulatorTransport, type SimulatorFactory } from './simulatorFactory';
import { EventOutbox } from './eventOutbox';

/**
 * Requests that parse a certificate or a CMS, so they wait for pkijs (a chunk of its own that the
 * worker does not load at start-up: issue "speed to the physical limit" §4).
 */
const READS_CERTIFICATES: ReadonlySet<EngineMethod> = new Set(['scan', 'verifyPin', 'serviceLogin', 'readAuthCertificate', 'signDocument', 'checkCertificates', 'checkCardData']);
/** Requests after which a card is there to scan: what it needs starts loading then (warmUp.ts), if it has not yet. */
const CONNECTS: ReadonlySet<EngineMethod> = new Set(['connectSimulator', 'connectReader', 'connectSmartCard', 'openTranscript']);

export { toLogRow } from './logRows';

/*
 * What the engine loads only when first needed (issue "speed to the physical limit" §4), each a
 * chunk of the build on the app's own origin: the USB reader drivers when a reader is opened, the
 * transcript parser when a transcript is opened or exported, the services when one is used.
 */
const loadReaderDrivers = () => import('./readers');
const loadTranscriptFiles = () => import('./transcriptFile');
const loadServices = () => import('./services');

/** How the engine is built: the simulator factory, WebUSB (or its emulator), and where the image codec lives. */
export interface EngineOptions extends ImageOptions {
  readonly openSimulator?: SimulatorFactory;
  readonly usb?: UsbLike | null;
}

type Params<M extends EngineMethod> = EngineMethods[M]['params'];
type Result<M extends EngineMethod> = EngineMethods[M]['result'];

/**
 * One handler per method of `EngineMethods` (house rule 9): the compiler checks each one's
 * parameters and result, and that none is missing or extra.
 */
type EngineHandlers = { readonly [M in EngineMethod]: (params: Params<M>) => Promise<Result<M>> };

/** Calls the handler a request names; `M` ties the method to its parameters and result. */
function handle<M extends EngineMethod>(handlers: EngineHandlers, request: RequestMessage<M>): Promise<Result<M>> {
  return handlers[request.method](request.params);
}

/** The export kind asked for; anything but `redacted` is the full transcript, as before kinds existed. */
function transcriptKind(params: Params<'exportTranscript'> | undefined): TranscriptKind {
  return params?.kind === 'redacted' ? 'redacted' : 'full';
}

/**
 * Requests answered at once instead of after the operation under way (issue 15 §3): ending the
 * session must work while a reader hangs, and the reader report reads only what the engine holds.
 */
const IMMEDIATE: ReadonlySet<EngineMethod> = new Set<EngineMethod>(['clear', 'disconnect', 'readerReport', 'warmUp']);

/** How long ending a session waits for the transport to close (each driver bounds its own close below this). */
const END_SESSION_WITHIN_MS = 4000;

/** PC/SC answers within the card's own waiting time; a longer silence means the bridge is gone. */
const SMART_CARD_TIMEOUT_MS = 15_000;

/**
 * The engine (architecture: worker/): owns the card session, runs one card operation at a time
 * in arrival order, and reports what happens as events. Talks to the UI only through
 * `Endpoint`; the work itself lives in scan.ts, pinFlow.ts, transcriptFile.ts and services/.
 */
export class Engine {
  private queue: Promise<unknown> = Promise.resolve();
  /** Counts the sessions ended by `clear`/`disconnect`: work begun before one ends never attaches a card after it. */
  private generation = 0;
  /** The reader attempt whose start-up is under way, so ending the session can cut it short. */
  private starting: ReaderAttempt | null = null;
  private readonly session: EngineSession;
  private readonly outbox = new EventOutbox((message) => this.endpoint.postMessage(message));
  private readonly openSimulator: SimulatorFactory;
  private readonly usb: UsbLike | null;
  /** The USB reader in use, and the id of the last one, so reconnecting it continues the session. */
  private reader: OpenedReader | null = null;
  private lastReaderId: string | null = null;
  /** The last USB reader connection or attempt, for the reader report; gone with the session. */
  private readerAttempt: ReaderAttempt | null = null;
  private unrestricted = false;
  /** This worker's one rehearsal (warmUp.ts: three silent scans of a simulated card of its own), once asked for. */
  private rehearsal: Promise<RehearsalSample | null> | null = null;
  private readonly onUsbConnect = () => void this.emitReaders();
  private readonly onUsbDisconnect = (event: UsbConnectionEventLike) => {
    if (this.reader && event.device === this.reader.device) this.reader.reader.deviceLost();
    void this.emitReaders();
  };
  private readonly onMessage = (event: MessageEvent<RequestMessage | PingMessage>) => {
    const message = event.data;
    // Answered at once, not queued: the heartbeat asks "alive?", not "idle?".
    if (message?.kind === 'ping') this.endpoint.postMessage({ kind: 'pong', id: message.id } satisfies PongMessage);
    else if (message?.kind === 'request' && IMMEDIATE.has(message.method)) void this.run(message, this.generation);
    else this.enqueue(message);
  };

  constructor(
    private readonly endpoint: Endpoint,
    options: SimulatorFactory | EngineOptions = {},
  ) {
    const { openSimulator = loadSimulatorTransport, usb = null, ...images } = typeof options === 'function' ? { openSimulator: options } : options;
    this.openSimulator = openSimulator;
    this.usb = usb;
    usb?.addEventListener('connect', this.onUsbConnect);
    usb?.addEventListener('disconnect', this.onUsbDisconnect);
    this.session = new EngineSession((event) => this.emit(event), images);
    endpoint.addEventListener('message', this.onMessage);
    this.emit({ type: 'ready' });
  }

  /** Stops listening and releases the card. */
  async dispose(): Promise<void> {
    this.endpoint.removeEventListener('message', this.onMessage);
    this.usb?.removeEventListener('connect', this.onUsbConnect);
    this.usb?.removeEventListener('disconnect', this.onUsbDisconnect);
    await this.session.detach();
  }

  private enqueue(message: RequestMessage): void {
    if (message?.kind !== 'request') return;
    // Chained, so two requests can never interleave their APDUs on the card.
    const generation = this.generation;
    this.queue = this.queue.then(() => this.run(message, generation));
  }

  private async run(message: RequestMessage, generation: number): Promise<void> {
    const started = performance.now();
    const engineMs = () => Math.round((performance.now() - started) * 10) / 10;
    try {
      // Asked for before the session was ended: it belonged to that session.
      if (generation !== this.generation) throw new EngineFailure('engine/cancelled', 'the session this request belonged to was ended');
      if (READS_CERTIFICATES.has(message.method)) await loadPkijs();
      const result = await this.dispatch(message);
      // A card is there: bring in now, while the person looks, what its scan will need.
      if (CONNECTS.has(message.method)) warmUp();
      if (message.method === 'scan') warmDecoders(this.session.images);
      this.answer({ kind: 'response', id: message.id, ok: true, result, engineMs: engineMs() });
    } catch (error) {
      this.answer({ kind: 'response', id: message.id, ok: false, error: serializeError(error), engineMs: engineMs() });
    }
  }

  /** Posts a request's answer after every event it raised: the page takes a request's events in before its answer. */
  private answer(response: ResponseMessage): void {
    this.outbox.flush();
    this.endpoint.postMessage(response);
  }

  /** What each request does; plain data in, plain data out (protocol/messages.ts). */
  private readonly handlers: EngineHandlers = {
    warmUp: async (params) => {
      warmUp(params?.simulator);
      return params?.rehearse ? this.rehearse(params.simulator ?? 'adult') : null;
    },
    connectSimulator: (params) => this.connectSimulator(params),
    listReaders: (params) => {
      this.unrestricted = params.unrestricted === true;
      return listReaderViews(this.usb, this.unrestricted);
    },
    connectReader: (params) => this.connectReader(params),
    readerCheck: async () => this.readerCheck(),
    readerReport: () => this.readerReport(),
    connectSmartCard: (params) => this.connectSmartCard(params),
    openTranscript: (params) => this.openTranscript(params),
    identifyCard: () => this.identifyCard(),
    scan: () => runScan(this.session),
    pinStatus: () => pinStatus(this.session),
    verifyPin: (params) => verifyPin(this.session, params),
    serviceLogin: async (params) => (await loadServices()).serviceLogin(this.session, params),
    readAuthCertificate: async () => (await loadServices()).readAuthCertificate(this.session),
    signDocument: async (params) => (await loadServices()).signDocument(this.session, params),
    checkCertificates: async () => (await loadServices()).checkCertificates(this.session),
    checkCardData: async () => (await loadServices()).checkCardData(this.session),
    exportTranscript: async (params) => ({
      text: (await loadTranscriptFiles()).exportTranscript(this.session.log, this.session.info, { kind: transcriptKind(params), rows: this.session.rowList() }),
    }),
    clear: () => this.endSession(true),
    disconnect: () => this.endSession(false),
  };

  /** The request's handler, or `engine/unknown-request` for a method this engine does not have. */
  private dispatch(message: RequestMessage): Promise<unknown> {
    if (!Object.hasOwn(this.handlers, message.method)) {
      return Promise.reject(new EngineFailure('engine/unknown-request', `unknown request ${String(message.method)}`));
    }
    return handle(this.handlers, message);
  }

  /**
   * Clear everything / Disconnect (issue 15 §3): run at once, even while another operation waits on
   * a hung reader. Ends the session — the transport's close ends every wait of the operation under
   * way, and a start-up in progress loses its device — within `END_SESSION_WITHIN_MS`, forgets the
   * card's data when clearing, and makes work begun before it fail with `engine/cancelled` instead
   * of attaching a card afterwards.
   */
  private async endSession(forget: boolean): Promise<null> {
    this.generation++;
    if (forget) this.session.forget();
    this.reader = null;
    this.lastReaderId = null;
    this.readerAttempt = null;
    const starting = this.starting;
    this.starting = null;
    if (starting) void starting.usbDevice?.close().catch(() => undefined);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const bound = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, END_SESSION_WITHIN_MS);
    });
    await Promise.race([this.session.end().catch(() => undefined), bound]);
    clearTimeout(timer);
    return null;
  }

  /** Runs the rehearsal once and answers with its sample; asked again, waits for it and answers null (the sample is drawn once). One that fails (a chunk that would not load) is only a warm-up missed. */
  private rehearse(holder: SimulatorHolderId): Promise<RehearsalSample | null> {
    if (this.rehearsal) return this.rehearsal.then(() => null);
    return (this.rehearsal = rehearseScan((cardHolder, extendedLength) => this.openSimulator(cardHolder, extendedLength), this.session.images, holder).catch(() => null));
  }

  private async connectSimulator(params: Params<'connectSimulator'>): Promise<ConnectionInfo> {
    this.readerAttempt = null;
    this.lastReaderId = null;
    this.reader = null;
    await this.session.detach();
    this.session.forget();
    // No card check: a simulated card always starts a new session (nothing to continue, nothing
    // to tell it from) and no other card can be put into its reader.
    return this.session.attach(await this.openSimulator(params.holder, params.extendedLength ?? true, params.triesLeft, params.personality), { poweredOn: true });
  }

  private async openTranscript(source: Params<'openTranscript'>): Promise<ConnectionInfo> {
    // Checked and parsed before the current connection is let go: a refused file changes nothing.
    const card = await (await loadTranscriptFiles()).openTranscriptSource(source ?? {});
    const fileName = source?.fileName;
    this.readerAttempt = null;
    this.lastReaderId = null;
    this.reader = null;
    await this.session.detach();
    this.session.forget();
    // No card check: a replayed session is never continued either, and the check's commands would
    // spend the transcript's recorded answers.
    // A replay answers only the forms it recorded: sessions exported before the short-EF-ID forms
    // (docs/card-reference.md §3) are replayed with SELECT-then-command.
    return this.session.attach(card, {
      transcript: { fileName: typeof fileName === 'string' && fileName !== '' ? fileName : 'transcript' },
      addressing: card.usesShortEfIds ? 'short-ef-id' : 'select',
      poweredOn: card.usedBeforeAnySelect,
    });
  }

  /**
   * Opens a granted USB reader (usb/discovery, CcidReader). The same reader as last time — plugged
   * back in after it was pulled — keeps the rows read so far, so a new scan continues, as long as
   * the same card is in it (`checkWhichCard`); the card was powered off, so it has forgotten every
   * PIN (docs/card-reference.md §5) and so does the session.
   */
  private async connectReader({ readerId, unrestricted }: Params<'connectReader'>): Promise<ConnectionInfo> {
    this.unrestricted = unrestricted === true;
    const continuing = readerId === this.lastReaderId;
    // Taken before anything is awaited: a session ended while the drivers load attaches nothing either.
    const generation = this.generation;
    const [{ openReader }, { ReaderAttempt }] = await Promise.all([loadReaderDrivers(), import('./readerReport/ReaderAttempt')]);
    await this.session.detach();
    this.reader = null;
    const attempt = new ReaderAttempt();
    this.readerAttempt = attempt;
    this.starting = attempt;
    try {
      const opened = await openReader(this.usb, readerId, this.unrestricted, attempt);
      if (generation !== this.generation) {
        // The session was ended while the reader started: let it go, attach nothing.
        await opened.reader.close().catch(() => undefined);
        throw new EngineFailure('engine/cancelled', 'the session was ended while the reader started');
      }
      this.reader = opened;
      return await this.continueOrStart(opened.reader, { id: opened.view.id, name: opened.view.name }, continuing);
    } catch (error) {
      attempt.failed(error, 'start-up');
      throw error;
    } finally {
      if (this.starting === attempt) this.starting = null;
    }
  }

  /**
   * Attaches a reader's card and checks which card it is before anything else is sent: a session
   * continued on the same reader keeps what it read only while the card is the same one.
   */
  private async continueOrStart(transport: CardTransport, reader: NonNullable<ConnectionInfo['reader']>, continuing: boolean): Promise<ConnectionInfo> {
    if (continuing) this.session.cardWasReset();
    else this.session.forget();
    this.lastReaderId = reader.id;
    const info = this.session.attach(transport, { reader, keepLog: continuing });
    try {
      await this.session.checkWhichCard(continuing);
    } catch (error) {
      // A card we could not check is not used: nothing may be read from it next to what the
      // session holds. A continued session stays as it was, so reconnecting checks again; a new
      // one has nothing to continue.
      this.reader = null;
      if (!continuing) this.lastReaderId = null;
      await this.session.detach().catch(() => undefined);
      throw error;
    }
    return info;
  }

  /**
   * A card the main thread holds through the Web Smart Card API or the MynaLens bridge, reached
   * over its MessagePort. Reconnecting the same PC/SC reader after the link was lost continues
   * the session, as a re-plugged USB reader does.
   */
  private async connectSmartCard({ port, readerName, atr, extendedLength }: Params<'connectSmartCard'>): Promise<ConnectionInfo> {
    if (!port || typeof readerName !== 'string') throw new EngineFailure('engine/bad-request', 'connectSmartCard needs a port and a reader name');
    const reader = { id: `pcsc:${readerName}`, name: readerName };
    const continuing = reader.id === this.lastReaderId;
    this.reader = null;
    this.readerAttempt = null;
    await this.session.detach();
    const transport = new PortTransport(port, { kind: 'smartcard', atr: fromHex(atr), extendedLength: extendedLength === true, timeoutMs: SMART_CARD_TIMEOUT_MS });
    return this.continueOrStart(transport, reader, continuing);
  }

  private readerCheck(): ReaderCheckView {
    const reader = this.reader;
    // `reader` is set only while a USB reader is the connection; a lost session has no info.
    if (!reader || !this.session.info) {
      throw new EngineFailure('engine/not-a-reader', 'the card is not in a USB reader');
    }
    return reader.check();
  }

  /** Issue 15 §5: the report of the last reader connection or failed attempt, with its log. */
  private async readerReport(): Promise<{ text: string; fileName: string }> {
    const attempt = this.readerAttempt;
    if (!attempt) throw new EngineFailure('engine/no-reader-report', 'no USB reader was connected or tried in this session');
    // Taken before the report's module loads: the report says what the engine held when asked.
    const log = [...this.session.log];
    const info = this.session.info;
    const addressing = this.session.addressingView();
    const { buildReaderReport, readerReportFileName } = await import('./readerReport/readerReport');
    return { text: buildReaderReport(attempt, log, info, addressing), fileName: readerReportFileName(attempt) };
  }

  private async emitReaders(): Promise<void> {
    try {
      this.emit({ type: 'readers', readers: await listReaderViews(this.usb, this.unrestricted) });
    } catch {
      // A list we cannot read now is read again on the next plug event or request.
    }
  }

  private async identifyCard(): Promise<CardIdentity> {
    const jpki = new JpkiApplet(this.session.channel());
    await jpki.select();
    const tokenLabel = await jpki.readTokenLabel();
    const atr = this.session.info?.atr;
    return { tokenLabel, isMyNumberCard: tokenLabel === MY_NUMBER_CARD_TOKEN_LABEL, atrKnown: atr !== undefined && knownAtr(fromHex(atr)) !== null };
  }

  private emit(event: EngineEvent): void {
    // A reader lost after start-up: the report says why, as it says why a start-up failed.
    if (event.type === 'connection' && !event.connected && event.reason) this.readerAttempt?.failed(event.reason, 'after start-up');
    this.outbox.add(event);
  }
}
