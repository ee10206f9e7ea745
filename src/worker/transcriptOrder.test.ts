import { afterEach, describe, expect, it } from 'vitest';
import { pinsOf, startEngine } from './test-support/engineHarness';
import type { ExposureRowView, PinKey, PinStateView } from '../protocol';

/**
 * A re-opened transcript answers like the card did (TranscriptCard): sessions are recorded
 * against the simulator in several orders, each transcript is replayed in the other orders, and
 * every step's decoded rows, PIN states and errors must equal a live session run in that order.
 */

type Step = 'scan' | 'wrongAuth' | 'textPin' | 'signPassword' | 'visualPinA' | 'visualPinB';
type Engine = ReturnType<typeof startEngine>;

let open: Engine[] = [];
afterEach(async () => {
  await Promise.all(open.map((h) => h.close()));
  open = [];
});

const comparableRows = (rows: readonly ExposureRowView[]) =>
  [...rows]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((r) => ({ key: r.key, status: r.status, readWith: r.readWith, content: r.content ?? null, errorCode: r.errorCode ?? null }));
const comparablePins = (pins: readonly PinStateView[]) => pins.map((p) => JSON.stringify(p));

/** What one step showed: the rows it produced, the PIN states, or the error it ended with. */
async function run(h: Engine, step: Step): Promise<unknown> {
  const pins = await pinsOf('adult');
  const verify = (pinId: PinKey, pin: string) => h.client.call('verifyPin', { pinId, pin });
  try {
    switch (step) {
      case 'scan': {
        const { rows, pins: states } = await h.client.call('scan', {});
        return { rows: comparableRows(rows), pins: comparablePins(states) };
      }
      case 'wrongAuth':
        return await verify('jpkiAuth', '9999');
      case 'textPin':
        return shown(await verify('textPin', pins.textPin));
      case 'signPassword':
        return shown(await verify('jpkiSign', pins.jpkiSign!));
      case 'visualPinA':
        return shown(await verify('visualPinA', pins.pinA));
      case 'visualPinB':
        return shown(await verify('visualPinB', pins.pinB));
    }
  } catch (error) {
    const { code, details } = error as { code: string; details?: unknown };
    return { error: code, details };
  }
}
const shown = (result: { pins: readonly PinStateView[]; opened: readonly ExposureRowView[] }) => ({
  opened: comparableRows(result.opened),
  pins: comparablePins(result.pins),
});

async function live(order: readonly Step[]): Promise<{ results: unknown[]; text: string }> {
  const h = startEngine();
  open.push(h);
  await h.client.call('connectSimulator', { holder: 'adult' });
  const results = [];
  for (const step of order) results.push(await run(h, step));
  const { text } = await h.client.call('exportTranscript', { kind: 'full' });
  return { results, text };
}

async function replay(text: string, order: readonly Step[]): Promise<unknown[]> {
  const h = startEngine();
  open.push(h);
  await h.client.call('openTranscript', { text, fileName: 'recorded.txt' });
  const results = [];
  for (const step of order) results.push(await run(h, step));
  return results;
}

/**
 * Orders over one set of steps; each ends with a scan, so the transcript also holds every PIN's
 * tries-left after its VERIFY — the state a scan placed anywhere in another order meets.
 */
const ORDERS: Record<string, readonly Step[]> = {
  'scan first': ['scan', 'wrongAuth', 'textPin', 'signPassword', 'visualPinB', 'visualPinA', 'scan'],
  'PINs first': ['textPin', 'visualPinA', 'wrongAuth', 'scan', 'signPassword', 'visualPinB', 'scan'],
  'reversed PINs': ['signPassword', 'visualPinA', 'visualPinB', 'scan', 'textPin', 'wrongAuth', 'scan'],
  'wrong PIN last': ['visualPinB', 'visualPinA', 'textPin', 'signPassword', 'scan', 'wrongAuth', 'scan'],
};

describe('a transcript replayed in another order answers like the card', () => {
  const names = Object.keys(ORDERS);
  for (const recordedAs of names.slice(0, 3)) {
    it(`recorded "${recordedAs}", replayed in every other order`, async () => {
      const recording = await live(ORDERS[recordedAs]!);
      for (const replayedAs of names.filter((n) => n !== recordedAs)) {
        const order = ORDERS[replayedAs]!;
        const truth = await live(order);
        const replayed = await replay(recording.text, order);
        replayed.forEach((result, i) => expect({ order: replayedAs, step: order[i], result }).toEqual({ order: replayedAs, step: order[i], result: truth.results[i] }));
      }
    }, 60_000);
  }

  it('replays a session in its own order to the same rows', async () => {
    const recording = await live(ORDERS['scan first']!);
    expect(await replay(recording.text, ORDERS['scan first']!)).toEqual(recording.results);
  });

  it('says "not in this transcript" for a PIN the recording never entered', async () => {
    const recording = await live(['scan', 'textPin']);
    const [, visual] = await replay(recording.text, ['scan', 'visualPinB']);
    expect(visual).toMatchObject({ error: 'transport/replay-not-recorded' });
  });
});
