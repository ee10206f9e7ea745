/**
 * The card's credentials by name, one per key EF (docs/card-reference.md §10). The same holder value
 * (照合番号A, 照合番号B) sits in two APs as two key EFs with separate counters, so each has its own id.
 */
export type PinId =
  /** JPKI EF 0018, 利用者証明用 PIN (§6.2). */
  | 'jpkiAuth'
  /** JPKI EF 001B, 署名用パスワード (§6.2). */
  | 'jpkiSign'
  /** Text AP EF 0011, 券面事項入力補助用暗証番号 (§7.1). */
  | 'textPin'
  /** Text AP EF 0012, a key reference blocked from issuance (§7.1). */
  | 'textBlocked'
  /** Text AP EF 0014, 照合番号A (§7.1). */
  | 'textPinA'
  /** Text AP EF 0015, 照合番号B (§7.1). */
  | 'textPinB'
  /** Visual AP EF 0011, 生年月日 key (§8.1). */
  | 'visualBirth'
  /** Visual AP EF 0012, 照合番号B (§8.1). */
  | 'visualPinB'
  /** Visual AP EF 0013, 照合番号A (§8.1). */
  | 'visualPinA'
  /** 共通カードAP EF 001C (§9.2). */
  | 'commonPin'
  /** 住基AP EF 001C (§9.3). */
  | 'jukiPin';

/** Every PinId, in card order (JPKI, text, visual, 共通, 住基). */
export const PIN_IDS: readonly PinId[] = [
  'jpkiAuth',
  'jpkiSign',
  'textPin',
  'textBlocked',
  'textPinA',
  'textPinB',
  'visualBirth',
  'visualPinB',
  'visualPinA',
  'commonPin',
  'jukiPin',
];

/**
 * What a new value given to CHANGE REFERENCE DATA / CHANGE KEY must look like (docs/card-reference.md
 * §6.2, §10). Whether the card itself checks the format is not in the sources; the simulator
 * does (answering `6A80`) so that a test can never store a value no client could enter again.
 */
export interface PinFormat {
  readonly minLength: number;
  readonly maxLength: number;
  /** `digits`: 0–9. `upper-alphanumeric`: A–Z and 0–9 (the sign password, §6.2). */
  readonly characters: 'digits' | 'upper-alphanumeric';
}

/** True when `value` (ASCII bytes) satisfies `format`. */
export function matchesPinFormat(value: Uint8Array, format: PinFormat): boolean {
  if (value.length < format.minLength || value.length > format.maxLength) return false;
  const digit = (b: number) => b >= 0x30 && b <= 0x39;
  const upper = (b: number) => b >= 0x41 && b <= 0x5a;
  return value.every((b) => digit(b) || (format.characters === 'upper-alphanumeric' && upper(b)));
}

/** 4 ASCII digits: JPKI auth, text PIN, 共通/住基 PINs (§10). */
export const FOUR_DIGITS: PinFormat = { minLength: 4, maxLength: 4, characters: 'digits' };
