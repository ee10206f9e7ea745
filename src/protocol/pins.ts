/** The card's credentials as the UI sees them (house rule 9: plain data only; docs/card-reference.md §10). */

/** The applets of the exposure matrix, plus the card-level GET DATA objects (docs/card-reference.md §9.4). */
export type AppletKey = 'jpki' | 'text' | 'visual' | 'common' | 'juki' | 'cardLevel';

/** Every credential of docs/card-reference.md §10, by the same names the card client uses (held equal by worker/cardTypeMirrors.ts). */
export type PinKey =
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

/** A PIN's format as the UI needs it to validate while the person types (mirrors cards/mynumber/pin.ts). */
export type PinFormatView =
  | { readonly kind: 'digits'; readonly length: number }
  | { readonly kind: 'alphanumeric'; readonly minLength: number; readonly maxLength: number; readonly needsLetter: boolean; readonly needsDigit: boolean };

/** One credential's state, read with the empty VERIFY that spends nothing (docs/card-reference.md §2). */
export interface PinStateView {
  readonly pinId: PinKey;
  readonly applet: AppletKey;
  readonly format: PinFormatView;
  /**
   * The counter's maximum, or null where the sources do not establish it (docs/card-reference.md
   * §10, §15.7): the UI then says the tries left alone, never an "of N" it cannot stand behind.
   */
  readonly maxTries: number | null;
  /**
   * null until probed, for a credential the card was never issued, and after a right VERIFY of a
   * credential whose maximum is not established (the counter is back at a maximum nobody knows).
   */
  readonly triesLeft: number | null;
  readonly blocked: boolean;
  /**
   * The card holds no such credential: the signature password of a card without a signature
   * certificate (docs/card-reference.md §6.2, §12). Never `blocked` at the same time.
   */
  readonly notIssued: boolean;
  /** Verified in this session (the card forgets on DF re-selection; the engine remembers which files it opened). */
  readonly verified: boolean;
}
