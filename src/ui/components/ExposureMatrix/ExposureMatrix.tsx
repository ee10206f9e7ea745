import { memo } from 'react';
import type { ExposureRowView } from '../../../protocol';
import { cellFor, groupRows, sessionRead, type AppletGroup, type MatrixColumn } from '../../model/matrixModel';
import { useAppStore } from '../../store/AppStoreContext';
import { selectLanguage, selectRows, selectSelectRow } from '../../store/selectors';
import { useT } from '../../useT';
import { openWhenWide } from '../Fold/openWhenWide';
import { MatrixCell } from '../MatrixCell/MatrixCell';

/** The heart of the app: each applet's files × {no PIN, each of its PINs}, filled in live as the scan reads (docs/peers.md §5.1). */
export function ExposureMatrix() {
  const t = useT();
  const rows = useAppStore(selectRows);
  if (rows.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="matrix-heading" data-testid="matrix">
      <h2 id="matrix-heading">{t('matrix.heading')}</h2>
      <p className="muted">{t('matrix.intro')}</p>
      {groupRows(rows).map((group) => (
        <AppletTable key={group.applet} group={group} />
      ))}
    </section>
  );
}

/** Rows no PIN changes (keys, never-read, undocumented — and files never issued) get one cell across every column. */
const SPANNING = new Set(['never', 'internal', 'unknown']);

/**
 * A file that stays inside the card: a key, a PIN's own file, a protected area, or an undocumented
 * EF this session did not read (docs/card-reference.md §6.1, §7.1, §8.1, §9.2). These fold into one
 * line per applet; an undocumented EF that was read stays in the table, since it did leave the card.
 */
export function staysInCard(row: ExposureRowView): boolean {
  // A file of a credential never issued (§6.2, §12) says so in the table: that absence is itself a fact about the holder.
  if (row.status === 'not-issued') return false;
  if (row.access.kind === 'never' || row.access.kind === 'internal') return true;
  return row.access.kind === 'unknown' && row.status !== 'read';
}

function AppletTable({ group }: { group: AppletGroup }) {
  const t = useT();
  const language = useAppStore(selectLanguage);
  const selectRow = useAppStore(selectSelectRow);
  const shown = group.rows.filter((row) => !staysInCard(row));
  const inside = group.rows.filter(staysInCard);
  const name = (row: ExposureRowView) => (language === 'ja' ? row.nameJa : row.name);
  const columnName = (c: MatrixColumn) => (c === 'none' ? t('matrix.column.none') : t(`pin.short.${c}`));
  return (
    <details className="applet" data-testid={`applet-${group.applet}`} ref={openWhenWide}>
      <summary>
        <h3>{t(`applet.${group.applet}`)}</h3>{' '}
        <span className="muted small">{t('matrix.appletCount', { count: shown.length, free: shown.filter((r) => cellFor(r, 'none').kind === 'read').length })}</span>
      </summary>
      <div className="table-scroll">
        <table className="matrix">
          <thead>
            <tr>
              <th scope="col" className="file-col">{t('matrix.file')}</th>
              {group.columns.map((c) => (
                <th scope="col" key={c} className={c === 'none' ? 'none-col' : undefined}>
                  {columnName(c)}
                </th>
              ))}
              <th scope="col">{t('matrix.status')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <MatrixRow key={row.key} row={row} columns={group.columns} />
            ))}
          </tbody>
        </table>
      </div>
      {inside.length > 0 && (
        <details className="inside-fold" data-testid={`inside-${group.applet}`}>
          <summary>{t('matrix.inside', { count: inside.length })}</summary>
          <p className="muted small">{t('matrix.insideNote')}</p>
          <ul className="inside-list">
            {inside.map((row) => (
              <li key={row.key} data-testid={`row-${row.key}`} data-status={row.status}>
                <button type="button" className="row-open" data-testid={`row-open-${row.key}`} onClick={() => selectRow(row.key)}>
                  {name(row)}
                </button>{' '}
                <span className="file-id">{row.fileId}</span>{' '}
                <span className="muted small" data-testid={`cell-${row.key}-none`} data-cell={cellFor(row, 'none').kind}>
                  {t(`cell.${cellFor(row, 'none').kind}`)}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </details>
  );
}

/** Columns compared by what they name: `groupRows` builds new arrays on every change of any row. */
const sameRow = (a: MatrixRowProps, b: MatrixRowProps) => a.row === b.row && a.columns.join() === b.columns.join();

interface MatrixRowProps {
  readonly row: ExposureRowView;
  readonly columns: AppletGroup['columns'];
}

/**
 * One file's row. The store replaces a row's object only when it changes (ui/store/mergeRows.ts),
 * so a row event re-renders that row alone, not the whole matrix.
 */
const MatrixRow = memo(function MatrixRow({ row, columns }: MatrixRowProps) {
  const t = useT();
  const language = useAppStore(selectLanguage);
  const selectRow = useAppStore(selectSelectRow);
  const columnName = (c: MatrixColumn) => (c === 'none' ? t('matrix.column.none') : t(`pin.short.${c}`));
  const statusText = () => {
    if (row.status === 'not-issued') return t('status.not-issued');
    if (row.access.kind === 'never' || row.access.kind === 'internal') return '—';
    const read = sessionRead(row);
    if (!read) return t(`status.${row.status}`);
    if (read.pins.length === 0) return t('status.read');
    const pins = new Intl.ListFormat(language, { type: 'conjunction' }).format(read.pins.map((p) => t(`pin.short.${p}`)));
    return t(read.withoutPin ? 'status.readWithAndWithout' : 'status.readWith', { pins });
  };
  return (
    <tr data-testid={`row-${row.key}`} data-status={row.status} onClick={() => selectRow(row.key)}>
      <th scope="row" className="file-col">
        <button type="button" className="row-open" data-testid={`row-open-${row.key}`} onClick={(e) => { e.stopPropagation(); selectRow(row.key); }}>
          {language === 'ja' ? row.nameJa : row.name}
        </button>
        <span className="file-id">{row.fileId}</span>
        {row.containsMyNumber && <span className="badge badge-mynumber">{t('status.myNumber')}</span>}
      </th>
      {SPANNING.has(row.access.kind) || row.status === 'not-issued' ? (
        <MatrixCell cell={cellFor(row, 'none')} testId={`cell-${row.key}-none`} span={columns.length} column={t('matrix.column.any')} />
      ) : (
        columns.map((c) => <MatrixCell key={c} cell={cellFor(row, c)} testId={`cell-${row.key}-${c}`} none={c === 'none'} column={columnName(c)} />)
      )}
      <td className="row-status" data-testid={`status-${row.key}`} data-opened-by={row.openedBy.join(' ')}>{statusText()}</td>
    </tr>
  );
}, sameRow);
