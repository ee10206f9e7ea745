import { lazy, Suspense, useDeferredValue, useLayoutEffect, useRef } from 'react';
import { useAppStore } from '../../store/AppStoreContext';
import { selectView } from '../../store/selectors';
import { CardPanel } from '../CardPanel/CardPanel';
import { ExposureMatrix } from '../ExposureMatrix/ExposureMatrix';
import { ExposureSummary } from '../ExposureSummary/ExposureSummary';
import { PinList } from '../PinList/PinList';
import { PinOpened } from '../PinOpened/PinOpened';
import { ReaderCheck } from '../ReaderCheck/ReaderCheck';
import { ScanProgress } from '../ScanProgress/ScanProgress';
import { panelId, tabId, ViewNav } from '../Services/ViewNav';

/** What a service sees, a chunk of its own: most people never open that tab (preloaded by `lazyViews.ts`). */
const ServicesView = lazy(() => import('../Services/ServicesView').then((m) => ({ default: m.ServicesView })));

/**
 * The connected card: its panel, the reader check, and the chosen view — the exposure matrix with
 * its summary and PINs, or what a service sees. A chunk of its own (`lazyViews.ts`): the start
 * screen never shows it.
 */
export function CardView() {
  const view = useAppStore(selectView);
  // The headline first: the PINs and the file matrix below it are drawn in the pass after (a
  // deferred value starts false and turns true at once, in a render the browser may paint
  // before), so the view's first frame carries what it says and not the hundreds of cells under it.
  const belowDrawn = useDeferredValue(true, false);
  // The ways in sit low on the start screen, so choosing one leaves the page scrolled; the card view
  // replaces it and must open at its top, where the headline says what the card gave away.
  // `scrollTo(0, 0)`, not `scrollTop = 0`: the origin needs no clamping, so the browser moves
  // there without first laying out the whole new view — setting `scrollTop` forced that layout
  // inside the commit, a third of the view's first drawing (measured in Chromium). Only a view in
  // the page moves it: the rehearsal's drawing (rehearsalDrawing.tsx) is never attached.
  const panel = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (panel.current?.isConnected) window.scrollTo(0, 0);
  }, []);
  return (
    <>
      <CardPanel />
      <ReaderCheck />
      <ViewNav />
      <div ref={panel} role="tabpanel" id={panelId(view)} aria-labelledby={tabId(view)} data-testid="view-panel">
        {view === 'services' ? (
          <>
            <PinOpened />
            <Suspense fallback={null}>
              <ServicesView />
            </Suspense>
          </>
        ) : (
          <>
            <ScanProgress />
            <ExposureSummary />
            <PinOpened />
            {belowDrawn && (
              <>
                <PinList />
                <ExposureMatrix />
              </>
            )}
          </>
        )}
      </div>
    </>
  );
}
