import { BaseTransport } from './CardTransport';
import type { BridgePort, BridgeReply } from './portBridge';
import { TransportError } from './TransportError';

export interface PortTransportOptions {
  readonly kind: string;
  readonly atr: Uint8Array;
  readonly extendedLength: boolean;
  /** Longest wait for one answer (the main thread's API may hang on a mute card). */
  readonly timeoutMs: number;
}

/**
 * A `CardTransport` whose card lives on the other side of a MessagePort: the engine in the
 * worker talks to a card the main thread holds (Web Smart Card). One request in flight at a
 * time (BaseTransport), each bounded by a timeout; a `gone` message from the other side, or a
 * timeout, ends the session with the TransportError it names.
 */
export class PortTransport extends BaseTransport {
  readonly kind: string;
  readonly extendedLength: boolean;
  private readonly atrBytes: Uint8Array;
  private nextId = 1;
  private waiting: { id: number; resolve: (r: Uint8Array) => void; reject: (e: TransportError) => void } | null = null;
  private readonly onMessage = (event: MessageEvent) => this.handle(event.data as BridgeReply);

  constructor(
    private readonly port: BridgePort,
    private readonly options: PortTransportOptions,
  ) {
    super();
    this.kind = options.kind;
    this.extendedLength = options.extendedLength;
    this.atrBytes = options.atr.slice();
    port.addEventListener('message', this.onMessage);
    port.start?.();
  }

  get atr(): Uint8Array {
    return this.atrBytes.slice();
  }

  protected exchange(command: Uint8Array): Promise<Uint8Array> {
    const id = this.nextId++;
    return new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(() => {
        const error = new TransportError('transport/timeout', 'the card did not answer within the time allowed');
        this.waiting = null;
        reject(error);
        this.disconnect(error);
      }, this.options.timeoutMs);
      this.waiting = {
        id,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.port.postMessage({ kind: 'transmit', id, command: command.slice() });
    });
  }

  protected async release(): Promise<void> {
    this.port.postMessage({ kind: 'close' });
    this.port.removeEventListener('message', this.onMessage);
    this.port.close?.();
  }

  private handle(reply: BridgeReply): void {
    if (reply?.kind === 'gone') {
      const error = new TransportError(reply.code, reply.message);
      this.waiting?.reject(error);
      this.waiting = null;
      this.disconnect(error);
      return;
    }
    const waiter = this.waiting;
    if (!waiter || reply?.id !== waiter.id) return;
    this.waiting = null;
    if (reply.kind === 'response') waiter.resolve(new Uint8Array(reply.response));
    else waiter.reject(new TransportError(reply.code, reply.message));
  }
}
