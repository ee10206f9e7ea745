import { afterEach, describe, expect, it } from 'vitest';
import { ReplayTransport } from '../transport';
import { Engine } from './Engine';
import { EngineClient } from '../client/EngineClient';
import { EngineFailure, type EngineEvent } from '../protocol';

// docs/card-reference.md §13.1, with the token label padded to 32 bytes by spaces.
const LABEL_HEX = '4A 50 4B 49 41 50 49 43 43 54 4F 4B 45 4E 32' + ' 20'.repeat(17);
const IDENTIFY = `
=> 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01
<= 90 00
=> 00 A4 02 0C 02 00 06
<= 90 00
=> 00 B0 00 00 20
<= ${LABEL_HEX} 90 00
`;

function setup(transcript: string) {
  const channel = new MessageChannel();
  const replay = new ReplayTransport(transcript);
  const engine = new Engine(channel.port1, async () => replay);
  const client = new EngineClient(channel.port2);
  channel.port1.start();
  channel.port2.start();
  const events: EngineEvent[] = [];
  client.subscribe((e) => events.push(e));
  return { engine, client, events, replay, close: () => { client.dispose(); channel.port1.close(); channel.port2.close(); } };
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('Engine over a MessageChannel', () => {
  it('connects, identifies the card and logs each APDU with its decoded name', async () => {
    const { client, events, replay, close } = setup(IDENTIFY);
    cleanup = close;
    const info = await client.call('connectSimulator', { holder: 'adult' });
    expect(info).toEqual({ kind: 'replay', atr: '3B E0 00 FF 81 31 FE 45 14', extendedLength: false });
    const identity = await client.call('identifyCard', {});
    expect(identity).toEqual({ tokenLabel: 'JPKIAPICCTOKEN2', isMyNumberCard: true, atrKnown: true });
    replay.assertComplete();
    const rows = events.flatMap((e) => (e.type === 'apdu' ? [e.row] : []));
    expect(rows.map((r) => r.name)).toEqual(['SELECT JPKI AP', 'SELECT EF 0006', 'READ BINARY @0000']);
    expect(rows[2]).toMatchObject({ sw: '9000' });
    expect(rows[2]).not.toHaveProperty('swMeaning');
  });

  it('answers a request without a card with a serialised engine/not-connected error', async () => {
    const { client, close } = setup('');
    cleanup = close;
    const failure = await client.call('identifyCard', {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EngineFailure);
    expect(failure).toMatchObject({ code: 'engine/not-connected' });
  });

  it('turns a card without the JPKI AP into card/applet-not-found', async () => {
    const { client, close } = setup('=> 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01\n<= 6A 82\n');
    cleanup = close;
    await client.call('connectSimulator', { holder: 'adult' });
    await expect(client.call('identifyCard', {})).rejects.toMatchObject({ code: 'card/applet-not-found' });
  });

  it('runs requests one at a time in arrival order', async () => {
    const { client, replay, close } = setup(IDENTIFY + IDENTIFY);
    cleanup = close;
    await client.call('connectSimulator', { holder: 'adult' });
    const [a, b] = await Promise.all([client.call('identifyCard', {}), client.call('identifyCard', {})]);
    expect(a.tokenLabel).toBe('JPKIAPICCTOKEN2');
    expect(b.tokenLabel).toBe('JPKIAPICCTOKEN2');
    replay.assertComplete();
  });

  it('answers a method it does not have — an object\'s own property names included — with engine/unknown-request', async () => {
    // A page of another version, speaking to the engine directly: the client would not let it.
    const channel = new MessageChannel();
    const engine = new Engine(channel.port1, async () => new ReplayTransport(IDENTIFY));
    cleanup = () => {
      void engine.dispose();
      channel.port1.close();
      channel.port2.close();
    };
    const answers: unknown[] = [];
    const answered = new Promise<void>((resolve) => {
      channel.port2.addEventListener('message', (event: MessageEvent<{ kind: string }>) => {
        if (event.data.kind === 'response') answers.push(event.data);
        if (answers.length === 2) resolve();
      });
    });
    channel.port1.start();
    channel.port2.start();
    channel.port2.postMessage({ kind: 'request', id: 1, method: 'formatCard', params: {} });
    channel.port2.postMessage({ kind: 'request', id: 2, method: 'toString', params: {} });
    await answered;
    expect(answers).toEqual([
      // engineMs: the engine's own time for the request, which every answer carries (scripts/bench-click-summary.ts).
      { kind: 'response', id: 1, ok: false, error: { code: 'engine/unknown-request', message: 'unknown request formatCard', details: {} }, engineMs: expect.any(Number) },
      { kind: 'response', id: 2, ok: false, error: { code: 'engine/unknown-request', message: 'unknown request toString', details: {} }, engineMs: expect.any(Number) },
    ]);
  });
});
