import type { KeyIdView } from '../../cards/mynumber/shared/keyId';
import type { RsaPublicKeyView } from '../../cards/mynumber/shared/rsaPublicKey';
import type { FieldKey, FieldValueKey, FieldView, KeyIdFieldKey, PublicKeyFieldKey } from '../../protocol';

/** A field of free text (docs/card-reference.md §7–§9 view models); `key` names it, in the UI's words. */
export function textField(key: FieldKey, value: string): FieldView {
  return { key, value, kind: 'text' };
}

/** An ISO date or instant. */
export function dateField(key: FieldKey, value: string): FieldView {
  return { key, value, kind: 'date' };
}

/** Hex bytes. */
export function hexField(key: FieldKey, value: string): FieldView {
  return { key, value, kind: 'hex' };
}

/** A number. */
export function numberField(key: FieldKey, value: number | string): FieldView {
  return { key, value: String(value), kind: 'number' };
}

/** The My Number itself (docs/card-reference.md §7.2, §17): the UI masks it until the person reveals it. */
export function myNumberField(key: FieldKey, value: string): FieldView {
  return { key, value, kind: 'myNumber' };
}

/**
 * A field computed from the My Number that gives it back — its digest, a signature over it
 * (docs/card-reference.md §7.4, §8.1, §17): the UI masks it with the number until Reveal.
 */
export function fromMyNumber(field: FieldView): FieldView {
  return { ...field, derivedFromMyNumber: true };
}

const SEX_CODES = new Set(['0', '1', '2', '9']);

/** An ISO 5218 sex code (docs/card-reference.md §7.3 DF25, §8.2, §12): the code, and a key the UI says in its language. */
export function sexField(code: string): FieldView {
  const field = textField('sex', code);
  return SEX_CODES.has(code) ? { ...field, valueKey: `sex.${code}` as FieldValueKey } : field;
}

/** A yes/no fact (a flag, a check): the UI says it in its language. */
export function yesNoField(key: FieldKey, value: boolean): FieldView {
  return { ...textField(key, value ? 'yes' : 'no'), valueKey: value ? 'yes' : 'no' };
}

/** A 16-byte CV key ID (docs/card-reference.md §7.5): its `1234567/001` label where it has one, and hex. */
export function keyIdFields(key: KeyIdFieldKey, keyId: KeyIdView): FieldView[] {
  const fields: FieldView[] = [];
  if (keyId.label) fields.push(textField(key, keyId.label));
  fields.push(hexField(`${key}.hex`, keyId.hex));
  return fields;
}

/** An RSA public key (docs/card-reference.md §7.5, §7.7, §8.1): size, exponent, modulus. */
export function rsaKeyFields(key: RsaPublicKeyView, which: PublicKeyFieldKey = 'publicKey'): FieldView[] {
  return [
    numberField(`${which}.bits`, key.bits),
    numberField(`${which}.exponent`, key.exponent),
    hexField(`${which}.modulus`, key.modulusHex),
  ];
}
