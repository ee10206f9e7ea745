import { en, type Catalog, type MessageKey } from './en';
import { ja } from './ja';

export type Language = 'ja' | 'en';

const CATALOGS: Record<Language, Catalog> = { en, ja };

/**
 * One plural rule set per language, made once: building an `Intl.PluralRules` costs far more than
 * using one, and the matrix asks for counted texts on every render of a scan (issue "speed to the
 * physical limit" §3).
 */
const PLURAL_RULES: Partial<Record<Language, Intl.PluralRules>> = {};
const pluralRules = (language: Language) => (PLURAL_RULES[language] ??= new Intl.PluralRules(language));

/**
 * The text for `key` in `language`, with `{name}` placeholders filled from `values`. A numeric
 * `count` picks the plural form (`Intl.PluralRules`): `key.one` where the catalog has it, so
 * English says "1 file" and "5 files"; Japanese needs no such form.
 */
export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  const catalog = CATALOGS[language];
  const plural = typeof values.count === 'number' ? `${key}.${pluralRules(language).select(values.count)}` : null;
  const forms: Partial<Record<string, string>> = catalog;
  const text = (plural !== null ? forms[plural] : undefined) ?? catalog[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** Japanese when the browser prefers it, English otherwise. */
export function languageFromLocale(locales: readonly string[]): Language {
  const first = locales.find((l) => /^(ja|en)\b/i.test(l));
  return first?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
