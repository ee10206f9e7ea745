import { asciiBytes } from '../../bytes';
import type { AppletId } from './identifiers';

/**
 * Every credential a holder can present, one per key EF (docs/card-reference.md §10). 照合番号A and B
 * live in both the text and the visual AP as separate key EFs with separate counters (§5), so
 * each copy has its own id.
 */
export type PinId =
  | 'jpkiAuth'
  | 'jpkiSign'
  | 'textPin'
  | 'textPinA'
  | 'textPinB'
  | 'visualBirth'
  | 'visualPinA'
  | 'visualPinB'
  | 'commonPin'
  | 'jukiPin';

/** The applets that hold a credential (docs/card-reference.md §10). */
export type PinApplet = Exclude<AppletId, 'issuerSecurityDomain'>;

/** How a credential is written before the card compares its bytes (docs/card-reference.md §6.2, §10). */
export type PinFormat =
  /** Exactly `length` ASCII digits. */
  | { readonly kind: 'digits'; readonly length: number }
  /** The sign password: 6–16 of A–Z 0–9, at least one letter and one digit, upper-cased first. */
  | { readonly kind: 'sign-password'; readonly minLength: number; readonly maxLength: number };

/** One credential: where it lives, its format and its counter (docs/card-reference.md §10). */
export interface PinSpec {
  readonly id: PinId;
  readonly applet: PinApplet;
  /** The key EF selected before VERIFY (`00 A4 02 0C 02 <keyEf>`). */
  readonly keyEf: number;
  /** What the card reference calls it, for messages and logs; the page names a PIN from its catalogs by id. */
  readonly name: string;
  readonly format: PinFormat;
  readonly maxTries: number;
  /** False where the sources do not establish the maximum (§10: text 照合番号A "probably 10"). */
  readonly maxTriesConfirmed: boolean;
}

const FOUR_DIGITS: PinFormat = { kind: 'digits', length: 4 };
const PIN_A_FORMAT: PinFormat = { kind: 'digits', length: 12 };
const PIN_B_FORMAT: PinFormat = { kind: 'digits', length: 14 };

/** Every credential of docs/card-reference.md §10 (§6.2 JPKI, §7.1 text, §8.1 visual, §9.2–§9.3). */
export const PINS: Readonly<Record<PinId, PinSpec>> = {
  jpkiAuth: {
    id: 'jpkiAuth', applet: 'jpki', keyEf: 0x0018, name: 'JPKI user-authentication PIN',
    format: FOUR_DIGITS, maxTries: 3, maxTriesConfirmed: true,
  },
  jpkiSign: {
    id: 'jpkiSign', applet: 'jpki', keyEf: 0x001b, name: 'JPKI signature password',
    format: { kind: 'sign-password', minLength: 6, maxLength: 16 }, maxTries: 5, maxTriesConfirmed: true,
  },
  textPin: {
    id: 'textPin', applet: 'text', keyEf: 0x0011, name: 'card-info input support PIN',
    format: FOUR_DIGITS, maxTries: 3, maxTriesConfirmed: true,
  },
  textPinA: {
    id: 'textPinA', applet: 'text', keyEf: 0x0014, name: 'verification number A (text AP)',
    format: PIN_A_FORMAT, maxTries: 10, maxTriesConfirmed: false,
  },
  textPinB: {
    id: 'textPinB', applet: 'text', keyEf: 0x0015, name: 'verification number B (text AP)',
    format: PIN_B_FORMAT, maxTries: 10, maxTriesConfirmed: true,
  },
  visualBirth: {
    id: 'visualBirth', applet: 'visual', keyEf: 0x0011, name: 'birth-date key (visual AP)',
    format: { kind: 'digits', length: 6 }, maxTries: 10, maxTriesConfirmed: false,
  },
  visualPinA: {
    id: 'visualPinA', applet: 'visual', keyEf: 0x0013, name: 'verification number A (visual AP)',
    format: PIN_A_FORMAT, maxTries: 10, maxTriesConfirmed: true,
  },
  visualPinB: {
    id: 'visualPinB', applet: 'visual', keyEf: 0x0012, name: 'verification number B (visual AP)',
    format: PIN_B_FORMAT, maxTries: 10, maxTriesConfirmed: true,
  },
  commonPin: {
    id: 'commonPin', applet: 'common', keyEf: 0x001c, name: 'common card AP PIN',
    format: FOUR_DIGITS, maxTries: 3, maxTriesConfirmed: false,
  },
  jukiPin: {
    id: 'jukiPin', applet: 'juki', keyEf: 0x001c, name: 'resident registry PIN',
    format: FOUR_DIGITS, maxTries: 3, maxTriesConfirmed: true,
  },
};

/** Every PinId, in card order (JPKI, text, visual, 共通, 住基; docs/card-reference.md §10). */
export const PIN_IDS: readonly PinId[] = Object.keys(PINS) as PinId[];

/** Which format rule a rejected input broke; never carries the input itself (house rule 6). */
export type PinFormatRule = 'length' | 'characters' | 'needs-letter' | 'needs-digit';

/**
 * A credential typed in the wrong format, caught before any APDU is built (house rule 5,
 * docs/card-reference.md §10 "clients validate format before sending"). The message names the rule,
 * never the value.
 */
export class PinFormatError extends Error {
  override readonly name = 'PinFormatError';
  readonly code = 'pin/format';
  readonly details: Readonly<{ pinId: PinId; rule: PinFormatRule; expected: string }>;

  constructor(pinId: PinId, rule: PinFormatRule) {
    const expected = describeFormat(PINS[pinId].format);
    super(`${PINS[pinId].name}: ${RULE_TEXT[rule]} (expected ${expected})`);
    this.details = { pinId, rule, expected };
  }
}

const RULE_TEXT: Readonly<Record<PinFormatRule, string>> = {
  length: 'wrong length',
  characters: 'contains a character that is not allowed',
  'needs-letter': 'needs at least one letter',
  'needs-digit': 'needs at least one digit',
};

/** A short English description of a format, for messages and the UI (docs/card-reference.md §10). */
export function describeFormat(format: PinFormat): string {
  return format.kind === 'digits'
    ? `${format.length} digits`
    : `${format.minLength}–${format.maxLength} letters A–Z and digits 0–9, at least one of each`;
}

/**
 * Checks a credential as typed and returns the ASCII bytes the card compares (docs/card-reference.md
 * §2 VERIFY: "PIN = ASCII characters, no padding"). The sign password is upper-cased first,
 * because the card does not fold case (§6.2). Throws `PinFormatError` naming the broken rule.
 * The caller owns the returned bytes and should wipe them after use.
 */
export function validatePin(pinId: PinId, input: string): Uint8Array {
  const spec = PINS[pinId];
  if (!spec) throw new RangeError(`unknown PIN id "${String(pinId)}"`);
  const { format } = spec;
  // The value crosses the worker boundary as data; anything but a string is malformed too.
  if (typeof input !== 'string') throw new PinFormatError(pinId, 'characters');
  if (format.kind === 'digits') {
    if (input.length !== format.length) throw new PinFormatError(pinId, 'length');
    if (!/^[0-9]+$/.test(input)) throw new PinFormatError(pinId, 'characters');
    return asciiBytes(input);
  }
  // Only a–z are folded: toUpperCase() would turn "ß" into "SS" and change the length.
  const upper = input.replace(/[a-z]/g, (c) => c.toUpperCase());
  if (upper.length < format.minLength || upper.length > format.maxLength) throw new PinFormatError(pinId, 'length');
  if (!/^[A-Z0-9]+$/.test(upper)) throw new PinFormatError(pinId, 'characters');
  if (!/[A-Z]/.test(upper)) throw new PinFormatError(pinId, 'needs-letter');
  if (!/[0-9]/.test(upper)) throw new PinFormatError(pinId, 'needs-digit');
  return asciiBytes(upper);
}

/** The credentials held by one applet, in card order (docs/card-reference.md §10). */
export function pinsOf(applet: PinApplet): readonly PinId[] {
  return PIN_IDS.filter((id) => PINS[id].applet === applet);
}
