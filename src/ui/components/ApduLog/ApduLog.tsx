import { useState } from 'react';
import { hexWithHidden } from '../../model/myNumberMask';
import { useAppStore } from '../../store/AppStoreContext';
import { selectBusy, selectClearAll, selectConnection, selectLog, selectLogHidden, selectMyNumberRevealed } from '../../store/selectors';
import { useT } from '../../useT';
import { ExportTranscriptDialog } from '../ExportTranscriptDialog/ExportTranscriptDialog';
import { MyNumberReveal } from '../MyNumberReveal/MyNumberReveal';

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
  const revealed = useAppStore(selectMyNumberRevealed);
  const carriesMyNumber = log.some((row) => (row.myNumberSpans?.length ?? 0) > 0);
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
      <ExportTranscriptDialog open={exporting} onClose={() => setExporting(false)} />
      {log.length === 0 ? (
        <p className="muted">{t('log.empty')}</p>
      ) : (
        <>
          <p className="muted small">{t('log.exportHint')}</p>
          {hidden > 0 && (
            <p className="muted small" data-testid="log-hidden">
              {t('log.hiddenRows', { count: hidden })}
            </p>
          )}
          {carriesMyNumber && (
            <div className="my-number-line" data-testid="log-my-number">
              <MyNumberReveal testId="log-my-number-reveal" />
              <span className="muted small">{t('log.myNumberHidden')}</span>
            </div>
          )}
          <div className="table-scroll log-scroll">
            <table className="apdu-log" data-testid="apdu-log">
              <thead>
                <tr>
                  <th scope="col">{t('log.column.seq')}</th>
                  <th scope="col">{t('log.column.command')}</th>
                  <th scope="col">{t('log.column.response')}</th>
                  <th scope="col">{t('log.column.status')}</th>
                </tr>
              </thead>
              <tbody>
                {log.map((row) => (
                  <tr key={row.seq} data-testid="apdu-row" data-sensitive={row.sensitive}>
                    <td className="num">{row.seq}</td>
                    <td>
                      <div className="name">
                        {row.name}
                        {row.sensitive && <span className="badge" data-testid="pin-hidden">{t('log.redacted')}</span>}
                      </div>
                      <code className="wrap" data-testid="apdu-command">{row.command}</code>
                    </td>
                    <td>
                      <code className="wrap" data-testid="apdu-response" data-hidden={!revealed && (row.myNumberSpans?.length ?? 0) > 0}>
                        {hexWithHidden(row.responseData, revealed ? [] : row.myNumberSpans)}
                      </code>
                    </td>
                    <td>
                      <code>{row.sw ?? '—'}</code>
                      <div className="muted small">{row.swMeaning}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
