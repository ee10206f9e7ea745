import type { ExposureRowView } from '../../../protocol';
import { useT } from '../../useT';

/**
 * Files by name, as a list: what an accepted PIN opened (each one click from its decoded content, when
 * `onOpen` is given) and, in the export dialog, the files a fact was read from.
 */
export function FileNames({ rows, onOpen, testId }: { rows: readonly ExposureRowView[]; onOpen?: (key: string) => void; testId?: string }) {
  const t = useT();
  const name = (row: ExposureRowView) => t(`file.${row.key}`);
  return (
    <ul className="file-names" data-testid={testId}>
      {rows.map((row) => (
        <li key={row.key} data-row={row.key}>
          {onOpen ? (
            <button type="button" className="link" onClick={() => onOpen(row.key)} data-testid={`pin-opened-${row.key}`}>
              {name(row)}
            </button>
          ) : (
            name(row)
          )}
        </li>
      ))}
    </ul>
  );
}
