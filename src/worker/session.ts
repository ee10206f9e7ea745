import { toHex } from '../bytes';
import { ApduChannel } from '../apdu';
import { CardState, LoggingTransport, type ApduLogEntry, type CardTransport } from '../transport';
import type { AppletBase } from '../cards/mynumber/AppletBase';
import { FileAddressing, type AddressingMode } from '../cards/mynumber/addressing';
import { APPLETS } from '../cards/mynumber/identifiers';
import type { PinStatus } from '../cards/mynumber/AppletBase';
import { PIN_IDS, type PinApplet, type PinId } from '../cards/mynumber/pin';
import { signPasswordNotIssued } from '../cards/mynumber/jpki/signPassword';
import type { ImageOptions } from './content/images';
import { EngineFailure } from '../protocol';
import { isSameCard, readCardFingerprint, type CardFingerprint } from './cardIdentity';
import { initialRows } from './exposureRows';
import { CERTIFICATE_FLAGS_ROW, certificateFlagsOf, pinStateView } from './pinViews';
import type { AddressingView, ConnectionInfo, EngineEvent, ExposureRowView, PinStateView } from '../protocol';
import { appletClient } from './appletClient';
import { serializeError } from './serializeError';
import { toLogRow } from './logRows';
import { MyNumberInLog } from './myNumberInLog';

/**
 * What the engine knows between requests (architecture: worker/): the logged transport, which
 * card it is talking to, every exposure row, the last known counter of each PIN and which PINs
 * this session verified, and the APDU log kept for export. Card data lives only here, in memory,
 * until `forget()`. It is always about one card: `checkWhichCard` sees to that.
 */
export class EngineSession {
  private transport: LoggingTransport | null = null;
  private connection: ConnectionInfo | null = null;
  private readonly logEntries: ApduLogEntry[] = [];
  private readonly rows = new Map<string, ExposureRowView>();
  private readonly pinStatus = new Map<PinId, PinStatus>();
  private readonly verified = new Set<PinId>();
  private card: CardFingerprint | null = null;
  /** The command forms this card takes (cards/mynumber/addressing.ts), kept for a continued session. */
  private addressing = new FileAddressing();
  /** Where the card is (DF, verified keys), followed from every logged exchange of this connection. */
  private cardState = new CardState();
  /** The PINs whose counter the card reported on this connection: nobody else can spend a try meanwhile. */
  private readonly countedNow = new Set<PinId>();
  private poweredOn = false;
  /** Bumped by `end()`: what a transport ended that way still reports is dropped, not logged. */
  private attachment = 0;

  constructor(
    readonly emit: (event: EngineEvent) => void,
    readonly images: ImageOptions = {},
  ) {
    this.resetRows();
  }

  /** The connection in use, or null. */
  get info(): ConnectionInfo | null {
    return this.connection;
  }

  /** The APDU log of this connection, PIN bytes already null (house rule 6). */
  get log(): readonly ApduLogEntry[] {
    return this.logEntries;
  }

  /**
   * Wraps a freshly opened transport in the one logger, starts a new log (unless continuing a
   * session with `keepLog`) and reports the connection.
   */
  attach(
    inner: CardTransport,
    options: {
      reader?: ConnectionInfo['reader'];
      transcript?: ConnectionInfo['transcript'];
      keepLog?: boolean;
      addressing?: AddressingMode;
      /** The card was powered on for this connection, so the ISD is current (docs/card-reference.md §2 "SELECT MF"). */
      poweredOn?: boolean;
    } = {},
  ): ConnectionInfo {
    // A fresh connection starts with nothing selected; the trackers follow the card from there.
    const myNumberInLog = new MyNumberInLog();
    const cardState = new CardState();
    this.cardState = cardState;
    this.poweredOn = options.poweredOn === true;
    this.countedNow.clear();
    // A card refuses a form for good: a continued session keeps what the last connection learnt.
    if (options.addressing || !options.keepLog) this.addressing = new FileAddressing(options.addressing);
    const mine = ++this.attachment;
    const transport = new LoggingTransport(inner, (entry) => {
      if (mine !== this.attachment) return;
      if (entry.response && entry.response.length >= 2) {
        cardState.advance(entry.command, (entry.response[entry.response.length - 2]! << 8) | entry.response[entry.response.length - 1]!);
      }
      this.logEntries.push(entry);
      this.emit({ type: 'apdu', row: toLogRow(entry, myNumberInLog.spansOf(entry)) });
    });
    transport.onDisconnect((reason) => {
      if (this.transport !== transport) return;
      this.transport = null;
      this.connection = null;
      // Release what the lost transport still holds (a claimed USB interface, a transfer left
      // pending by a timeout) so the next connection to the same reader starts clean.
      void transport.close().catch(() => undefined);
      this.emit({ type: 'connection', connected: false, info: null, reason: serializeError(reason) });
    });
    if (!options.keepLog) this.logEntries.length = 0;
    this.transport = transport;
    this.connection = {
      kind: transport.kind,
      atr: toHex(transport.atr),
      extendedLength: transport.extendedLength,
      ...(options.reader ? { reader: options.reader } : {}),
      ...(options.transcript ? { transcript: options.transcript } : {}),
    };
    this.emit({ type: 'connection', connected: true, info: this.connection });
    return this.connection;
  }

  /** Releases the card, if any, and reports it. */
  async detach(): Promise<void> {
    const transport = this.transport;
    this.transport = null;
    this.connection = null;
    if (transport) {
      await transport.close();
      this.emit({ type: 'connection', connected: false, info: null });
    }
  }

  /**
   * Ends the session on the person's word (Clear everything, Disconnect; issue 15 §3): like
   * `detach`, and the exchange still under way on the old transport adds nothing to the log.
   */
  end(): Promise<void> {
    this.attachment++;
    return this.detach();
  }

  /** A channel over the connected card; `engine/not-connected` without one. */
  channel(): ApduChannel {
    if (!this.transport) throw new EngineFailure('engine/not-connected', 'no card is connected');
    return new ApduChannel(this.transport);
  }

  /** The client of one applet over the connected card, in the command forms this card takes (docs/card-reference.md §3). */
  client(applet: PinApplet): AppletBase {
    return appletClient(applet, this.channel(), this.addressing);
  }

  /** Which command forms this connection uses and whether the card made it fall back (for the reader report). */
  addressingView(): AddressingView {
    return this.addressing.view();
  }

  /**
   * Whether the applet is the current DF with no credential verified in it (docs/card-reference.md
   * §5), as this connection's own exchanges left the card: a PIN flow then needs no SELECT, and
   * what its reads show was opened by that PIN alone.
   */
  inCleanDf(applet: PinApplet): boolean {
    return this.cardState.currentDf === toHex(APPLETS[applet].aid, '') && this.cardState.verifiedKeys.length === 0;
  }

  /** Whether the ISD is the current DF (docs/card-reference.md §9.4): selected last, or untouched since power-on. */
  isdCurrent(): boolean {
    const df = this.cardState.currentDf;
    return df === toHex(APPLETS.issuerSecurityDomain.aid, '') || (df === 'reset' && this.poweredOn);
  }

  /** The counter the card reported for a PIN on this connection, if it did (docs/card-reference.md §2, §10). */
  counterThisConnection(pinId: PinId): PinStatus | null {
    return this.countedNow.has(pinId) ? (this.pinStatus.get(pinId) ?? null) : null;
  }

  /** Stores a row and tells the UI (event `row`). */
  putRow(row: ExposureRowView): void {
    // A row read just before the session ended arrives after it: it belongs to no session now.
    if (!this.transport) return;
    this.rows.set(row.key, row);
    this.emit({ type: 'row', row });
  }

  /** One row by key (`jpki/000A`). */
  row(key: string): ExposureRowView | undefined {
    return this.rows.get(key);
  }

  /** Every row in declaration order. */
  rowList(): ExposureRowView[] {
    return [...this.rows.values()];
  }

  /** Remembers a counter as the card reported it (docs/card-reference.md §2, §10). */
  recordPin(status: PinStatus): void {
    this.pinStatus.set(status.pinId, status);
    this.countedNow.add(status.pinId);
  }

  /** Remembers that a PIN was verified in this session (docs/card-reference.md §5). */
  markVerified(pinId: PinId): void {
    this.verified.add(pinId);
  }

  /** Every PIN's state, in card order (docs/card-reference.md §10). */
  pinViews(): PinStateView[] {
    const signNotIssued = this.signPasswordNotIssued();
    return PIN_IDS.map((id) => pinStateView(id, this.pinStatus.get(id) ?? null, this.verified.has(id), id === 'jpkiSign' && signNotIssued));
  }

  /** Whether JPKI EF 0008 has been read in this session (it may still say nothing usable). */
  knowsCertificateFlags(): boolean {
    return this.rows.get(CERTIFICATE_FLAGS_ROW)?.status === 'read';
  }

  /**
   * The card has no signature password at all, as its own answers say: EF 0008 as this session
   * read it, and the last counter probe of key EF 001B (docs/card-reference.md §6.2, §12).
   */
  signPasswordNotIssued(): boolean {
    return signPasswordNotIssued(certificateFlagsOf(this.rows.get(CERTIFICATE_FLAGS_ROW)), this.pinStatus.get('jpkiSign') ?? null);
  }

  /** Reports every PIN's state (event `pins`) and returns it. */
  emitPins(): PinStateView[] {
    const pins = this.pinViews();
    this.emit({ type: 'pins', pins });
    return pins;
  }

  /** The card was powered off and on (reader re-plugged): it has forgotten every verified PIN (docs/card-reference.md §5). */
  cardWasReset(): void {
    this.verified.clear();
  }

  /**
   * Reads which card is connected (cardIdentity.ts), right after `attach` and before any file is
   * read or any PIN sent. Continuing a session (`continuing`: the same reader, re-plugged) with
   * another card — or with one that cannot be told apart — drops every row, PIN state and log
   * line of the previous card; only this check's own exchanges, the new card's, stay. The event
   * `card-changed` says so. Returns whether that happened.
   */
  async checkWhichCard(continuing: boolean): Promise<boolean> {
    const firstLine = this.logEntries.length;
    const now = await readCardFingerprint(this.channel());
    const before = this.card;
    this.card = now;
    if (!continuing || isSameCard(before, now)) return false;
    const newCardLines = this.logEntries.slice(firstLine);
    this.forget();
    this.card = now;
    this.logEntries.push(...newCardLines);
    // The same rows the `apdu` events showed: a tracker that has seen only these lines marks them alike.
    const myNumberInLog = new MyNumberInLog();
    const log = newCardLines.map((entry) => toLogRow(entry, myNumberInLog.spansOf(entry)));
    this.emit({ type: 'card-changed', log, pins: this.pinViews() });
    return true;
  }

  /** Drops every row's content, the PIN states and the kept log (house rule 10: card data never outlives the session). */
  forget(): void {
    this.resetRows();
    this.pinStatus.clear();
    this.verified.clear();
    this.countedNow.clear();
    this.logEntries.length = 0;
    this.card = null;
  }

  private resetRows(): void {
    this.rows.clear();
    for (const row of initialRows()) this.rows.set(row.key, row);
  }
}
