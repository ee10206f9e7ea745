import type {
  EngineEvent,
  EngineMethod,
  EngineMethods,
  Endpoint,
  PingMessage,
  SerializedError,
  WorkerMessage,
} from '../protocol';
import { EngineFailure } from '../protocol';


/**
 * The main thread's handle on the engine (house rule 9): typed calls that resolve with plain
 * data, and a stream of events. Knows nothing of cards, APDUs or USB.
 */
export class EngineClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: EngineFailure) => void }>();
  private readonly listeners = new Set<(event: EngineEvent) => void>();
  private readonly onMessage = (event: MessageEvent) => this.handle(event.data as WorkerMessage);

  constructor(private readonly endpoint: Endpoint) {
    endpoint.addEventListener('message', this.onMessage);
  }

  /** Calls an engine method; rejects with `EngineFailure`. */
  call<M extends EngineMethod>(method: M, params: EngineMethods[M]['params'], transfer: Transferable[] = []): Promise<EngineMethods[M]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.endpoint.postMessage({ kind: 'request', id, method, params }, transfer);
    });
  }

  /** Subscribes to engine events; returns an unsubscribe function. */
  subscribe(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the engine whether it is alive; `onPong` hears the answer (see `EngineSupervisor`). */
  ping(id: number): void {
    this.endpoint.postMessage({ kind: 'ping', id } satisfies PingMessage);
  }

  /** Called with the id of each heartbeat answer. */
  onPong: ((id: number) => void) | null = null;

  /** How many calls are waiting for an answer. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Stops listening; pending calls are rejected with `reason` (by default `engine/stopped`). */
  dispose(reason: SerializedError = { code: 'engine/stopped', message: 'the engine was stopped' }): void {
    this.endpoint.removeEventListener('message', this.onMessage);
    for (const { reject } of this.pending.values()) reject(EngineFailure.fromSerialized(reason));
    this.pending.clear();
    this.listeners.clear();
    this.onPong = null;
  }

  private handle(message: WorkerMessage): void {
    if (message.kind === 'pong') {
      this.onPong?.(message.id);
      return;
    }
    if (message.kind === 'events') {
      for (const event of message.events) for (const listener of [...this.listeners]) listener(event);
      return;
    }
    const waiter = this.pending.get(message.id);
    if (!waiter) return;
    this.pending.delete(message.id);
    if (message.ok) waiter.resolve(message.result);
    else waiter.reject(EngineFailure.fromSerialized(message.error));
  }
}
