import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from './worker/Engine';
import { EngineClient } from './client/EngineClient';
import type { EngineEvent, ExposureRowView, PinStateView, WorkerMessage } from './protocol';
import { pinsOf } from './worker/test-support/engineHarness';
import { memoryStorage } from './ui/testing/fakes';
import { createAppStore } from './ui/store/createAppStore';

/**
 * Rows and PIN states cross the worker boundary once (issue "speed to the physical limit" §3):
 * as events, each when it changes, and never again in a request's answer. The real engine and
 * the real store, over a real MessageChannel, with every message the page receives recorded.
 * Lives at src/ because it composes ui and worker, as main.tsx does.
 */
function startPage() {
  const channel = new MessageChannel();
  const engine = new Engine(channel.port1);
  const client = new EngineClient(channel.port2);
  const received: WorkerMessage[] = [];
  channel.port2.addEventListener('message', (event: MessageEvent<WorkerMessage>) => received.push(event.data));
  channel.port1.start();
  channel.port2.start();
  const store = createAppStore(client, memoryStorage(), ['en'], undefined, { scheduleFrame: (flush) => setTimeout(flush, 0) });
  const close = async () => {
    client.dispose();
    await engine.dispose();
    channel.port1.close();
    channel.port2.close();
  };
  // What the engine holds: what the answers of `scan` and `verifyPin` used to carry in full.
  const session = () => engine['session'];
  return { store, received, session, close };
}

const events = (received: readonly WorkerMessage[]): EngineEvent[] => received.flatMap((m) => (m.kind === 'events' ? m.events : []));

/** Each row event and each PIN state sent, and whether it differed from what that connection last sent of it. */
function sends(received: readonly WorkerMessage[]) {
  const rows: { key: string; changed: boolean }[] = [];
  const pins: { pinId: string; changed: boolean }[] = [];
  let lastRow = new Map<string, string>();
  let lastPin = new Map<string, string>();
  for (const event of events(received)) {
    if (event.type === 'connection' && event.connected) {
      lastRow = new Map();
      lastPin = new Map();
    } else if (event.type === 'row') {
      const json = JSON.stringify(event.row);
      rows.push({ key: event.row.key, changed: lastRow.get(event.row.key) !== json });
      lastRow.set(event.row.key, json);
    } else if (event.type === 'pins') {
      for (const pin of event.pins) {
        const json = JSON.stringify(pin);
        pins.push({ pinId: pin.pinId, changed: lastPin.get(pin.pinId) !== json });
        lastPin.set(pin.pinId, json);
      }
    }
  }
  return { rows, pins };
}

/** How many messages carry `text` anywhere in them. */
const carrying = (received: readonly WorkerMessage[], text: string) => received.filter((m) => JSON.stringify(m).includes(text)).length;

let close: () => Promise<void> = async () => {};
afterEach(() => close());

describe('rows and PIN states cross the worker boundary once', () => {
  it('a scan, a PIN, a tries-left read and a rescan: every row and PIN state sent is a change, no answer carries one, and the page ends as the engine', async () => {
    const page = startPage();
    close = page.close;
    const { store, received, session } = page;

    // Choosing the simulator scans it at once.
    await store.getState().connectSimulator('adult');
    expect(store.getState().scanned).toBe(true);
    const afterScan = sends(received);
    // Every row of the matrix came live, as the scan went; every PIN of the card too.
    expect(new Set(afterScan.rows.map((r) => r.key)).size).toBe(session().rowList().length);
    expect(new Set(afterScan.pins.map((p) => p.pinId)).size).toBe(session().pinViews().length);

    store.getState().openPinDialog('textPin');
    expect(await store.getState().submitPin((await pinsOf('adult')).textPin, false)).toBe(true);
    await store.getState().refreshPins();
    const beforeRescan = received.length;
    await store.getState().scan();

    const { rows, pins } = sends(received);
    expect(rows.filter((r) => !r.changed)).toEqual([]);
    expect(pins.filter((p) => !p.changed)).toEqual([]);

    // The answers are summaries: nothing of a row or a PIN state in them.
    const answers = received.flatMap((m) => (m.kind === 'response' && m.ok ? [m.result] : []));
    for (const answer of answers) expect(JSON.stringify(answer ?? null)).not.toMatch(/"(rows|pins|opened|content|triesLeft)"/);

    // A file's bytes cross once per read: the authentication certificate, read in the first scan
    // and again by the rescan (which starts every row not opened by a PIN afresh and reads it again).
    const certificate = session().row('jpki/000A')!.content!.rawHex;
    expect(carrying(received.slice(0, beforeRescan), certificate)).toBe(1);
    expect(carrying(received, certificate)).toBe(2);

    // The page ends where the engine is: the state the answers used to carry in full.
    const state = store.getState();
    expect(state.rows).toEqual<ExposureRowView[]>(session().rowList());
    expect(state.pins).toEqual<PinStateView[]>(session().pinViews());
    expect(state.pinOpened?.keys).toContain('text/0001');
    expect(state.rows.find((r) => r.key === 'text/0001')).toMatchObject({ status: 'read', openedBy: ['textPin'] });
    expect(state.pins.find((p) => p.pinId === 'textPin')).toMatchObject({ verified: true, triesLeft: 3 });
  });
});
