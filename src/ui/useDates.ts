import { useMemo } from 'react';
import { formatDate, formatDateTime } from './model/dates';
import { useAppStore } from './store/AppStoreContext';
import { selectLanguage } from './store/selectors';

/** The one date formatter (`model/dates.ts`) in the current language, so every view shows a date the same way. */
export function useDates(): { readonly date: (value: string) => string; readonly dateTime: (value: string) => string } {
  const language = useAppStore(selectLanguage);
  return useMemo(() => ({ date: (value: string) => formatDate(value, language), dateTime: (value: string) => formatDateTime(value, language) }), [language]);
}
