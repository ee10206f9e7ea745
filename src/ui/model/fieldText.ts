import type { FieldView } from '../../worker/protocol';
import type { Language } from '../i18n/translate';
import { formatDate } from './dates';

/** A decoded field's value as shown: a date through the one date formatter (Japan time, 和暦 in Japanese), anything else as the engine gave it. */
export function fieldText(field: FieldView, language: Language): string {
  return field.kind === 'date' ? formatDate(field.value, language) : field.value;
}
