import { useAppStore } from '../../store/AppStoreContext';
import { selectDismissError, selectErrorCode, selectErrorDetails, selectLanguage, selectNoCardPanel } from '../../store/selectors';
import { ReaderReportButton } from '../ReaderReportButton/ReaderReportButton';
import { errorMessage } from '../../i18n/errorMessages';
import { useT } from '../../useT';

/** The last error, in words from the catalog, saying what to do next. */
export function ErrorBanner() {
  const t = useT();
  const code = useAppStore(selectErrorCode);
  const details = useAppStore(selectErrorDetails);
  const language = useAppStore(selectLanguage);
  const dismiss = useAppStore(selectDismissError);
  // A reader that failed to start has no card panel: its report is offered here (issue 15 §5).
  const noPanel = useAppStore(selectNoCardPanel);
  if (!code) return null;
  return (
    <div className="error" role="alert" data-testid="error" data-code={code}>
      <span>{errorMessage(code, language, details)}</span>
      <button type="button" className="link" onClick={dismiss}>
        {t('error.dismiss')}
      </button>
      {noPanel && <ReaderReportButton />}
    </div>
  );
}
