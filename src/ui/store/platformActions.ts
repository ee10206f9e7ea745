import type { StoreApi } from 'zustand/vanilla';
import type { AppState, EngineClientLike, NfcAccessLike, SmartCardAccessLike } from './appState';
import { errorInfo } from './errorInfo';
import { EMPTY_CARD_DATA } from './appState';

type SetState = StoreApi<AppState>['setState'];
type GetState = StoreApi<AppState>['getState'];
type Run = (work: () => Promise<void>) => Promise<void>;

/** A page without the Web Smart Card API (every browser but an installed app on ChromeOS). */
export const NO_SMART_CARD: SmartCardAccessLike = {
  available: false,
  listReaders: async () => [],
  connect: () => Promise.reject(Object.assign(new Error('no Web Smart Card API here'), { code: 'smartcard/unavailable' })),
};

/** A page without Web NFC (everything but Chrome for Android). */
export const NO_NFC: NfcAccessLike = {
  available: false,
  waitForTap: () => Promise.reject(Object.assign(new Error('no Web NFC here'), { code: 'nfc/unavailable' })),
};

/**
 * The store's actions for the other platform routes: PC/SC readers through the Web Smart Card API
 * (the card is connected here, on the main thread, and handed to the engine as a MessagePort),
 * and Web NFC, which can only notice a tap — never read the card.
 */
export function platformActions(set: SetState, get: GetState, client: EngineClientLike, smartCard: SmartCardAccessLike, nfc: NfcAccessLike, run: Run) {
  let stopTap: AbortController | null = null;
  return {
    smartCardAvailable: smartCard.available,
    smartCardReaders: [],
    refreshSmartCardReaders: () =>
      run(async () => {
        if (!smartCard.available) return;
        set({ smartCardReaders: await smartCard.listReaders() });
      }),
    connectSmartCard: (readerName: string) =>
      run(async () => {
        set({ ...EMPTY_CARD_DATA });
        const session = await smartCard.connect(readerName);
        const connection = await client.call(
          'connectSmartCard',
          { port: session.port, readerName: session.readerName, atr: session.atrHex, extendedLength: session.extendedLength },
          [session.port],
        );
        set({ connection, source: { kind: 'smartcard', readerName } });
      }),
    nfcAvailable: nfc.available,
    nfcTap: 'idle' as const,
    waitForNfcTap: async () => {
      stopTap?.abort();
      stopTap = new AbortController();
      set({ nfcTap: 'waiting', errorCode: null, errorDetails: {} });
      try {
        set({ nfcTap: await nfc.waitForTap(stopTap.signal) });
      } catch (error) {
        const code = typeof (error as { code?: unknown })?.code === 'string' ? errorInfo(error).code : 'nfc/not-allowed';
        set({ nfcTap: 'idle', errorCode: code, errorDetails: {} });
      } finally {
        stopTap?.abort();
        stopTap = null;
      }
    },
    stopNfcTap: () => {
      stopTap?.abort();
      stopTap = null;
      set({ nfcTap: 'idle' });
    },
  };
}
