import type { CommandNameView } from '../../protocol';
import type { MessageKey } from '../i18n/en';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * A log row's command name in the chosen language (docs/card-reference.md §2): the ISO instruction
 * and the file or offset stay technical tokens; the applet a SELECT addresses and a VERIFY that only
 * asks for tries left are said through the catalog.
 */
export function commandNameText(name: CommandNameView, t: Translate): string {
  const parts = [name.instruction];
  if (name.applet) parts.push(t(`log.target.${name.applet}`));
  if (name.detail) parts.push(name.detail);
  if (name.asksTries) parts.push(t('log.asksTries'));
  return parts.join(' ');
}
