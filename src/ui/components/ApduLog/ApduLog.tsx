import { useState } from 'react';
import { useAppStore } from '../../store/AppStoreContext';
import { selectBusy, selectClearAll, selectConnection, selectLog } from '../../store/selectors';
import { useT } from '../../useT';
import { ExportTranscriptDialog } from '../ExportTranscriptDialog/ExportTranscriptDialog';

/** Every command and response, names decoded, status words explained, PINs hidden; export (after saying what the file holds) and clear. */
export function ApduLog() {
  const t = useT();
  const log = useAppStore(selectLog);
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
            <button type="button" className="danger" disabled={busy} onClick={() => void clearAll()} data-testid="clear-all">
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
                      <code className="wrap">{row.responseData}</code>
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
