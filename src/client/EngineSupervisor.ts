import { EngineClient } from './EngineClient';
import { EngineFailure, type Endpoint, type EngineEvent, type EngineMethod, type EngineMethods, type SerializedError } from '../protocol';

/**
 * What the supervisor needs of a worker: a message endpoint that can also report a crash
 * (`error`: an exception escaped the worker; `messageerror`: a message could not be read) and be
 * terminated. A real `Worker` is one; tests pass a fake.
 */
export type WorkerLike = Endpoint & {
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
};

/** How the supervisor watches the worker. */
export interface SupervisorOptions {
  /** Starts a fresh engine worker (main.tsx: `new Worker(new URL('./engine.worker.ts', …))`). */
  readonly spawn: () => WorkerLike;
  /** Time between heartbeats; default 2 s. */
  readonly heartbeatMs?: number;
  /** Heartbeats in a row left unanswered before the worker counts as dead; default 5 (10 s). */
  readonly missedBeats?: number;
  /** Restarts allowed within `restartWindowMs` before giving up with `engine/stopped`; default 3 per minute. */
  readonly maxRestarts?: number;
  readonly restartWindowMs?: number;
  readonly now?: () => number;
}

/** The error every call pending on a worker that died rejects with (catalog: "connect and scan again"). */
const ENGINE_RESTARTED: SerializedError = {
  code: 'engine/restarted',
  message: 'the card engine stopped unexpectedly and was restarted; connect the card again',
};

/** When the worker keeps dying, a loop of restarts helps nobody: the person is asked to reload. */
const ENGINE_STOPPED: SerializedError = { code: 'engine/stopped', message: 'the card engine keeps stopping; reload the page' };

/**
 * Keeps an engine worker alive for the UI (architecture: worker/, main-thread side). It offers
 * the same `call`/`subscribe` as `EngineClient` and puts a fresh worker in place when the current
 * one crashes (`error` or `messageerror` on the Worker) or stops answering its heartbeat (a worker
 * that closed itself or hangs sends no event at all). Calls pending on the dead worker reject with
 * `engine/restarted`, and subscribers get a `restarted` event, so the UI can drop what it showed
 * and tell the person to connect and scan again. The card session does not survive: the new
 * engine starts with no card, which is also what house rule 10 wants of card data.
 */
export class EngineSupervisor {
  private worker: WorkerLike;
  private client: EngineClient;
  private readonly listeners = new Set<(event: EngineEvent) => void>();
  private readonly heartbeatMs: number;
  private readonly missedBeats: number;
  private readonly maxRestarts: number;
  private readonly restartWindowMs: number;
  private readonly now: () => number;
  private readonly timer: ReturnType<typeof setInterval>;
  private restarts: number[] = [];
  private awaitingPong: number | null = null;
  private missed = 0;
  private nextPing = 1;
  private stopped: SerializedError | null = null;

  constructor(private readonly options: SupervisorOptions) {
    this.heartbeatMs = options.heartbeatMs ?? 2000;
    this.missedBeats = options.missedBeats ?? 5;
    this.maxRestarts = options.maxRestarts ?? 3;
    this.restartWindowMs = options.restartWindowMs ?? 60_000;
    this.now = options.now ?? (() => Date.now());
    [this.worker, this.client] = this.start();
    this.timer = setInterval(() => this.beat(), this.heartbeatMs);
  }

  /** Calls an engine method on the current worker; rejects with `EngineFailure`. */
  call<M extends EngineMethod>(method: M, params: EngineMethods[M]['params'], transfer: Transferable[] = []): Promise<EngineMethods[M]['result']> {
    if (this.stopped) return Promise.reject(EngineFailure.fromSerialized(this.stopped));
    return this.client.call(method, params, transfer);
  }

  /** Subscribes to engine events (and `restarted`) across restarts; returns an unsubscribe function. */
  subscribe(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Replaces the worker now: the crash path, and what the heartbeat does when the worker is silent.
   * Pending calls reject with `engine/restarted`; subscribers hear `restarted` with `cause`. After
   * too many restarts in a row it gives up instead, with `engine/stopped`.
   */
  restart(cause: string): void {
    if (this.stopped) return;
    this.retire(ENGINE_RESTARTED);
    const now = this.now();
    this.restarts = [...this.restarts.filter((t) => now - t < this.restartWindowMs), now];
    if (this.restarts.length > this.maxRestarts) {
      this.stop(ENGINE_STOPPED, true);
      return;
    }
    [this.worker, this.client] = this.start();
    this.emit({ type: 'restarted', reason: { ...ENGINE_RESTARTED, details: { cause } } });
  }

  /** Stops the heartbeat and the worker; later calls reject with `engine/stopped`. */
  dispose(): void {
    this.stop(ENGINE_STOPPED, false);
  }

  private stop(reason: SerializedError, announce: boolean): void {
    if (this.stopped) return;
    this.stopped = reason;
    clearInterval(this.timer);
    // The dead worker was already retired by `restart`; retiring twice is harmless.
    this.retire(reason);
    if (announce) this.emit({ type: 'restarted', reason });
  }

  private start(): [WorkerLike, EngineClient] {
    const worker = this.options.spawn();
    const client = new EngineClient(worker);
    // Only the current worker may trigger a restart: a late event from a retired one is ignored.
    const onCrash = (kind: string) => () => {
      if (this.worker === worker) this.restart(kind);
    };
    worker.addEventListener('error', onCrash('error'));
    worker.addEventListener('messageerror', onCrash('messageerror'));
    client.subscribe((event) => this.emit(event));
    client.onPong = (id) => {
      if (id !== this.awaitingPong) return;
      this.awaitingPong = null;
      this.missed = 0;
    };
    this.awaitingPong = null;
    this.missed = 0;
    return [worker, client];
  }

  private retire(reason: SerializedError): void {
    this.client.dispose(reason);
    this.worker.terminate();
  }

  /**
   * One heartbeat: a ping is sent only when the last one was answered, and the worker is declared
   * dead after `missedBeats` beats without an answer. Counting beats rather than elapsed time keeps
   * a throttled background tab (timers slowed to once a minute) from looking like a dead worker.
   */
  private beat(): void {
    if (this.awaitingPong !== null) {
      if (++this.missed >= this.missedBeats) this.restart('unresponsive');
      return;
    }
    this.awaitingPong = this.nextPing++;
    this.client.ping(this.awaitingPong);
  }

  private emit(event: EngineEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
