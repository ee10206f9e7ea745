import { Suspense, useState } from 'react';
import { useAppStore } from '../../store/AppStoreContext';
import { selectBusy, selectClearAll, selectConnection, selectLog, selectLogHidden } from '../../store/selectors';
import { useT } from '../../useT';
import { ExportTranscriptDialog, LoadedApduLogRows } from '../../lazyViews';

/**
 * Every command and response, names decoded, status words explained, PINs hidden (and their
 * length), the response bytes that carry the My Number as `••` until Reveal
 * (docs/card-reference.md §17); export (after saying what the file holds) and clear. The masking is
 * what the page shows; the exported transcript is its own matter.
 */
export function ApduLog() {
  const t = useT();
  const log = useAppStore(selectLog);
  const hidden = useAppStore(selectLogHidden);
  const connection = useAppStore(selectConnection);
  const busy = useAppStore(selectBusy);
  const clearAll = useAppStore(selectClearAll);
  const [exporting, setExporting] = useState(false);

  return (
    <section className="panel" aria-labelledby="log-heading" data-testid="apdu-log-panel">
      <div className="panel-head">
        <h2 id="log-heading">{t('log.heading')}</h2>
        {(connection || log.length > 0) && (
          <div className="actions">
            <button type="button" disabled={busy || log.length === 0} onClick={() => setExporting(true)} data-testid="export-transcript">
              {t('log.export')}
            </button>
            <button type="button" className="danger" onClick={() => void clearAll()} data-testid="clear-all">
              {t('log.clear')}
            </button>
          </div>
        )}
      </div>
      {exporting && (
        <Suspense fallback={null}>
          <ExportTranscriptDialog onClose={() => setExporting(false)} />
        </Suspense>
      )}
      {log.length === 0 ? (
        <p className="muted">{t('log.empty')}</p>
      ) : (
        <details className="log-fold" data-testid="apdu-log-fold">
          <summary data-testid="apdu-log-toggle">{t('log.show', { count: log.length })}</summary>
          <p className="muted small">{t('log.exportHint')}</p>
          {hidden > 0 && (
            <p className="muted small" data-testid="log-hidden">
              {t('log.hiddenRows', { count: hidden })}
            </p>
          )}
          <LoadedApduLogRows />
        </details>
      )}
    </section>
  );
}
