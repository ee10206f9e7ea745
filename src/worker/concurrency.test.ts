import { afterEach, describe, expect, it } from 'vitest';
import { toHex } from '../bytes';
import type { EngineMethod, EngineMethods } from '../protocol';
import { pinsOf, startEngine } from './test-support/engineHarness';

/**
 * The engine runs one card operation at a time, in arrival order (architecture: worker/, house
 * rule 9). Proven from the card's side: several requests fired at once produce exactly the APDUs,
 * in exactly the order, that the same requests produce when each waits for the one before — so
 * no request's commands ever land between another's (a SELECT of one applet between another's
 * SELECT and READ would read the wrong file).
 */

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

type Request = { [M in EngineMethod]: readonly [M, EngineMethods[M]['params']] }[EngineMethod];

async function requests(): Promise<Request[]> {
  const pins = await pinsOf('adult');
  return [
    ['identifyCard', {}],
    ['pinStatus', {}],
    ['scan', {}],
    ['verifyPin', { pinId: 'jpkiAuth', pin: pins.jpkiAuth }],
    ['verifyPin', { pinId: 'textPin', pin: '0000' }],
    ['identifyCard', {}],
    ['verifyPin', { pinId: 'visualBirth', pin: pins.birthKey }],
    ['pinStatus', {}],
  ];
}

/** Runs the requests on a fresh engine, either one after another or all at once; returns what the card saw. */
async function run(all: readonly Request[], mode: 'serial' | 'concurrent') {
  const sent: string[] = [];
  // With reader-like latency, so requests that were not queued would have time to interleave.
  const h = startEngine({ spy: (command) => sent.push(toHex(command)), latency: true });
  close = h.close;
  await h.client.call('connectSimulator', { holder: 'adult' });
  const settle = (request: Request) =>
    (h.client.call as (m: EngineMethod, p: unknown) => Promise<unknown>)(request[0], request[1]).then(
      () => 'ok',
      (error: { code: string }) => error.code,
    );
  const finished: number[] = [];
  let outcomes: string[];
  if (mode === 'serial') {
    outcomes = [];
    for (const [i, request] of all.entries()) {
      outcomes.push(await settle(request));
      finished.push(i);
    }
  } else {
    outcomes = await Promise.all(all.map((request, i) => settle(request).then((o) => (finished.push(i), o))));
  }
  await h.close();
  close = undefined;
  return { sent, outcomes, finished };
}

describe('concurrent requests are queued, never interleaved on the card', () => {
  it('fires eight requests at once: the card sees the same commands in the same order as when each waited its turn', async () => {
    const all = await requests();
    const serial = await run(all, 'serial');
    const concurrent = await run(all, 'concurrent');
    expect(serial.sent.length).toBeGreaterThan(60);
    expect(concurrent.sent).toEqual(serial.sent);
    expect(concurrent.outcomes).toEqual(serial.outcomes);
    expect(concurrent.outcomes).toEqual(['ok', 'ok', 'ok', 'ok', 'card/wrong-pin', 'ok', 'ok', 'ok']);
    // And each answer comes back in arrival order.
    expect(concurrent.finished).toEqual(all.map((_, i) => i));
  });
});
