import { useAppStore } from '../../store/AppStoreContext';
import { selectSetView, selectView } from '../../store/selectors';
import type { CardView } from '../../store/appState';
import { useT } from '../../useT';

const VIEWS: readonly CardView[] = ['exposure', 'services'];

/** Switches between the exposure view and "What a service sees" (the store reads tries left on the first visit). */
export function ViewNav() {
  const t = useT();
  const view = useAppStore(selectView);
  const setView = useAppStore(selectSetView);
  return (
    <nav className="view-nav" aria-label={t('nav.label')}>
      {VIEWS.map((v) => (
        <button key={v} type="button" aria-current={view === v ? 'page' : undefined} onClick={() => setView(v)} data-testid={`view-${v}`}>
          {t(`nav.${v}`)}
        </button>
      ))}
    </nav>
  );
}
