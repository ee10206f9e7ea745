import { createElement, lazy, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { whenIdle } from './whenIdle';

/*
 * Views the start screen never shows, each a chunk of the build loaded from the app's own origin
 * with `import()` (issue "speed to the physical limit" §4: start-up JavaScript ≤ 150 KiB gzip):
 * what a service sees (lazy in CardView.tsx, preloaded here), the PIN dialog, a row's detail, the transcript export dialog and the privacy
 * page. A connected card brings them in at once (`preloadCardViews`), so by the time anyone opens
 * one it is there: no empty frame, no second click. The APDU log's rows come with the card view
 * (`useCardViewLoaded`): the start screen's log is empty until a card is there.
 */
const loadServicesView = () => import('./components/Services/ServicesView');
const loadPinDialog = () => import('./components/PinDialog/PinDialog');
const loadRowDetail = () => import('./components/RowDetail/RowDetail');
const loadExportTranscriptDialog = () => import('./components/ExportTranscriptDialog/ExportTranscriptDialog');
const loadPrivacyPage = () => import('./components/PrivacyPage/PrivacyPage');

export const PinDialog = lazy(() => loadPinDialog().then((m) => ({ default: m.PinDialog })));
export const RowDetail = lazy(() => loadRowDetail().then((m) => ({ default: m.RowDetail })));
export const ExportTranscriptDialog = lazy(() => loadExportTranscriptDialog().then((m) => ({ default: m.ExportTranscriptDialog })));
export const PrivacyPage = lazy(() => loadPrivacyPage().then((m) => ({ default: m.PrivacyPage })));

/** Starts loading the connected card's views (once a card is there, off the path anyone waits on). */
export function preloadCardViews(): Promise<void> {
  const loads = [loadServicesView, loadPinDialog, loadRowDetail, loadExportTranscriptDialog].map((load) => load().catch(() => undefined));
  return Promise.all(loads).then(() => undefined);
}

const loadCardView = () => Promise.all([import('./components/CardView/CardView'), import('./components/ApduLog/ApduLogRows')]);
let cardView: ComponentType | null = null;
let apduLogRows: ComponentType | null = null;
let cardViewLoading: Promise<ComponentType> | null = null;

/** Loads the connected card's view and the log's rows once; a failed load is tried again by the next call. */
export function loadCardViewOnce(): Promise<ComponentType> {
  cardViewLoading ??= loadCardView().then(
    ([view, rows]) => {
      apduLogRows = rows.ApduLogRows;
      return (cardView = view.CardView);
    },
    (error: unknown) => {
      cardViewLoading = null;
      throw error;
    },
  );
  return cardViewLoading;
}

/**
 * The connected card's view (CardView.tsx), a chunk the start screen does not need: loading starts
 * once the page is idle or at the person's first press or key on it, whichever comes first, and
 * the start screen stays until it is there, so
 * the scan's result replaces it in one step — never an empty frame, never a second click.
 */
export function useCardViewLoaded(connected: boolean): boolean {
  const [loaded, setLoaded] = useState(() => cardView !== null);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    const load = () => void loadCardViewOnce().then(() => live && setLoaded(true), () => undefined);
    if (connected) load();
    // The first press or key anywhere: a connection is on its way, so the view loads beside it —
    // unless the page was idle first: then it is already here when the first scan ends.
    document.addEventListener('pointerdown', load, { capture: true, once: true });
    document.addEventListener('keydown', load, { capture: true, once: true });
    const cancelIdle = whenIdle(load);
    return () => {
      live = false;
      cancelIdle();
      document.removeEventListener('pointerdown', load, { capture: true });
      document.removeEventListener('keydown', load, { capture: true });
    };
  }, [connected, loaded]);
  return loaded;
}

/** The connected card's view once `useCardViewLoaded` says it is there. */
export function LoadedCardView(): ReactNode {
  return cardView ? createElement(cardView) : null;
}

/**
 * The APDU log's rows (ApduLog/ApduLogRows.tsx), there by the time the card view is: rendered at
 * once, never suspended, so the card view never shows a log without its rows. Until then — a
 * log filled before the card view arrived, on the start screen — its closed fold holds no rows;
 * the App re-renders the log when the card view has loaded.
 */
export function LoadedApduLogRows(): ReactNode {
  return apduLogRows ? createElement(apduLogRows) : null;
}
