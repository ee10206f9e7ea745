import { en, type MessageKey } from './en';
import { ja } from './ja';

export type Language = 'ja' | 'en';

const CATALOGS: Record<Language, Record<MessageKey, string>> = { en, ja };

/** The text for `key` in `language`, with `{name}` placeholders filled from `values`. */
export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  return CATALOGS[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** Japanese when the browser prefers it, English otherwise. */
export function languageFromLocale(locales: readonly string[]): Language {
  const first = locales.find((l) => /^(ja|en)\b/i.test(l));
  return first?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
