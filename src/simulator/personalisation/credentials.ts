import { ageOn, nthBirthdayAfter } from './calendar';
import { warekiYymmdd } from './wareki';

/**
 * The credentials and dates that follow from a holder's facts, so the holder data cannot
 * contradict the rules of docs/card-reference.md §10 and §12.
 */

/** Visual AP EF 0011: the DOB as 和暦 `YYMMDD`, 6 ASCII digits (docs/card-reference.md §8.1, §10). */
export function birthDateKey(birthDate: string): string {
  return warekiYymmdd(birthDate);
}

/**
 * 照合番号B, 14 ASCII digits: 和暦 `YYMMDD` of the DOB ‖ card expiry year `YYYY` ‖ the 4-digit
 * セキュリティコード (docs/card-reference.md §10; myna-card: 1980-02-17, 2035 → `550217` `2035` `xxxx`).
 */
export function verificationCodeB(birthDate: string, cardExpiry: string, securityCode: string): string {
  if (!/^\d{8}$/.test(cardExpiry)) throw new RangeError(`card expiry must be YYYYMMDD, got "${cardExpiry}"`);
  if (!/^\d{4}$/.test(securityCode)) throw new RangeError(`security code must be 4 digits, got "${securityCode}"`);
  return warekiYymmdd(birthDate) + cardExpiry.slice(0, 4) + securityCode;
}

/**
 * The card's 有効期限: the 10th birthday after issuance for a holder of 18 or over, the 5th
 * for a younger one (docs/card-reference.md §12 "Validity" and the municipal pages it cites).
 */
export function cardExpiryFor(birthDate: string, issuedOn: string): string {
  return nthBirthdayAfter(birthDate, issuedOn, ageOn(birthDate, issuedOn) >= 18 ? 10 : 5);
}

/** The JPKI certificates' notAfter date: the 5th birthday after issuance (docs/card-reference.md §12). */
export function certificateExpiryFor(birthDate: string, issuedOn: string): string {
  return nthBirthdayAfter(birthDate, issuedOn, 5);
}

/** Under 15 on the day of issuance: no signature certificate is issued (docs/card-reference.md §12). */
export function isUnderFifteen(birthDate: string, issuedOn: string): boolean {
  return ageOn(birthDate, issuedOn) < 15;
}
