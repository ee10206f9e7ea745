import { errorMessage } from '../../i18n/errorMessages';
import { useAppStore } from '../../store/AppStoreContext';
import { selectLanguage, selectServices } from '../../store/selectors';
import type { ServiceAction } from '../../store/servicesState';

/** The last refusal of one service action, in words from the catalog (house rule 10). */
export function ServiceError({ action, testId }: { action: ServiceAction; testId: string }) {
  const { error } = useAppStore(selectServices);
  const language = useAppStore(selectLanguage);
  if (error?.action !== action) return null;
  return (
    <p className="error" role="alert" data-testid={testId} data-code={error.code}>
      {errorMessage(error.code, language, error.details)}
    </p>
  );
}
