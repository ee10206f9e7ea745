import { afterEach, describe, expect, it, vi } from 'vitest';
import { SimulatedCard, SimulatorTransport, loadPersonalisation } from '../simulator';
import { Engine, type EngineOptions } from '../worker/Engine';
import { EngineSupervisor, type WorkerLike } from './EngineSupervisor';
import { EngineFailure, type EngineEvent } from '../protocol';

/**
 * A stand-in for `new Worker(…)`: a real engine (with the real simulator) behind a MessageChannel,
 * which the test can crash (an `error` event, as an uncaught exception in a worker raises) or
 * silence (a worker that closed itself or hangs: messages go nowhere and no event comes).
 */
class FakeWorker {
  terminated = false;
  silent = false;
  private readonly channel = new MessageChannel();
  private readonly engine: Engine;
  private readonly crashes = new EventTarget();

  constructor(engineOptions?: EngineOptions) {
    this.engine = new Engine(this.channel.port1, engineOptions);
    this.channel.port1.start();
    this.channel.port2.start();
  }

  postMessage(message: unknown): void {
    if (!this.terminated && !this.silent) this.channel.port2.postMessage(message);
  }

  addEventListener(type: string, listener: (event: never) => void): void {
    if (type === 'message') this.channel.port2.addEventListener('message', listener as (event: MessageEvent) => void);
    else this.crashes.addEventListener(type, listener as EventListener);
  }

  removeEventListener(type: string, listener: (event: never) => void): void {
    if (type === 'message') this.channel.port2.removeEventListener('message', listener as (event: MessageEvent) => void);
    else this.crashes.removeEventListener(type, listener as EventListener);
  }

  terminate(): void {
    this.terminated = true;
    void this.engine.dispose();
    this.channel.port1.close();
    this.channel.port2.close();
  }

  crash(): void {
    this.crashes.dispatchEvent(new Event('error'));
  }
}

let supervisor: EngineSupervisor | undefined;
afterEach(() => {
  supervisor?.dispose();
  supervisor = undefined;
});

function supervise(options: { heartbeatMs?: number; missedBeats?: number; maxRestarts?: number; engine?: EngineOptions } = {}) {
  const workers: FakeWorker[] = [];
  const events: EngineEvent[] = [];
  supervisor = new EngineSupervisor({
    spawn: () => {
      const worker = new FakeWorker(options.engine);
      workers.push(worker);
      return worker as unknown as WorkerLike;
    },
    heartbeatMs: options.heartbeatMs ?? 60_000,
    missedBeats: options.missedBeats ?? 3,
    maxRestarts: options.maxRestarts ?? 3,
  });
  supervisor.subscribe((e) => events.push(e));
  return { s: supervisor, workers, events, restarts: () => events.filter((e) => e.type === 'restarted') };
}

describe('EngineSupervisor', () => {
  it('replaces a crashed worker: pending calls reject with engine/restarted, subscribers hear it, and the new engine works', async () => {
    const { s, workers, restarts } = supervise();
    await s.call('connectSimulator', { holder: 'adult' });
    const pending = s.call('scan', {});
    workers[0]!.crash();
    const failure = await pending.catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EngineFailure);
    expect(failure).toMatchObject({ code: 'engine/restarted' });
    expect(workers[0]!.terminated).toBe(true);
    expect(restarts()).toEqual([{ type: 'restarted', reason: expect.objectContaining({ code: 'engine/restarted', details: { cause: 'error' } }) }]);
    // The card session did not survive; the person connects again and scans.
    await expect(s.call('identifyCard', {})).rejects.toMatchObject({ code: 'engine/not-connected' });
    await s.call('connectSimulator', { holder: 'adult' });
    expect(await s.call('identifyCard', {})).toMatchObject({ isMyNumberCard: true });
    expect(workers).toHaveLength(2);
  });

  it('replaces a worker that stops answering its heartbeat, with no event at all', async () => {
    const { s, workers, restarts } = supervise({ heartbeatMs: 10, missedBeats: 3 });
    await s.call('connectSimulator', { holder: 'adult' });
    workers[0]!.silent = true;
    await expect(s.call('identifyCard', {})).rejects.toMatchObject({ code: 'engine/restarted' });
    expect(restarts()[0]).toMatchObject({ reason: { details: { cause: 'unresponsive' } } });
    await s.call('connectSimulator', { holder: 'child' });
  });

  it('does not mistake a long scan for a dead worker: the engine answers heartbeats outside its queue', async () => {
    // The card holds every command until the test lets go, so the scan lasts as many heartbeats
    // as the test chooses; only the heartbeat interval runs on fake time.
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    const openSimulator: EngineOptions['openSimulator'] = async (holder, extendedLength) => {
      const inner = new SimulatorTransport(new SimulatedCard(await loadPersonalisation(holder)), { extendedLength });
      return Object.assign(Object.create(inner) as SimulatorTransport, {
        transmit: async (command: Uint8Array, meta?: { readonly sensitive?: boolean }) => {
          await held;
          return inner.transmit(command, meta);
        },
      });
    };
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const heartbeatMs = 5;
      const { s, workers, restarts } = supervise({ heartbeatMs, missedBeats: 2, engine: { openSimulator } });
      let pongs = 0;
      let pongArrived: () => void = () => {};
      workers[0]!.addEventListener('message', ((event: MessageEvent<{ kind?: string }>) => {
        if (event.data.kind !== 'pong') return;
        pongs++;
        pongArrived();
      }) as never);
      await s.call('connectSimulator', { holder: 'adult' });
      const scan = s.call('scan', {});
      // Five heartbeats while the scan waits on the card: more than missedBeats, each answered.
      for (let beat = 1; beat <= 5; beat++) {
        const answered = new Promise<void>((resolve) => (pongArrived = resolve));
        vi.advanceTimersByTime(heartbeatMs);
        await answered;
        expect(pongs).toBe(beat);
      }
      letGo();
      const { rows } = await scan;
      expect(rows.length).toBeGreaterThan(0);
      expect(restarts()).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores a late error from a worker it already replaced', async () => {
    const { workers, restarts } = supervise();
    workers[0]!.crash();
    workers[0]!.crash();
    expect(restarts()).toHaveLength(1);
    expect(workers).toHaveLength(2);
  });

  it('gives up with engine/stopped when the worker keeps dying, instead of restarting in a loop', async () => {
    const { s, workers, restarts } = supervise({ maxRestarts: 2 });
    for (let i = 0; i < 3; i++) workers.at(-1)!.crash();
    expect(workers).toHaveLength(3);
    expect(restarts().map((e) => e.type === 'restarted' && e.reason.code)).toEqual(['engine/restarted', 'engine/restarted', 'engine/stopped']);
    await expect(s.call('connectSimulator', { holder: 'adult' })).rejects.toMatchObject({ code: 'engine/stopped' });
  });
});
