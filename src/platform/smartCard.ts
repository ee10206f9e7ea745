import type { BridgePort, BridgeRequest, TransportErrorCode } from '../transport';
import { smartCardManager, type SmartCardContextLike, type SmartCardResourceManagerLike } from './smartCardApi';

/** A PC/SC reader as the start screen lists it. */
export interface SmartCardReaderInfo {
  readonly name: string;
  readonly cardPresent: boolean;
}

/** A card connected on the main thread, ready to hand to the engine. */
export interface SmartCardSession {
  readonly readerName: string;
  readonly atr: Uint8Array;
  /** The ATR as spaced upper-case hex, as the engine's protocol carries it. */
  readonly atrHex: string;
  readonly extendedLength: boolean;
  /** Transfer this to the worker; the engine's PortTransport talks to the card through it. */
  readonly port: MessagePort;
}

/** WICG web-smart-card `SmartCardResponseCode` values, turned into our transport error codes. */
function transportCode(error: unknown): TransportErrorCode {
  const code = typeof error === 'object' && error !== null && 'responseCode' in error ? String((error as { responseCode: unknown }).responseCode) : '';
  switch (code) {
    case 'bridge-lost':
      return 'transport/bridge-lost';
    case 'removed-card':
    case 'reset-card':
    case 'no-smartcard':
      return 'transport/card-removed';
    case 'reader-unavailable':
    case 'unknown-reader':
    case 'no-readers-available':
      return 'transport/device-lost';
    case 'unresponsive-card':
    case 'timeout':
      return 'transport/timeout';
    case 'sharing-violation':
      return 'transport/busy';
    default:
      return 'transport/protocol';
  }
}

function failure(error: unknown, fallback: string): Error & { code: string } {
  // The bridge's own failures (unreachable, refused, stopped) already name their catalog code.
  const own = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (own.startsWith('bridge/')) return error as Error & { code: string };
  const responseCode = typeof error === 'object' && error !== null && 'responseCode' in error ? String((error as { responseCode: unknown }).responseCode) : '';
  if (responseCode === 'permission-denied') return Object.assign(new Error('the reader was not allowed'), { code: 'smartcard/not-allowed' });
  if (responseCode === 'no-smartcard' || responseCode === 'removed-card') return Object.assign(new Error('no card in the reader'), { code: 'usb/no-card' });
  if (responseCode === 'sharing-violation') return Object.assign(new Error('another program holds the card'), { code: 'transport/busy' });
  return Object.assign(new Error(`${fallback}: ${error instanceof Error ? error.message : String(error)}`), { code: 'smartcard/failed' });
}

/**
 * The Web Smart Card side of MynaLens (main thread): lists PC/SC readers, connects to a card,
 * and bridges APDUs between the engine (over a MessagePort) and `SmartCardConnection.transmit`,
 * watching the reader so a card taken out ends the session at once.
 */
export class WebSmartCardAccess {
  private context: Promise<SmartCardContextLike> | null = null;

  constructor(private readonly manager: SmartCardResourceManagerLike | null = smartCardManager()) {}

  get available(): boolean {
    return this.manager !== null;
  }

  private establish(): Promise<SmartCardContextLike> {
    if (!this.manager) return Promise.reject(Object.assign(new Error('no Web Smart Card API here'), { code: 'smartcard/unavailable' }));
    this.context ??= this.manager.establishContext().catch((error: unknown) => {
      this.context = null;
      throw failure(error, 'could not reach the PC/SC service');
    });
    return this.context;
  }

  /** Every reader PC/SC knows, and whether a card is in it (a zero-timeout status query). */
  async listReaders(): Promise<SmartCardReaderInfo[]> {
    const context = await this.establish();
    const names = await context.listReaders().catch((error: unknown) => {
      if (transportCode(error) === 'transport/device-lost') return [] as string[];
      throw failure(error, 'could not list readers');
    });
    if (names.length === 0) return [];
    const states = await context.getStatusChange(
      names.map((readerName) => ({ readerName, currentState: { unaware: true } })),
      { timeout: 0 },
    );
    return names.map((name) => ({ name, cardPresent: states.find((s) => s.readerName === name)?.eventState.present === true }));
  }

  /** Connects (shared, T=1 preferred), reads the ATR, and opens the bridge to the engine. */
  async connect(readerName: string): Promise<SmartCardSession> {
    const context = await this.establish();
    const { connection, activeProtocol } = await context
      .connect(readerName, 'shared', { preferredProtocols: ['t1', 't0'] })
      .catch((error: unknown) => {
        throw failure(error, `could not connect to ${readerName}`);
      });
    const status = await connection.status();
    const atr = new Uint8Array(status.answerToReset ?? new ArrayBuffer(0));
    const channel = new MessageChannel();
    const watch = new AbortController();
    bridge(channel.port1, connection, activeProtocol, watch);
    void watchForRemoval(context, readerName, channel.port1, watch.signal);
    const atrHex = [...atr].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
    return { readerName, atr, atrHex, extendedLength: activeProtocol === 't1', port: channel.port2 };
  }
}

/** Answers the engine's transmit requests with the connection; `close` disconnects and stops watching. */
function bridge(
  port: BridgePort,
  connection: Awaited<ReturnType<SmartCardContextLike['connect']>>['connection'],
  protocol: 'raw' | 't0' | 't1' | undefined,
  watch: AbortController,
): void {
  port.addEventListener('message', (event: MessageEvent) => {
    const request = event.data as BridgeRequest;
    if (request.kind === 'close') {
      watch.abort();
      void connection.disconnect('reset').catch(() => undefined);
      port.close?.();
      return;
    }
    connection.transmit(new Uint8Array(request.command), protocol ? { protocol } : {}).then(
      (response) => port.postMessage({ kind: 'response', id: request.id, response: new Uint8Array(response) }),
      (error: unknown) => port.postMessage({ kind: 'failure', id: request.id, code: transportCode(error), message: String(error) }),
    );
  });
  port.start?.();
}

/** Waits on PC/SC for the reader's state to change; an empty reader or a vanished one ends the session. */
async function watchForRemoval(context: SmartCardContextLike, readerName: string, port: BridgePort, signal: AbortSignal): Promise<void> {
  let known: { present: boolean } = { present: true };
  while (!signal.aborted) {
    let states;
    try {
      states = await context.getStatusChange([{ readerName, currentState: known }], { signal });
    } catch (error) {
      if (signal.aborted) return;
      const code = transportCode(error);
      const gone = code === 'transport/device-lost' || code === 'transport/bridge-lost' ? code : 'transport/card-removed';
      port.postMessage({ kind: 'gone', code: gone, message: 'the reader stopped answering' });
      return;
    }
    const state = states.find((s) => s.readerName === readerName)?.eventState;
    if (!state) continue;
    if (state.unavailable || state.unknown) {
      port.postMessage({ kind: 'gone', code: 'transport/device-lost', message: 'the reader was disconnected' });
      return;
    }
    if (state.empty || !state.present) {
      port.postMessage({ kind: 'gone', code: 'transport/card-removed', message: 'the card was taken out of the reader' });
      return;
    }
    known = { present: true };
  }
}
