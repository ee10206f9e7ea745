/**
 * The 個人番号 check digit (docs/card-reference.md §7.2, 総務省令第八十五号 第五条): with the first eleven
 * digits d1…d11 left to right and weights 6 5 4 3 2 7 6 5 4 3 2, r = Σ dᵢ·wᵢ mod 11, and the
 * check digit is 0 when r ≤ 1, otherwise 11 − r.
 */

const WEIGHTS = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/** The check digit for the first eleven digits of a My Number (docs/card-reference.md §7.2). */
export function myNumberCheckDigit(firstEleven: string): number {
  if (!/^\d{11}$/.test(firstEleven)) throw new RangeError(`expected 11 digits, got "${firstEleven}"`);
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    sum += Number(firstEleven[i]) * weight;
  });
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** Appends the check digit: `12345678901` → `123456789018` (docs/card-reference.md §7.2). */
export function withCheckDigit(firstEleven: string): string {
  return firstEleven + String(myNumberCheckDigit(firstEleven));
}

/** True for 12 ASCII digits whose last digit is the §7.2 check digit. */
export function isValidMyNumber(myNumber: string): boolean {
  if (!/^\d{12}$/.test(myNumber)) return false;
  return myNumberCheckDigit(myNumber.slice(0, 11)) === Number(myNumber[11]);
}
