import { useAppStore } from '../../store/AppStoreContext';
import { selectRefreshPins, selectPins, selectSetView, selectView, selectBusy } from '../../store/selectors';
import type { CardView } from '../../store/appState';
import { useT } from '../../useT';

const VIEWS: readonly CardView[] = ['exposure', 'services'];

/** Switches between the exposure view and "What a service sees"; the first visit reads tries left (spending nothing). */
export function ViewNav() {
  const t = useT();
  const view = useAppStore(selectView);
  const setView = useAppStore(selectSetView);
  const pins = useAppStore(selectPins);
  const busy = useAppStore(selectBusy);
  const refreshPins = useAppStore(selectRefreshPins);
  function choose(next: CardView) {
    setView(next);
    if (next === 'services' && pins.length === 0 && !busy) void refreshPins();
  }
  return (
    <nav className="view-nav" aria-label={t('nav.label')}>
      {VIEWS.map((v) => (
        <button key={v} type="button" aria-current={view === v ? 'page' : undefined} onClick={() => choose(v)} data-testid={`view-${v}`}>
          {t(`nav.${v}`)}
        </button>
      ))}
    </nav>
  );
}
