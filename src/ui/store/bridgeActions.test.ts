import { describe, expect, it } from 'vitest';
import type { BridgeAccessLike } from '../../platform/bridgeAccess';
import { fakeClient, memoryStorage, row } from '../testing/fakes';
import { createAppStore } from './createAppStore';

/** A bridge route in memory: needs pairing with code 12345678, then lists one reader. */
function fakeBridge() {
  let paired = false;
  let lost: () => void = () => undefined;
  const ports: MessagePort[] = [];
  const bridge: BridgeAccessLike & { lose(): void; finds: number } = {
    available: true,
    finds: 0,
    async find() {
      bridge.finds++;
      return paired ? 'ready' : 'needs-pairing';
    },
    async pair(code: string) {
      if (code !== '12345678') throw Object.assign(new Error('wrong'), { code: 'bridge/wrong-code' });
      paired = true;
    },
    listReaders: async () => [{ name: 'Virtual PCD 00 00', cardPresent: true }],
    async connect(readerName: string) {
      const { port1, port2 } = new MessageChannel();
      ports.push(port1, port2);
      return { readerName, atr: Uint8Array.of(0x3b), atrHex: '3B', extendedLength: true, port: port2 };
    },
    onLost(listener) {
      lost = listener;
      return () => undefined;
    },
    lose: () => lost(),
  };
  return { bridge, close: () => ports.forEach((p) => p.close()) };
}

function setup() {
  const fake = fakeClient({ connectSmartCard: () => ({ kind: 'smartcard', atr: '3B', extendedLength: true, reader: { id: 'pcsc:V', name: 'V' } }) });
  const { bridge, close } = fakeBridge();
  const store = createAppStore(fake.client, memoryStorage(), ['en'], undefined, { bridge, scheduleFrame: fake.scheduleFrame });
  return { ...fake, store, bridge, close };
}

describe('createAppStore with the MynaLens bridge', () => {
  it('looks for the bridge only when asked, asks for pairing, then lists readers with card presence', async () => {
    const { store, bridge, close } = setup();
    expect(store.getState().bridgeAvailable).toBe(true);
    expect(store.getState().bridgeStatus).toBe('idle');
    expect(bridge.finds).toBe(0);
    await store.getState().findBridge();
    expect(store.getState().bridgeStatus).toBe('needs-pairing');
    await store.getState().pairBridge('00000000');
    expect(store.getState().errorCode).toBe('bridge/wrong-code');
    expect(store.getState().bridgeStatus).toBe('needs-pairing');
    await store.getState().pairBridge('12345678');
    expect(store.getState().bridgeStatus).toBe('ready');
    expect(store.getState().bridgeReaders).toEqual([{ name: 'Virtual PCD 00 00', cardPresent: true }]);
    close();
  });

  it('hands the card to the engine like a Web Smart Card one, and marks the source as the bridge', async () => {
    const { store, calls, close } = setup();
    await store.getState().findBridge();
    await store.getState().pairBridge('12345678');
    await store.getState().connectBridgeReader('Virtual PCD 00 00');
    expect(calls.findLast((c) => c.method === 'connectSmartCard')).toMatchObject({ method: 'connectSmartCard', params: { readerName: 'Virtual PCD 00 00', atr: '3B', extendedLength: true } });
    expect(calls.at(-1)?.method).toBe('scan');
    expect(store.getState().source).toEqual({ kind: 'bridge', readerName: 'Virtual PCD 00 00' });
    close();
  });

  it('the bridge stopped: back to "look for it"; Reconnect signs in again and keeps the interrupted rows', async () => {
    const { store, bridge, emit, close } = setup();
    await store.getState().findBridge();
    await store.getState().pairBridge('12345678');
    await store.getState().connectBridgeReader('Virtual PCD 00 00');
    emit({ type: 'row', row: row({ key: 'jpki/000A', status: 'read' }) });
    bridge.lose();
    emit({ type: 'connection', connected: false, info: null, reason: { code: 'transport/bridge-lost', message: 'the MynaLens bridge stopped' } });
    expect(store.getState().bridgeStatus).toBe('idle');
    expect(store.getState().interrupted).toBe(true);
    expect(store.getState().errorCode).toBe('transport/bridge-lost');
    const findsBefore = bridge.finds;
    await store.getState().connectBridgeReader('Virtual PCD 00 00');
    expect(bridge.finds).toBe(findsBefore + 1);
    expect(store.getState().interrupted).toBe(false);
    expect(store.getState().rows.map((r) => r.key)).toEqual(['jpki/000A']);
    close();
  });
});
