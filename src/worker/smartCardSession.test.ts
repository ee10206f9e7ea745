import { describe, expect, it } from 'vitest';
import { SimulatedCard, loadPersonalisation } from '../simulator';
import type { BridgeRequest } from '../transport';
import type { EngineFailure } from '../protocol';
import { startEngine } from './test-support/engineHarness';

/** The main thread's side of the bridge, reduced to its protocol: answer each transmit from a card. */
function cardBehindPort(card: SimulatedCard): MessagePort {
  const { port1, port2 } = new MessageChannel();
  port1.addEventListener('message', (event: MessageEvent<BridgeRequest>) => {
    if (event.data.kind === 'transmit') port1.postMessage({ kind: 'response', id: event.data.id, response: card.respond(event.data.command) });
  });
  port1.start();
  return port2;
}

describe('engine: connectSmartCard (Web Smart Card, card held by the main thread)', () => {
  it('takes the transferred port, scans through it, and has no USB reader to check', async () => {
    const { client, close } = startEngine();
    const port = cardBehindPort(new SimulatedCard(await loadPersonalisation('adult')));
    const info = await client.call('connectSmartCard', { port, readerName: 'R', atr: '3B E0 00 FF 81 31 FE 45 14', extendedLength: true }, [port]);
    expect(info).toMatchObject({ kind: 'smartcard', atr: '3B E0 00 FF 81 31 FE 45 14', extendedLength: true, reader: { name: 'R' } });
    const { rows } = await client.call('scan', {});
    expect(rows.find((r) => r.key === 'jpki/000A')?.status).toBe('read');
    expect(rows.find((r) => r.key === 'cardLevel/0045')?.status).toBe('read');
    expect(await client.call('readerCheck', {}).then(() => 'resolved', (e: EngineFailure) => e.code)).toBe('engine/not-a-reader');
    await close();
  });
});
