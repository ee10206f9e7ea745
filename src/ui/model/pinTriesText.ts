import type { PinStateView } from '../../protocol';
import type { MessageKey } from '../i18n/en';

/** A catalog key and its values. */
export interface TriesText {
  readonly key: MessageKey;
  readonly values: Record<string, number>;
}

/** Where the tries are said: the PIN list, the PIN dialog, or a service's PIN field. */
export type TriesPlace = 'list' | 'dialog' | 'service';

/**
 * What to say about a PIN's counter. The tries left are a fact only as the card gave them (the
 * empty VERIFY, docs/card-reference.md §2); the "of N" maximum only where the sources establish it
 * (§10, §15.7) — text 照合番号A, the birth-date key and the 共通 PIN get the count alone. A right
 * VERIFY of such a key resets it to a maximum nobody knows, and the list says exactly that.
 */
export function pinTriesText(pin: Pick<PinStateView, 'triesLeft' | 'maxTries' | 'verified'>, place: TriesPlace): TriesText {
  const { triesLeft: left, maxTries: max } = pin;
  if (left === null) {
    if (place === 'service') return { key: 'servicePin.triesUnknown', values: {} };
    return { key: pin.verified ? 'pins.triesRestored' : 'pins.triesUnknown', values: {} };
  }
  if (max === null) return { key: place === 'list' ? 'pins.triesNoMax' : 'pinDialog.triesNoMax', values: { left } };
  const key: MessageKey = place === 'list' ? 'pins.tries' : place === 'dialog' ? 'pinDialog.tries' : 'servicePin.tries';
  return { key, values: { left, max } };
}
