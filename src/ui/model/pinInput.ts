import type { PinFormatView } from '../../protocol';

/** Why a typed PIN cannot be sent yet (docs/card-reference.md §10 formats). */
export type PinProblem = 'empty' | 'notDigits' | 'length' | 'charset' | 'needsLetter' | 'needsDigit';

/** What the dialog may send, and why not when it may not. */
export interface PinCheck {
  /** The value as it will be sent: upper-cased for the alphanumeric signature password (§6.2). */
  readonly value: string;
  readonly problem: PinProblem | null;
}

/** Checks a PIN while it is typed, so a malformed one is never sent (house rule 5). */
export function checkPin(format: PinFormatView, typed: string): PinCheck {
  if (format.kind === 'digits') {
    if (typed.length === 0) return { value: typed, problem: 'empty' };
    if (!/^[0-9]*$/.test(typed)) return { value: typed, problem: 'notDigits' };
    return { value: typed, problem: typed.length === format.length ? null : 'length' };
  }
  const value = typed.toUpperCase();
  if (value.length === 0) return { value, problem: 'empty' };
  if (!/^[A-Z0-9]*$/.test(value)) return { value, problem: 'charset' };
  if (value.length < format.minLength || value.length > format.maxLength) return { value, problem: 'length' };
  if (format.needsLetter && !/[A-Z]/.test(value)) return { value, problem: 'needsLetter' };
  if (format.needsDigit && !/[0-9]/.test(value)) return { value, problem: 'needsDigit' };
  return { value, problem: null };
}

/** The input mode a phone keyboard should offer for this format. */
export function inputModeFor(format: PinFormatView): 'numeric' | 'text' {
  return format.kind === 'digits' ? 'numeric' : 'text';
}
