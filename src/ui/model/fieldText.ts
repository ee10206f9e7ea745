import type { FieldView } from '../../protocol';
import { translate, type Language } from '../i18n/translate';
import { formatDate } from './dates';

/**
 * A decoded field's value as shown: a date through the one date formatter (Japan time, 和暦 in
 * Japanese), a keyed value (yes/no, sex) in the catalog's words, anything else as the engine gave it.
 */
export function fieldText(field: FieldView, language: Language): string {
  if (field.valueKey) return translate(language, `value.${field.valueKey}`);
  return field.kind === 'date' ? formatDate(field.value, language) : field.value;
}
