import { downloadBlob } from '../../model/download';
import { useAppStore } from '../../store/AppStoreContext';
import { selectReaderReportOffered, selectSaveReaderReport } from '../../store/selectors';
import { useT } from '../../useT';

/**
 * "Save a reader report" (issue 15 §5): offered after every reader connection and every reader
 * error. The engine builds the file (worker/readerReport/) from what it holds, without waiting for
 * the card, so it can be saved even while a reader hangs; it is saved as a download, and no request
 * leaves the machine.
 */
export function ReaderReportButton() {
  const t = useT();
  const offered = useAppStore(selectReaderReportOffered);
  const save = useAppStore(selectSaveReaderReport);
  if (!offered) return null;
  const onClick = async () => {
    const report = await save();
    if (report) downloadBlob(report.fileName, report.text, 'application/json;charset=utf-8');
  };
  return (
    <span className="reader-report">
      <button type="button" onClick={() => void onClick()} data-testid="reader-report-save">
        {t('card.readerReport')}
      </button>{' '}
      <span className="muted small">{t('card.readerReportNote')}</span>
    </span>
  );
}
