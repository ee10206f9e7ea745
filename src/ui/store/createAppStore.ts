import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EngineClient } from '../../worker/EngineClient';
import type { ApduLogRow, CardIdentity, ConnectionInfo, SimulatorHolderId } from '../../worker/protocol';
import { languageFromLocale, type Language } from '../i18n/translate';

/** Where the one persisted preference lives. Card data is never persisted (house rule 10). */
const LANGUAGE_KEY = 'mynalens.language';

export interface AppState {
  readonly language: Language;
  readonly connection: ConnectionInfo | null;
  readonly identity: CardIdentity | null;
  readonly busy: boolean;
  /** The code of the last error shown; its text comes from the catalog. */
  readonly errorCode: string | null;
  readonly log: readonly ApduLogRow[];
  /** What the service worker reported: the app works offline, or a new version waits. */
  readonly appStatus: 'offline-ready' | 'update-available' | null;
  /** Activates a waiting new version and reloads; set by main.tsx when there is one. */
  readonly applyUpdate: (() => void) | null;
  setAppStatus(status: 'offline-ready' | 'update-available', applyUpdate?: () => void): void;
  dismissAppStatus(): void;
  setLanguage(language: Language): void;
  connectSimulator(holder: SimulatorHolderId): Promise<void>;
  checkCard(): Promise<void>;
  disconnect(): Promise<void>;
}

/** Storage for preferences; `localStorage` in the browser, a map in tests. */
export interface PreferenceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Builds the app's one store around an engine client (house rule 11). Actions sit beside the
 * state they change and call the engine; engine events update the state.
 */
export function createAppStore(client: EngineClient, storage: PreferenceStorage, locales: readonly string[]): StoreApi<AppState> {
  const saved = storage.getItem(LANGUAGE_KEY);
  const initialLanguage: Language = saved === 'ja' || saved === 'en' ? saved : languageFromLocale(locales);

  const store = createStore<AppState>()((set) => {
    /** Runs one engine call with the busy flag and error capture. */
    async function run(work: () => Promise<void>): Promise<void> {
      set({ busy: true, errorCode: null });
      try {
        await work();
      } catch (error) {
        set({ errorCode: (error as { code?: string }).code ?? 'engine/internal' });
      } finally {
        set({ busy: false });
      }
    }

    return {
      language: initialLanguage,
      connection: null,
      identity: null,
      busy: false,
      errorCode: null,
      log: [],
      appStatus: null,
      applyUpdate: null,
      setAppStatus(appStatus, applyUpdate) {
        set({ appStatus, applyUpdate: applyUpdate ?? null });
      },
      dismissAppStatus() {
        set({ appStatus: null });
      },
      setLanguage(language) {
        storage.setItem(LANGUAGE_KEY, language);
        set({ language });
      },
      connectSimulator: (holder) =>
        run(async () => {
          set({ identity: null, log: [] });
          const connection = await client.call('connectSimulator', { holder });
          set({ connection });
        }),
      checkCard: () =>
        run(async () => {
          const identity = await client.call('identifyCard', {});
          set({ identity });
        }),
      disconnect: () =>
        run(async () => {
          await client.call('disconnect', {});
          set({ connection: null, identity: null, log: [] });
        }),
    };
  });

  client.subscribe((event) => {
    if (event.type === 'apdu') store.setState({ log: [...store.getState().log, event.row] });
    if (event.type === 'connection' && !event.connected) {
      store.setState({ connection: null, identity: null, ...(event.reason ? { errorCode: event.reason.code } : {}) });
    }
  });
  return store;
}
