import { useCallback } from 'react';
import { useAppStore } from './store/AppStoreContext';
import { selectLanguage } from './store/selectors';
import { translate } from './i18n/translate';
import type { MessageKey } from './i18n/en';

/** The translate function for the current language. */
export function useT(): (key: MessageKey, values?: Record<string, string | number>) => string {
  const language = useAppStore(selectLanguage);
  return useCallback((key, values) => translate(language, key, values), [language]);
}
