import type { CertificateView } from '../../cards/mynumber/jpki/certificate';
import type { FieldView } from '../protocol';
import { dateField, numberField, sexField, textField } from './fields';

/**
 * An X.509 certificate as fields (docs/card-reference.md §6.4, §12): subject, issuer, the serial in hex
 * and decimal — marked `linkable`, because services store it and can join records on it —
 * validity, key size, key usage, policies, and for the signature certificate the four basic
 * facts its subjectAltName carries.
 */
export function certificateFields(view: CertificateView): FieldView[] {
  const { extensions: ext } = view;
  const fields: FieldView[] = [
    textField(['subject', 'サブジェクト'], view.subject.text),
    textField(['issuer', '発行者'], view.issuer.text),
    { label: 'serial number (hex)', labelJa: 'シリアル番号（16進）', value: view.serialNumberHex, kind: 'hex', linkable: true },
    { label: 'serial number (decimal)', labelJa: 'シリアル番号（10進）', value: view.serialNumberDecimal, kind: 'number', linkable: true },
    dateField(['valid from', '有効期間の開始'], view.validity.notBefore),
    dateField(['valid until', '有効期間の満了'], view.validity.notAfter),
    textField(['key algorithm', '鍵のアルゴリズム'], view.publicKey.algorithm),
  ];
  if (view.publicKey.bits !== null) fields.push(numberField(['key size (bits)', '鍵長（ビット）'], view.publicKey.bits));
  fields.push(textField(['signature algorithm', '署名アルゴリズム'], view.signatureAlgorithm.name));
  if (ext.keyUsage) fields.push(textField(['key usage', '鍵用途'], ext.keyUsage.join(', ')));
  if (ext.extendedKeyUsage) fields.push(textField(['extended key usage', '拡張鍵用途'], ext.extendedKeyUsage.join(', ')));
  if (ext.certificatePolicies.length > 0) fields.push(textField(['policies', '証明書ポリシー'], ext.certificatePolicies.join(', ')));
  if (ext.basicConstraintsCa !== null) fields.push(textField(['certificate authority', '認証局'], ext.basicConstraintsCa ? 'yes / はい' : 'no / いいえ'));
  const san = ext.subjectAltName;
  if (san) {
    if (san.name !== null) fields.push(textField(['name', '氏名'], san.name));
    if (san.nameAlternative !== null) fields.push(textField(['name (substitute characters)', '氏名（代替文字）'], san.nameAlternative));
    if (san.birthDate !== null) {
      const era = san.birthDate.era ? ` (${san.birthDate.era})` : '';
      fields.push(dateField(['date of birth', '生年月日'], `${san.birthDate.date ?? san.birthDate.raw}${era}`));
    }
    if (san.sex !== null) fields.push(sexField(san.sex));
    if (san.address !== null) fields.push(textField(['address', '住所'], san.address));
    if (san.addressAlternative !== null) fields.push(textField(['address (substitute characters)', '住所（代替文字）'], san.addressAlternative));
  }
  return fields;
}


