import { useAppStore } from '../../store/AppStoreContext';
import { selectErrorCode, selectLanguage } from '../../store/selectors';
import { errorMessage } from '../../i18n/errorMessages';

/** The last error, in words from the catalog, saying what to do next. */
export function ErrorBanner() {
  const code = useAppStore(selectErrorCode);
  const language = useAppStore(selectLanguage);
  if (!code) return null;
  return (
    <div className="error" role="alert" data-testid="error" data-code={code}>
      {errorMessage(code, language)}
    </div>
  );
}
