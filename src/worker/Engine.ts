import { JpkiApplet } from '../cards/mynumber/jpki/JpkiApplet';
import { MY_NUMBER_CARD_TOKEN_LABEL } from '../cards/mynumber/identifiers';
import type { CardTransport } from '../transport';
import type { ImageOptions } from './content/images';
import { EngineFailure } from './engineErrors';
import { pinStatus, verifyPin } from './pinFlow';
import type {
  CardIdentity,
  ConnectionInfo,
  EngineEvent,
  EngineMethod,
  EngineMethods,
  Endpoint,
  PingMessage,
  PongMessage,
  RequestMessage,
  SimulatorCardState,
  SimulatorHolderId,
} from './protocol';
import { runScan } from './scan';
import { serializeError } from './serializeError';
import { EngineSession } from './session';
import { exportTranscript, openTranscriptCard } from './transcriptFile';

export { toLogRow } from './logRows';

/**
 * Opens a transport to the simulated card of one holder, starting with the given tries left
 * (card reference §5, §10); injected so tests and builds can choose.
 */
export type SimulatorFactory = (holder: SimulatorHolderId, extendedLength: boolean, triesLeft?: SimulatorCardState) => Promise<CardTransport>;

/** Loads the simulator only when asked for, so a session with a real reader never downloads it. */
export const loadSimulatorTransport: SimulatorFactory = async (holder, extendedLength, triesLeft) => {
  const { SimulatedCard, SimulatorTransport, loadPersonalisation } = await import('../simulator');
  const card = new SimulatedCard(await loadPersonalisation(holder), { triesLeft: { ...triesLeft } });
  return new SimulatorTransport(card, { extendedLength });
};

/** How the engine is built: the simulator factory and where the image codec lives. */
export interface EngineOptions extends ImageOptions {
  readonly openSimulator?: SimulatorFactory;
}

type Params<M extends EngineMethod> = EngineMethods[M]['params'];

/**
 * The engine (architecture: worker/): owns the card session, runs one card operation at a time
 * in arrival order, and reports what happens as events. Talks to the UI only through
 * `Endpoint`; the work itself lives in scan.ts, pinFlow.ts and transcriptFile.ts.
 */
export class Engine {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly session: EngineSession;
  private readonly openSimulator: SimulatorFactory;
  private readonly onMessage = (event: MessageEvent) => {
    const message = event.data as RequestMessage | PingMessage;
    // Answered at once, not queued: the heartbeat asks "alive?", not "idle?".
    if (message?.kind === 'ping') this.endpoint.postMessage({ kind: 'pong', id: message.id } satisfies PongMessage);
    else this.enqueue(message);
  };

  constructor(
    private readonly endpoint: Endpoint,
    options: SimulatorFactory | EngineOptions = {},
  ) {
    const { openSimulator = loadSimulatorTransport, ...images } = typeof options === 'function' ? { openSimulator: options } : options;
    this.openSimulator = openSimulator;
    this.session = new EngineSession((event) => this.emit(event), images);
    endpoint.addEventListener('message', this.onMessage);
    this.emit({ type: 'ready' });
  }

  /** Stops listening and releases the card. */
  async dispose(): Promise<void> {
    this.endpoint.removeEventListener('message', this.onMessage);
    await this.session.detach();
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
        return this.connectSimulator(params as Params<'connectSimulator'>);
      case 'openTranscript':
        return this.openTranscript(params as Params<'openTranscript'>);
      case 'identifyCard':
        return this.identifyCard();
      case 'scan':
        return runScan(this.session);
      case 'pinStatus':
        return pinStatus(this.session);
      case 'verifyPin':
        return verifyPin(this.session, params as Params<'verifyPin'>);
      case 'exportTranscript':
        return Promise.resolve({ text: exportTranscript(this.session.log, this.session.info) });
      case 'clear':
        this.session.forget();
        return this.session.detach().then(() => null);
      case 'disconnect':
        return this.session.detach().then(() => null);
      default:
        return Promise.reject(new EngineFailure('engine/unknown-request', `unknown request ${String(method)}`));
    }
  }

  private async connectSimulator(params: Params<'connectSimulator'>): Promise<ConnectionInfo> {
    await this.session.detach();
    this.session.forget();
    return this.session.attach(await this.openSimulator(params.holder, params.extendedLength ?? true, params.triesLeft));
  }

  private async openTranscript({ text }: Params<'openTranscript'>): Promise<ConnectionInfo> {
    if (typeof text !== 'string') throw new EngineFailure('transcript/invalid', 'no transcript text was given', { line: 0 });
    const card = openTranscriptCard(text);
    await this.session.detach();
    this.session.forget();
    return this.session.attach(card);
  }

  private async identifyCard(): Promise<CardIdentity> {
    const jpki = new JpkiApplet(this.session.channel());
    await jpki.select();
    const tokenLabel = await jpki.readTokenLabel();
    return { tokenLabel, isMyNumberCard: tokenLabel === MY_NUMBER_CARD_TOKEN_LABEL };
  }

  private emit(event: EngineEvent): void {
    this.endpoint.postMessage({ kind: 'event', event });
  }
}
