import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { createStore } from 'zustand';
import type { RehearsalSample } from '../protocol';
import { ApduLog } from './components/ApduLog/ApduLog';
import { ScanProgress } from './components/ScanProgress/ScanProgress';
import { LoadedCardView, loadCardViewOnce, preloadCardViews } from './lazyViews';
import type { AppState } from './store/appState';
import { EMPTY_CARD_DATA } from './store/appState';
import { AppStoreProvider, useAppStore } from './store/AppStoreContext';
import { applyEngineEvents } from './store/engineEvents';
import { selectScanning } from './store/selectors';

/** The longest the drawing waits for its second pass (the PINs and the matrix) before it lets go anyway. */
const SECOND_PASS_WAIT_MS = 2_000;

/**
 * Draws the engine's rehearsal sample (protocol `RehearsalSample`: the simulator's own card, no
 * person's) once, into an element that is never put in the page, then lets it go: the scan's
 * progress, then the card view with its log — what the person's first scan will draw. The page's
 * first drawing of those views used to cost about twice a later one (their code compiled and
 * optimised on first use, issue "speed to the physical limit" §3); after this it costs what a
 * later one does. Nothing of it reaches the page: the element is never attached, so no test id,
 * id, focus or scroll of it is in the document, and its store is its own — the person's holds
 * nothing of the sample.
 */
export async function drawRehearsalSample(sample: RehearsalSample, state: AppState): Promise<void> {
  // The views a connected card brings in (the services view, the PIN dialog, a row's detail, the
  // export dialog) come now too: loading them at the person's first connection competed with
  // that first scan for the machine.
  await Promise.all([loadCardViewOnce(), preloadCardViews()]);
  const scanning: AppState = {
    ...state,
    ...EMPTY_CARD_DATA,
    connection: sample.connection,
    source: { kind: 'simulator', holder: sample.holder },
    scanning: true,
    progress: { done: 0, total: 0, current: null },
    busy: true,
    errorCode: null,
    errorDetails: {},
  };
  const scanned: AppState = { ...scanning, scanning: false, progress: null, busy: false, scanned: true };
  const sampleStore = createStore<AppState>()(() => scanning);
  const offPage = document.createElement('div');
  const root = createRoot(offPage);
  try {
    flushSync(() =>
      root.render(
        <AppStoreProvider store={sampleStore}>
          <SampleView />
        </AppStoreProvider>,
      ),
    );
    flushSync(() => sampleStore.setState({ ...scanned, ...applyEngineEvents(scanned, sample.events) }));
    await secondPassDrawn(offPage);
  } finally {
    root.unmount();
  }
}

/** What the App draws for a connected card: its scan's progress, then the card view; the log under both. */
function SampleView() {
  const scanning = useAppStore(selectScanning);
  return (
    <>
      {scanning ? <ScanProgress /> : <LoadedCardView />}
      <ApduLog />
    </>
  );
}

/** Resolves once the card view's second pass (CardView.tsx: the PINs and the matrix) is in `element`, or after `SECOND_PASS_WAIT_MS`. */
function secondPassDrawn(element: HTMLElement): Promise<void> {
  const drawn = () => element.querySelector('[data-testid="matrix"]') !== null;
  if (drawn()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new MutationObserver(() => {
      if (drawn()) done();
    });
    observer.observe(element, { childList: true, subtree: true });
    const timer = setTimeout(done, SECOND_PASS_WAIT_MS);
  });
}
