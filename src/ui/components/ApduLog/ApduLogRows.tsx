import { memo } from 'react';
import type { ApduLogRow } from '../../../protocol';
import { hexWithHidden } from '../../model/myNumberMask';
import { statusWordText } from '../../model/statusWordText';
import { commandNameText } from '../../model/commandNameText';
import { useAppStore } from '../../store/AppStoreContext';
import { selectLog, selectMyNumberRevealed } from '../../store/selectors';
import { useT } from '../../useT';
import { MyNumberReveal } from '../MyNumberReveal/MyNumberReveal';

/**
 * The log's rows, inside its fold (ApduLog.tsx): a chunk of its own, loaded with the card view once
 * the page is idle or at the first press (ui/lazyViews.ts), because rows exist only once a card or
 * transcript has been opened and the start screen shows an empty log (issue "speed to the physical
 * limit" §4).
 */
export function ApduLogRows() {
  const t = useT();
  const log = useAppStore(selectLog);
  const revealed = useAppStore(selectMyNumberRevealed);
  const carriesMyNumber = log.some((row) => (row.myNumberSpans?.length ?? 0) > 0);
  return (
    <>
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
    </>
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
