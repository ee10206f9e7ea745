import { useRef, type KeyboardEvent } from 'react';
import { useAppStore } from '../../store/AppStoreContext';
import { selectSetView, selectView } from '../../store/selectors';
import type { CardView } from '../../store/appState';
import { useT } from '../../useT';

const VIEWS: readonly CardView[] = ['exposure', 'services'];

/** The id of a view's tab, and of the panel it controls (App.tsx renders the panel). */
export const tabId = (view: CardView) => `view-tab-${view}`;
export const panelId = (view: CardView) => `view-panel-${view}`;

/**
 * Switches between the exposure view and "What a service sees" (the store reads tries left on the
 * first visit): a WAI-ARIA tab list — one tab in the tab order, arrow keys move between tabs and
 * choose them, Home and End go to the first and last.
 */
export function ViewNav() {
  const t = useT();
  const view = useAppStore(selectView);
  const setView = useAppStore(selectSetView);
  const tabs = useRef(new Map<CardView, HTMLButtonElement>());

  function choose(next: CardView) {
    setView(next);
    tabs.current.get(next)?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    const at = VIEWS.indexOf(view);
    const last = VIEWS.length - 1;
    const next = { ArrowRight: at === last ? 0 : at + 1, ArrowLeft: at === 0 ? last : at - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    choose(VIEWS[next]!);
  }

  return (
    <div className="view-nav" role="tablist" aria-label={t('nav.label')} onKeyDown={onKeyDown}>
      {VIEWS.map((v) => (
        <button
          key={v}
          ref={(el) => {
            if (el) tabs.current.set(v, el);
            else tabs.current.delete(v);
          }}
          type="button"
          role="tab"
          id={tabId(v)}
          aria-selected={view === v}
          aria-controls={panelId(v)}
          tabIndex={view === v ? 0 : -1}
          onClick={() => setView(v)}
          data-testid={`view-${v}`}
        >
          {t(`nav.${v}`)}
        </button>
      ))}
    </div>
  );
}
