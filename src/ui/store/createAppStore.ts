import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConnectionInfo, EngineEvent } from '../../protocol';
import { applyEngineEvents } from './engineEvents';
import { createEventBatcher, nextAnimationFrame, type FrameScheduler } from './eventBatcher';
import { languageFromLocale, type Language } from '../i18n/translate';
import {
  CARD_STATES,
  EMPTY_CARD_DATA,
  type AppState,
  type CardSource,
  type EngineClientLike,
  type NfcAccessLike,
  type SmartCardAccessLike,
  type UsbAccess,
} from './appState';
import type { BridgeAccessLike } from '../../platform/bridgeAccess';
import { NO_BRIDGE, bridgeActions } from './bridgeActions';
import { errorInfo } from './errorInfo';
import { updatePinCount } from './mergeRows';
import { markWarmedUp } from './warmedUpMark';
import { NO_NFC, NO_SMART_CARD, platformActions } from './platformActions';
import { NO_USB, readerActions } from './readerActions';
import { servicesActions } from './servicesSlice';

export type { AppState, EngineClientLike, UsbAccess } from './appState';

/**
 * How long Clear everything and Disconnect wait for the engine to end the session (it bounds its own
 * close at 4 s, worker/Engine.ts) before replacing an engine that does not answer (issue 15 §3).
 */
export const END_SESSION_ANSWER_MS = 6000;

/** Where the one persisted preference lives. Card data is never persisted (house rule 10). */
const LANGUAGE_KEY = 'mynalens.language';
/** The key of the rehearsal in `warmed`: never a holder's id. */
const REHEARSED = 'rehearsal';

/** Storage for preferences; `localStorage` in the browser, a map in tests. */
export interface PreferenceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

type SetState = StoreApi<AppState>['setState'];
type GetState = StoreApi<AppState>['getState'];

/**
 * Builds the app's one store around an engine client (house rule 10). Actions sit beside the
 * state they change and call the engine; engine events update rows, PINs, progress and the log.
 */
export function createAppStore(
  engine: EngineClientLike,
  storage: PreferenceStorage,
  locales: readonly string[],
  usb: UsbAccess = NO_USB,
  {
    smartCard = NO_SMART_CARD,
    nfc = NO_NFC,
    bridge = NO_BRIDGE,
    scheduleFrame = nextAnimationFrame,
    afterRehearsal = () => Promise.resolve(),
  }: {
    smartCard?: SmartCardAccessLike;
    nfc?: NfcAccessLike;
    bridge?: BridgeAccessLike;
    scheduleFrame?: FrameScheduler;
    /**
     * One-off start-up work held back until the rehearsal has ended, however it ended, so the two
     * do not compete for the machine (main.tsx: the service worker's first install). The page is
     * marked warmed up once it is done too.
     */
    afterRehearsal?: () => Promise<void>;
  } = {},
): StoreApi<AppState> {
  // Engine events are applied once per frame, all together (ui/store/eventBatcher.ts). Anything
  // that acts on the state first takes in the events already received, so the order stays what
  // the engine said: a request's result after its events, an action after what came before it.
  const events = createEventBatcher<EngineEvent>((batch) => store.setState(applyEngineEvents(store.getState(), batch)), scheduleFrame);
  const client: EngineClientLike = {
    async call(method, params, transfer) {
      events.flush();
      try {
        return await engine.call(method, params, transfer);
      } finally {
        events.flush();
      }
    },
    subscribe: (listener) => engine.subscribe(listener),
    // Replacing an engine that does not answer (Clear everything / Disconnect while busy).
    restart: engine.restart ? (cause) => engine.restart?.(cause) : undefined,
  };
  /** What this engine was already asked to warm up ('' for the scan's own needs, or a holder); a replaced engine starts cold. */
  /** What was asked of `warmUp` (by holder, '' for none) and whether the rehearsal was: each once per engine. */
  const warmed = new Set<string>();
  const saved = storage.getItem(LANGUAGE_KEY);
  const initialLanguage: Language = saved === 'ja' || saved === 'en' ? saved : languageFromLocale(locales);

  const store = createStore<AppState>()((setNow, getNow) => {
    const set = ((...args: Parameters<SetState>) => {
      events.flush();
      (setNow as (...a: Parameters<SetState>) => void)(...args);
    }) as SetState;
    const get: GetState = () => {
      events.flush();
      return getNow();
    };
    /**
     * Runs one engine call with the busy flag and error capture. Calls may overlap (the engine
     * queues them), so `busy` counts them: it clears when the last one ends, not the first.
     */
    let running = 0;
    /** Bumped when the person ends the session: calls begun before it no longer count as busy, nor show their errors. */
    let epoch = 0;
    async function run(work: () => Promise<void>): Promise<void> {
      const mine = epoch;
      running++;
      set({ busy: true, errorCode: null, errorDetails: {} });
      try {
        await work();
      } catch (error) {
        const { code, details } = errorInfo(error);
        if (mine === epoch) set({ errorCode: code, errorDetails: details });
      } finally {
        if (mine === epoch) {
          running--;
          set({ busy: running > 0 });
        }
      }
    }

    /**
     * Clear everything / Disconnect (issue 15 §3): never waits behind the operation under way. The
     * screen is emptied first and is usable at once; the engine ends the session out of turn, and
     * one that does not answer within `END_SESSION_ANSWER_MS` is replaced (its `restarted` event
     * says so).
     */
    async function endSession(method: 'clear' | 'disconnect'): Promise<void> {
      epoch++;
      running = 0;
      set({ ...EMPTY_CARD_DATA, busy: false, errorCode: null, errorDetails: {} });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const silent = new Promise<'silent'>((resolve) => {
        timer = setTimeout(() => resolve('silent'), END_SESSION_ANSWER_MS);
      });
      try {
        const outcome = await Promise.race([client.call(method, {}).then(() => 'answered' as const), silent]);
        if (outcome === 'silent') client.restart?.(`${method}: no answer`);
      } catch (error) {
        const { code, details } = errorInfo(error);
        set({ errorCode: code, errorDetails: details });
      } finally {
        clearTimeout(timer);
      }
      // Whatever arrived from the ended session meanwhile goes too.
      set({ ...EMPTY_CARD_DATA });
    }

    /**
     * A connection the engine scans at once (the simulator, a transcript): the card data of the last
     * one goes, the connection is made, and its scan — asked for behind it (`askForScanBehind`) —
     * runs to its end.
     */
    async function connectAndScan(connect: () => Promise<ConnectionInfo>, sourceOf: (connection: ConnectionInfo) => CardSource): Promise<void> {
      let scanned = Promise.resolve();
      await run(async () => {
        set({ ...EMPTY_CARD_DATA });
        const connecting = connect();
        const scanAnswer = askForScanBehind(client);
        const connection = await connecting;
        set({ connection, source: sourceOf(connection) });
        scanned = scan(set, get, client, run, scanAnswer);
      });
      await scanned;
    }

    return {
      language: initialLanguage,
      ...EMPTY_CARD_DATA,
      busy: false,
      errorCode: null,
      errorDetails: {},
      appStatus: null,
      applyUpdate: null,
      usb: usb.capabilities(),
      readers: [],
      ...scanOnConnect(get, readerActions(set, get, client, usb, run), ['addReader', 'connectReader']),
      ...scanOnConnect(get, platformActions(set, get, client, smartCard, nfc, run), ['connectSmartCard']),
      ...scanOnConnect(get, bridgeActions(set, get, client, bridge, run), ['connectBridgeReader']),
      setAppStatus: (appStatus, applyUpdate) => set({ appStatus, applyUpdate: applyUpdate ?? null }),
      dismissAppStatus: () => set({ appStatus: null }),
      setLanguage(language) {
        storage.setItem(LANGUAGE_KEY, language);
        set({ language });
      },
      dismissError: () => set({ errorCode: null, errorDetails: {} }),
      connectSimulator: (holder, cardState = 'fresh', personality) => {
        const triesLeft = CARD_STATES[cardState];
        const params = { holder, ...(Object.keys(triesLeft).length > 0 ? { triesLeft } : {}), ...(personality ? { personality } : {}) };
        return connectAndScan(
          () => client.call('connectSimulator', params),
          () => ({ kind: 'simulator', holder }),
        );
      },
      warmUp: (simulator) => {
        if (warmed.has(simulator ?? '')) return;
        warmed.add(simulator ?? '');
        void engine.call('warmUp', simulator ? { simulator } : {}).catch(() => undefined);
      },
      rehearseScan: (drawSample) => {
        if (warmed.has(REHEARSED)) return;
        warmed.add(REHEARSED);
        void engine
          .call('warmUp', { rehearse: true })
          .then(async (sample) => {
            const { connection, interrupted } = get();
            // Failing to draw a sample costs only the warm-up: the person's own view draws as ever.
            if (sample && drawSample && !connection && !interrupted) await drawSample(sample, get()).catch(() => undefined);
          })
          .then(
            () => true,
            () => false,
          )
          .then(async (rehearsed) => {
            await afterRehearsal().catch(() => undefined);
            if (rehearsed) markWarmedUp();
          });
      },
      openTranscript: (file) => {
        // The File itself crosses to the worker (a cheap structured clone); the worker reads and checks it.
        const fileName = file instanceof File ? file.name : 'transcript';
        return connectAndScan(
          () => client.call('openTranscript', { file, fileName }),
          (connection) => ({ kind: 'transcript', fileName: connection.transcript?.fileName ?? fileName }),
        );
      },
      checkCard: () =>
        run(async () => {
          set({ identity: await client.call('identifyCard', {}) });
        }),
      disconnect: () => endSession('disconnect'),
      clearAll: () => endSession('clear'),
      scan: () => scan(set, get, client, run),
      selectRow: (selectedRowKey) => set({ selectedRowKey }),
      refreshPins: () =>
        run(async () => {
          // The PIN states arrive as events, before the answer (taken in by `client.call`).
          await client.call('pinStatus', {});
        }),
      openPinDialog: (pinId) => set({ pinDialog: { pinId, submitting: false, errorCode: null, errorDetails: {} }, pinOpened: null }),
      dismissPinOpened: () => set({ pinOpened: null }),
      closePinDialog: () => set({ pinDialog: null }),
      submitPin: (pin, confirmLastTry) => submitPin(set, get, client, pin, confirmLastTry),
      setView: (view) => {
        set({ view });
        // The services view shows tries left from its first visit. Read even while another call
        // runs: the engine queues calls, and a skipped read would say "not checked yet" for good.
        if (view === 'services' && get().pins.length === 0) void get().refreshPins();
      },
      ...servicesActions(set, get, client),
      setMyNumberRevealed: (myNumberRevealed) => set({ myNumberRevealed }),
      exportTranscript: async (kind) => {
        let text: string | null = null;
        await run(async () => {
          text = (await client.call('exportTranscript', { kind })).text;
        });
        return text;
      },
    };
  });

  engine.subscribe((event) => {
    if (event.type === 'restarted') warmed.clear();
    events.push(event);
  });
  return store;
}

/**
 * Choosing a card is asking to see it: once a connection stands and nothing of this card was
 * scanned yet, the no-PIN scan starts at once. A continued session (Reconnect after an
 * interruption) is not: it keeps what it read, and the person, told what happened (an unfinished
 * scan, or a different card found in the reader), presses Scan when ready.
 */
async function scanIfNew(get: GetState): Promise<void> {
  const { connection, scanned, scanning, errorCode, cardChanged } = get();
  if (connection && !scanned && !scanning && !cardChanged && errorCode === null) await get().scan();
}

/** The same actions, each of the named connects followed by `scanIfNew`. */
function scanOnConnect<A extends object>(get: GetState, actions: A, connects: readonly (keyof A)[]): A {
  const wrapped = { ...actions };
  for (const name of connects) {
    const connect = actions[name] as unknown as (...args: unknown[]) => Promise<void>;
    (wrapped as Record<keyof A, unknown>)[name] = async (...args: unknown[]) => {
      const { interrupted, source } = get();
      await connect(...args);
      // Reconnecting the interrupted reader continues its session; any other reader is a new choice.
      const continuing = interrupted && JSON.stringify(get().source) === JSON.stringify(source);
      if (!continuing) await scanIfNew(get);
    };
  }
  return wrapped;
}

/**
 * The simulator and a transcript always scan a new connection, so they ask for the scan in the
 * same breath as the connection, before its answer: the engine, which runs calls in turn, starts
 * the scan the moment the connection stands, while the page is still drawing the click — not a
 * round trip through the page later (issue "speed to the physical limit" §3). A connection that
 * fails fails the scan behind it too ("not connected"); that second error is the first's echo,
 * so it is dropped here and only the connection's is shown.
 */
function askForScanBehind(client: EngineClientLike): Promise<unknown> {
  const answer = client.call('scan', {});
  answer.catch(() => undefined);
  return answer;
}

/** Runs the no-PIN scan, or takes the answer of one already asked for (`askForScanBehind`). */
async function scan(
  set: SetState,
  get: GetState,
  client: EngineClientLike,
  run: (work: () => Promise<void>) => Promise<void>,
  askedFor?: Promise<unknown>,
): Promise<void> {
  set({ scanning: true, progress: { done: 0, total: 0, current: null } });
  try {
    await run(async () => {
      // Rows and PIN states came as events while it ran; the answer arrives after them, and
      // `set` takes in every event received before it changes anything.
      await (askedFor ?? client.call('scan', {}));
      set({ scanned: true });
    });
  } finally {
    set({ scanning: false, progress: null });
  }
}

async function submitPin(set: SetState, get: GetState, client: EngineClientLike, pin: string, confirmLastTry: boolean): Promise<boolean> {
  const dialog = get().pinDialog;
  if (!dialog || dialog.submitting) return false;
  const { pinId } = dialog;
  set({ pinDialog: { ...dialog, submitting: true, errorCode: null, errorDetails: {} } });
  try {
    const params = confirmLastTry ? { pinId, pin, confirmLastTry: true } : { pinId, pin };
    const result = await client.call('verifyPin', params);
    // Accepted: the dialog has done its work and closes; the page says what the PIN opened (the
    // PIN states and rows themselves came as events, taken in before this answer).
    set({ pinDialog: null, pinOpened: { pinId, keys: result.openedKeys } });
    return true;
  } catch (error) {
    const { code, details } = errorInfo(error);
    // Closed meanwhile (or swept away by an engine restart): the refusal has no dialog to show in.
    if (get().pinDialog?.pinId !== pinId) return false;
    let pins = get().pins;
    if (code === 'card/wrong-pin' && typeof details.triesLeft === 'number') pins = updatePinCount(pins, pinId, details.triesLeft);
    if (code === 'card/pin-blocked') pins = updatePinCount(pins, pinId, 0);
    set({ pins, pinDialog: { pinId, submitting: false, errorCode: code, errorDetails: details } });
    return false;
  }
}
