import { useState } from 'react';
import type { PinKey } from '../../../protocol';
import { checkPin } from '../../model/pinInput';
import { useAppStore } from '../../store/AppStoreContext';
import { selectPins } from '../../store/selectors';

/**
 * The typed PIN of one service flow and the rules the PIN dialog applies (docs/card-reference.md §10):
 * the format checked while typing, the last try confirmed, a blocked PIN not sendable. The value
 * lives only here until submit, then is cleared.
 */
export function usePinEntry(pinId: PinKey) {
  const pin = useAppStore(selectPins).find((p) => p.pinId === pinId);
  const [typed, setTyped] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const format = pin?.format ?? (pinId === 'jpkiAuth' ? { kind: 'digits', length: 4 } as const : { kind: 'alphanumeric', minLength: 6, maxLength: 16, needsLetter: true, needsDigit: true } as const);
  const check = checkPin(format, typed);
  const lastTry = pin?.triesLeft === 1;
  const blocked = pin?.blocked === true;
  // The card has no such credential (the signature password without a signature certificate, §6.2, §12).
  const notIssued = pin?.notIssued === true;
  return {
    pinId,
    pin,
    format,
    typed,
    setTyped,
    confirmed,
    setConfirmed,
    check,
    lastTry,
    blocked,
    notIssued,
    /** Ready to send: well formed, issued, not blocked, the last try confirmed. */
    ready: check.problem === null && !notIssued && !blocked && (!lastTry || confirmed),
    /** Hands the value over once and forgets it. */
    take(): { value: string; confirmLastTry: boolean } {
      const taken = { value: check.value, confirmLastTry: lastTry && confirmed };
      setTyped('');
      setConfirmed(false);
      return taken;
    },
  };
}

export type PinEntry = ReturnType<typeof usePinEntry>;
