import type { KeyIdView } from '../../cards/mynumber/shared/keyId';
import type { RsaPublicKeyView } from '../../cards/mynumber/shared/rsaPublicKey';
import type { FieldValueKey, FieldView } from '../../protocol';

/** A bilingual label, English then Japanese. */
export type Label = readonly [string, string];

/** A field of free text (docs/card-reference.md §7–§9 view models). */
export function textField([label, labelJa]: Label, value: string): FieldView {
  return { label, labelJa, value, kind: 'text' };
}

/** An ISO date or instant. */
export function dateField([label, labelJa]: Label, value: string): FieldView {
  return { label, labelJa, value, kind: 'date' };
}

/** Hex bytes. */
export function hexField([label, labelJa]: Label, value: string): FieldView {
  return { label, labelJa, value, kind: 'hex' };
}

/** A number. */
export function numberField([label, labelJa]: Label, value: number | string): FieldView {
  return { label, labelJa, value: String(value), kind: 'number' };
}

/** The My Number itself (docs/card-reference.md §7.2, §17): the UI masks it until the person reveals it. */
export function myNumberField([label, labelJa]: Label, value: string): FieldView {
  return { label, labelJa, value, kind: 'myNumber' };
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
  const field = textField(['sex', '性別'], code);
  return SEX_CODES.has(code) ? { ...field, valueKey: `sex.${code}` as FieldValueKey } : field;
}

/** A yes/no fact (a flag, a check): the UI says it in its language. */
export function yesNoField(label: Label, value: boolean): FieldView {
  return { ...textField(label, value ? 'yes' : 'no'), valueKey: value ? 'yes' : 'no' };
}

/** A 16-byte CV key ID (docs/card-reference.md §7.5): its `1234567/001` label where it has one, and hex. */
export function keyIdFields(label: Label, keyId: KeyIdView): FieldView[] {
  const fields: FieldView[] = [];
  if (keyId.label) fields.push(textField(label, keyId.label));
  fields.push(hexField([`${label[0]} (hex)`, `${label[1]}（16進）`], keyId.hex));
  return fields;
}

/** An RSA public key (docs/card-reference.md §7.5, §7.7, §8.1): size, exponent, modulus. */
export function rsaKeyFields(key: RsaPublicKeyView, label: Label = ['public key', '公開鍵']): FieldView[] {
  return [
    numberField([`${label[0]} size (bits)`, `${label[1]}の長さ（ビット）`], key.bits),
    numberField([`${label[0]} exponent`, `${label[1]}の公開指数`], key.exponent),
    hexField([`${label[0]} modulus`, `${label[1]}の法`], key.modulusHex),
  ];
}
