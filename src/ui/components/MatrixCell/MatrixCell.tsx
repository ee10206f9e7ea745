import type { PinKey } from '../../../protocol';
import type { Cell } from '../../model/matrixModel';
import { useT } from '../../useT';

/**
 * One cell of the exposure matrix, from the file's access rule: readable (read ✓ in the no-PIN
 * column once read), absent, locked by which PIN, or never/internal/unknown. `column` names the
 * column for a narrow screen, where the table becomes a list and each cell says whose it is.
 */
export function MatrixCell({ cell, testId, span, none, column }: { cell: Cell; testId: string; span?: number; none?: boolean; column: string }) {
  const t = useT();
  const pinName = (p: PinKey) => t(`pin.short.${p}`);
  return (
    <td className={`cell cell-${cell.kind}${none ? ' none-col' : ''}`} colSpan={span} data-testid={testId} data-cell={cell.kind} data-column={column}>
      <span className="cell-label">{t(`cell.${cell.kind}`)}</span>
      {cell.kind === 'locked' && cell.by.length > 0 && <span className="cell-by">{cell.by.map(pinName).join(' / ')}</span>}
    </td>
  );
}
