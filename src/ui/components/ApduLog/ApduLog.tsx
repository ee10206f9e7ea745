import { memo, Suspense, useState } from 'react';
import type { ApduLogRow } from '../../../protocol';
import { hexWithHidden } from '../../model/myNumberMask';
import { statusWordText } from '../../model/statusWordText';
import { useAppStore } from '../../store/AppStoreContext';
import { selectBusy, selectClearAll, selectConnection, selectLog, selectLogHidden, selectMyNumberRevealed } from '../../store/selectors';
import { commandNameText } from '../../model/commandNameText';
import { useT } from '../../useT';
import { ExportTranscriptDialog } from '../../lazyViews';
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
          {carriesMyNumber && (
            <div className="my-number-line" data-testid="log-my-number">
              <MyNumberReveal testId="log-my-number-reveal" />
              <span className="muted small">{t('log.myNumberHidden')}</span>
            </div>
          )}
          <ol className="apdu-log" data-testid="apdu-log" aria-label={t('log.heading')} tabIndex={0}>
            {log.map((row) => (
              <LogRow key={row.seq} row={row} revealed={revealed} />
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

/**
 * One exchange: number, command name and status (in the chosen language) on a line, then the
 * command and response bytes in monospace, each byte a spaced pair so lines wrap between bytes.
 * Rows never change once logged, so a row renders once: a frame that adds rows
 * (ui/store/eventBatcher.ts) lays out only those, however many are already shown.
 */
const LogRow = memo(function LogRow({ row, revealed }: { row: ApduLogRow; revealed: boolean }) {
  const t = useT();
  const status = statusWordText(row.sw);
  return (
    <li className="apdu-row" data-testid="apdu-row" data-sensitive={row.sensitive}>
      <div className="apdu-head">
        <span className="num">{row.seq}</span>
        <span className="name">
          {commandNameText(row.nameParts, t)}
          {row.sensitive && <span className="badge" data-testid="pin-hidden">{t('log.redacted')}</span>}
        </span>
        <span className="apdu-status">
          <code>{row.sw ?? '—'}</code> <span className="muted small" data-testid="apdu-status">{t(status.key, status.values)}</span>
        </span>
      </div>
      <dl className="apdu-bytes">
        <dt>{t('log.column.command')}</dt>
        <dd>
          <code data-testid="apdu-command">{row.command}</code>
        </dd>
        {row.responseData && (
          <>
            <dt>{t('log.column.response')}</dt>
            <dd>
              <code data-testid="apdu-response" data-hidden={!revealed && (row.myNumberSpans?.length ?? 0) > 0}>
                {hexWithHidden(row.responseData, revealed ? [] : row.myNumberSpans)}
              </code>
            </dd>
          </>
        )}
      </dl>
    </li>
  );
});
