import { useAppStore } from '../../store/AppStoreContext';
import { selectMyNumberRevealed, selectSetMyNumberRevealed } from '../../store/selectors';
import { useT } from '../../useT';

/**
 * The one Reveal / Hide switch of the My Number (docs/card-reference.md §17). Every copy of it drives
 * the same store flag, so the value, its picture, raw bytes, the log and derived values show or
 * hide together.
 */
export function MyNumberReveal({ testId }: { testId: string }) {
  const t = useT();
  const revealed = useAppStore(selectMyNumberRevealed);
  const setRevealed = useAppStore(selectSetMyNumberRevealed);
  return (
    <button type="button" aria-pressed={revealed} onClick={() => setRevealed(!revealed)} data-testid={testId}>
      {revealed ? t('detail.hide') : t('detail.reveal')}
    </button>
  );
}
