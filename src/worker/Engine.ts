import { toHex } from '../bytes';
import { ApduChannel, describeStatusWord, parseResponse } from '../apdu';
import { LoggingTransport, formatCommandHex, type ApduLogEntry, type CardTransport } from '../transport';
import { JpkiApplet } from '../cards/mynumber/jpki/JpkiApplet';
import { MY_NUMBER_CARD_TOKEN_LABEL } from '../cards/mynumber/identifiers';
import { describeCommand } from '../cards/mynumber/describeCommand';
import type {
  ApduLogRow,
  CardIdentity,
  ConnectionInfo,
  EngineEvent,
  EngineMethod,
  EngineMethods,
  Endpoint,
  RequestMessage,
  SimulatorHolderId,
} from './protocol';
import { serializeError } from './serializeError';

/** Opens a transport to the simulated card of one holder; injected so tests and builds can choose. */
export type SimulatorFactory = (holder: SimulatorHolderId, extendedLength: boolean) => Promise<CardTransport>;

/** Loads the simulator only when asked for, so a session with a real reader never downloads it. */
export const loadSimulatorTransport: SimulatorFactory = async (holder, extendedLength) => {
  const { SimulatedCard, SimulatorTransport, loadPersonalisation } = await import('../simulator');
  return new SimulatorTransport(new SimulatedCard(await loadPersonalisation(holder)), { extendedLength });
};

/**
 * The engine (architecture: worker/): owns the card transport, runs one card operation at a time
 * in arrival order, and reports what happens as events. Talks to the UI only through `Endpoint`.
 */
export class Engine {
  private transport: CardTransport | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly onMessage = (event: MessageEvent) => this.enqueue(event.data as RequestMessage);

  constructor(
    private readonly endpoint: Endpoint,
    private readonly openSimulator: SimulatorFactory = loadSimulatorTransport,
  ) {
    endpoint.addEventListener('message', this.onMessage);
    this.emit({ type: 'ready' });
  }

  /** Stops listening and releases the card. */
  async dispose(): Promise<void> {
    this.endpoint.removeEventListener('message', this.onMessage);
    await this.closeTransport();
  }

  private enqueue(message: RequestMessage): void {
    if (message?.kind !== 'request') return;
    // Chained, so two requests can never interleave their APDUs on the card.
    this.queue = this.queue.then(() => this.run(message));
  }

  private async run(message: RequestMessage): Promise<void> {
    try {
      const result = await this.dispatch(message.method, message.params);
      this.endpoint.postMessage({ kind: 'response', id: message.id, ok: true, result });
    } catch (error) {
      this.endpoint.postMessage({ kind: 'response', id: message.id, ok: false, error: serializeError(error) });
    }
  }

  private dispatch(method: EngineMethod, params: unknown): Promise<unknown> {
    switch (method) {
      case 'connectSimulator':
        return this.connectSimulator(params as EngineMethods['connectSimulator']['params']);
      case 'identifyCard':
        return this.identifyCard();
      case 'disconnect':
        return this.closeTransport().then(() => null);
      default:
        return Promise.reject(Object.assign(new Error(`unknown request ${String(method)}`), { code: 'engine/unknown-request' }));
    }
  }

  private async connectSimulator(params: EngineMethods['connectSimulator']['params']): Promise<ConnectionInfo> {
    await this.closeTransport();
    const inner = await this.openSimulator(params.holder, params.extendedLength ?? true);
    const transport = new LoggingTransport(inner, (entry) => this.emit({ type: 'apdu', row: toLogRow(entry) }));
    transport.onDisconnect((reason) => {
      this.transport = null;
      this.emit({ type: 'connection', connected: false, info: null, reason: serializeError(reason) });
    });
    this.transport = transport;
    const info: ConnectionInfo = { kind: transport.kind, atr: toHex(transport.atr), extendedLength: transport.extendedLength };
    this.emit({ type: 'connection', connected: true, info });
    return info;
  }

  private async identifyCard(): Promise<CardIdentity> {
    const jpki = new JpkiApplet(new ApduChannel(this.requireTransport()));
    await jpki.select();
    const tokenLabel = await jpki.readTokenLabel();
    return { tokenLabel, isMyNumberCard: tokenLabel === MY_NUMBER_CARD_TOKEN_LABEL };
  }

  private requireTransport(): CardTransport {
    if (!this.transport) throw Object.assign(new Error('no card is connected'), { code: 'engine/not-connected' });
    return this.transport;
  }

  private async closeTransport(): Promise<void> {
    const transport = this.transport;
    this.transport = null;
    if (transport) {
      await transport.close();
      this.emit({ type: 'connection', connected: false, info: null });
    }
  }

  private emit(event: EngineEvent): void {
    this.endpoint.postMessage({ kind: 'event', event });
  }
}

/** A log entry as the UI shows it: names decoded, status word explained, secrets already `**`. */
export function toLogRow(entry: ApduLogEntry): ApduLogRow {
  const response = entry.response ? parseResponse(entry.response) : null;
  const sw = response ? response.sw.toString(16).toUpperCase().padStart(4, '0') : null;
  return {
    seq: entry.seq,
    name: describeCommand(entry.command),
    command: formatCommandHex(entry.command),
    responseData: response ? toHex(response.data) : '',
    sw,
    swMeaning: response ? describeStatusWord(response.sw) : (entry.error?.message ?? ''),
    sensitive: entry.sensitive,
    elapsedMs: Math.round(entry.elapsedMs * 10) / 10,
    ...(entry.error ? { errorCode: entry.error.code } : {}),
  };
}
