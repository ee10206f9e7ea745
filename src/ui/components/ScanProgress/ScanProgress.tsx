import { useAppStore } from '../../store/AppStoreContext';
import { selectProgress, selectScanning } from '../../store/selectors';
import type { ScanStep } from '../../../protocol';
import { useT } from '../../useT';

/**
 * The scan at work, where its result will appear: a progress bar and the step it is on, in a polite
 * live region so a screen reader hears it start and end without every file being read out.
 */
export function ScanProgress() {
  const t = useT();
  const scanning = useAppStore(selectScanning);
  const progress = useAppStore(selectProgress);
  if (!scanning) return null;
  const counted = progress !== null && progress.total > 0;
  return (
    <section className="panel scan-progress" aria-labelledby="scan-progress-heading" data-testid="scan-progress">
      <h2 id="scan-progress-heading" role="status">{t('scan.scanning')}</h2>
      <p className="muted">{t('scan.hint')}</p>
      <progress max={counted ? progress.total : undefined} value={counted ? progress.done : undefined} aria-labelledby="scan-progress-heading" />
      <p className="muted small" data-testid="scan-progress-step">
        {counted ? t('scan.progress', { done: progress.done, total: progress.total, current: progress.current ? stepText(t, progress.current) : '' }) : '\u00a0'}
      </p>
    </section>
  );
}

/** The step the engine sent, in the chosen language: an applet selected, a PIN's tries asked, a file read. */
function stepText(t: ReturnType<typeof useT>, step: ScanStep): string {
  if (step.kind === 'select') return t('scan.step.select', { applet: t(`applet.${step.applet}`) });
  if (step.kind === 'probe') return t('scan.step.probe', { pin: t(`pin.name.${step.pinId}`) });
  return t(`file.${step.key}`);
}
