import { asciiField, fixedBytes, outerTlv } from '../shared/fields';

/** Text AP EF 0001 (docs/card-reference.md §7.2): the 12-digit 個人番号, 特定個人情報 (§17). */
export interface MyNumberView {
  readonly myNumber: string;
  /** Whether digit 12 is the check digit of digits 1–11 (§7.2); reported, never thrown. */
  readonly checkDigitValid: boolean;
  /** The check digit digits 1–11 call for. */
  readonly expectedCheckDigit: number;
}

/** Weights for digits 1–11, left to right (docs/card-reference.md §7.2, 総務省令第八十五号 第五条). */
const WEIGHTS = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/** The check digit of the first 11 digits (docs/card-reference.md §7.2): r = Σ mod 11; 0 if r ≤ 1 else 11 − r. */
export function myNumberCheckDigit(first11: string): number {
  if (!/^\d{11}$/.test(first11)) throw new RangeError('the check digit needs exactly 11 digits');
  const r = WEIGHTS.reduce((sum, weight, i) => sum + weight * Number(first11[i]), 0) % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** Decodes text EF 0001 (docs/card-reference.md §7.2): tag `FF10` in long form, 12 ASCII digits. */
export function decodeMyNumber(bytes: Uint8Array, source = 'text AP EF 0001'): MyNumberView {
  const tlv = outerTlv(bytes, source, 0xff10);
  fixedBytes(tlv, source, 12, 'My Number');
  const myNumber = asciiField(tlv, source, /^\d{12}$/, 'My Number');
  const expectedCheckDigit = myNumberCheckDigit(myNumber.slice(0, 11));
  return { myNumber, checkDigitValid: Number(myNumber[11]) === expectedCheckDigit, expectedCheckDigit };
}
