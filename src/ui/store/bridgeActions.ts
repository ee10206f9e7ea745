import type { StoreApi } from 'zustand/vanilla';
import type { BridgeAccessLike } from '../../platform/bridgeAccess';
import type { AppState, EngineClientLike } from './appState';
import { EMPTY_CARD_DATA } from './appState';

type SetState = StoreApi<AppState>['setState'];
type GetState = StoreApi<AppState>['getState'];
type Run = (work: () => Promise<void>) => Promise<void>;

/** A page with no bridge route (phones; tests that do not care). */
export const NO_BRIDGE: BridgeAccessLike = {
  available: false,
  find: () => Promise.reject(Object.assign(new Error('no bridge route here'), { code: 'bridge/unreachable' })),
  pair: () => Promise.reject(Object.assign(new Error('no bridge route here'), { code: 'bridge/unreachable' })),
  listReaders: async () => [],
  connect: () => Promise.reject(Object.assign(new Error('no bridge route here'), { code: 'bridge/unreachable' })),
  onLost: () => () => undefined,
};

/**
 * The store's actions for PC/SC readers through the MynaLens bridge: look for it (only when the
 * person asks), pair once, list readers with card presence, connect — the card is handed to the
 * engine exactly as a Web Smart Card one is — and reconnect after the bridge was restarted,
 * keeping the rows of the interrupted session.
 */
export function bridgeActions(set: SetState, get: GetState, client: EngineClientLike, bridge: BridgeAccessLike, run: Run) {
  bridge.onLost(() => set({ bridgeStatus: 'idle', bridgeReaders: [] }));

  async function refresh(): Promise<void> {
    set({ bridgeReaders: await bridge.listReaders() });
  }

  return {
    bridgeAvailable: bridge.available,
    bridgeStatus: 'idle' as const,
    bridgeReaders: [],
    findBridge: () =>
      run(async () => {
        set({ bridgeStatus: 'looking' });
        try {
          const status = await bridge.find();
          set({ bridgeStatus: status });
          if (status === 'ready') await refresh();
        } catch (error) {
          set({ bridgeStatus: 'idle' });
          throw error;
        }
      }),
    pairBridge: (code: string) =>
      run(async () => {
        await bridge.pair(code);
        set({ bridgeStatus: 'ready' });
        await refresh();
      }),
    refreshBridgeReaders: () => run(refresh),
    connectBridgeReader: (readerName: string) =>
      run(async () => {
        const state = get();
        const continuing = state.interrupted && state.source?.kind === 'bridge' && state.source.readerName === readerName;
        set(continuing ? { cardChanged: false } : { ...EMPTY_CARD_DATA });
        if (get().bridgeStatus !== 'ready') {
          // After a restart of the bridge: sign in again with the kept token.
          const status = await bridge.find();
          set({ bridgeStatus: status });
          if (status !== 'ready') throw Object.assign(new Error('pair the bridge first'), { code: 'bridge/not-paired' });
        }
        const session = await bridge.connect(readerName);
        const connection = await client.call(
          'connectSmartCard',
          { port: session.port, readerName: session.readerName, atr: session.atrHex, extendedLength: session.extendedLength },
          [session.port],
        );
        set({ connection, source: { kind: 'bridge', readerName }, interrupted: false });
      }),
  };
}
