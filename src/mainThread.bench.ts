import { bench, describe } from 'vitest';
import { startEngine } from './worker/test-support/engineHarness';
import { createAppStore, type EngineClientLike } from './ui/store/createAppStore';

/**
 * What a full no-PIN scan costs the main thread (issue: "the main-thread time spent per scan"):
 * the time the UI store spends handling the engine's events (rows, progress, APDU log). The card
 * work itself runs in the worker and is measured in worker/scan.bench.ts; React rendering is
 * not included here: scripts/bench-click-summary.ts measures click→summary in Chromium. The store
 * applies a frame's events at once in the app (ui/store/eventBatcher.ts); here every event is its own frame.
 * Lives at src/ because it composes ui and worker, as main.tsx does.
 */
function timedStore() {
  const h = startEngine();
  let handlerMs = 0;
  let events = 0;
  const client: EngineClientLike = {
    call: (method, params) => h.client.call(method, params),
    subscribe: (listener) =>
      h.client.subscribe((event) => {
        const started = performance.now();
        listener(event);
        handlerMs += performance.now() - started;
        events++;
      }),
  };
  const memory = new Map<string, string>();
  // Each event applied as it comes (its own frame), so the handler time counted is the store's work.
  const store = createAppStore(client, { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) }, ['en'], undefined, {
    scheduleFrame: (flush) => flush(),
  });
  return {
    store,
    take() {
      const figures = { handlerMs, events };
      handlerMs = 0;
      events = 0;
      return figures;
    },
  };
}

const t = timedStore();
await t.store.getState().connectSimulator('adult');
t.take();
await t.store.getState().scan();
const first = t.take();
// Bench files may print (house rule 12): these figures are the point of the run.
// eslint-disable-next-line no-console
console.log(`no-PIN scan, main thread: ${first.events} engine events handled in ${first.handlerMs.toFixed(1)} ms (first run)`);

describe('main-thread cost of a no-PIN scan', () => {
  bench('store handles one full scan’s events', async () => {
    await t.store.getState().scan();
  }, { iterations: 20 });
});
