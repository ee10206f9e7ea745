import type { CertificateView } from '../../cards/mynumber/jpki/certificate';
import type { FieldView } from '../../protocol';
import { dateField, numberField, sexField, textField, yesNoField } from './fields';

/**
 * An X.509 certificate as fields (docs/card-reference.md §6.4, §12): subject, issuer, the serial in hex
 * and decimal, validity, key size, key usage, policies, and for the signature certificate the four
 * basic facts its subjectAltName carries. The holder's serial is marked `linkable` with how it
 * reaches others (see `serialReach`); a CA's serial is nobody's and is not marked.
 */
export function certificateFields(view: CertificateView): FieldView[] {
  const { extensions: ext } = view;
  const linkable = serialReach(view);
  const serialMark = linkable ? { linkable } : {};
  const fields: FieldView[] = [
    textField(['subject', 'サブジェクト'], view.subject.text),
    textField(['issuer', '発行者'], view.issuer.text),
    { label: 'serial number (hex)', labelJa: 'シリアル番号（16進）', value: view.serialNumberHex, kind: 'hex', ...serialMark },
    { label: 'serial number (decimal)', labelJa: 'シリアル番号（10進）', value: view.serialNumberDecimal, kind: 'number', ...serialMark },
    dateField(['valid from', '有効期間の開始'], view.validity.notBefore),
    dateField(['valid until', '有効期間の満了'], view.validity.notAfter),
    textField(['key algorithm', '鍵のアルゴリズム'], view.publicKey.algorithm),
  ];
  if (view.publicKey.bits !== null) fields.push(numberField(['key size (bits)', '鍵長（ビット）'], view.publicKey.bits));
  fields.push(textField(['signature algorithm', '署名アルゴリズム'], view.signatureAlgorithm.name));
  if (ext.keyUsage) fields.push(textField(['key usage', '鍵用途'], ext.keyUsage.join(', ')));
  if (ext.extendedKeyUsage) fields.push(textField(['extended key usage', '拡張鍵用途'], ext.extendedKeyUsage.join(', ')));
  if (ext.certificatePolicies.length > 0) fields.push(textField(['policies', '証明書ポリシー'], ext.certificatePolicies.join(', ')));
  if (ext.basicConstraintsCa !== null) fields.push(yesNoField(['certificate authority', '認証局'], ext.basicConstraintsCa));
  const san = ext.subjectAltName;
  if (san) {
    if (san.name !== null) fields.push(textField(['name', '氏名'], san.name));
    if (san.nameAlternative !== null) fields.push(textField(['name (substitute characters)', '氏名（代替文字）'], san.nameAlternative));
    if (san.birthDate !== null) {
      // The Gregorian date is the fact; the era digit before it only repeats its era, which the UI shows with the
      // era year (昭和60年). Digits that name no day stay as the certificate wrote them.
      const { date, raw } = san.birthDate;
      fields.push(date !== null ? dateField(['date of birth', '生年月日'], date) : textField(['date of birth', '生年月日'], raw));
    }
    if (san.sex !== null) fields.push(sexField(san.sex));
    if (san.address !== null) fields.push(textField(['address', '住所'], san.address));
    if (san.addressAlternative !== null) fields.push(textField(['address (substitute characters)', '住所（代替文字）'], san.addressAlternative));
  }
  return fields;
}

/**
 * How a holder's certificate serial reaches others (docs/card-reference.md §12): a certificate whose
 * subjectAltName carries the four basic facts is the signature certificate, sent inside every signed
 * document; the holder's other certificate is the authentication one, recorded at every login. A CA
 * certificate (BasicConstraints CA:TRUE) names no holder.
 */
function serialReach(view: CertificateView): FieldView['linkable'] {
  if (view.extensions.basicConstraintsCa === true) return undefined;
  const san = view.extensions.subjectAltName;
  const carriesFacts = san !== null && (san.name !== null || san.address !== null || san.birthDate !== null || san.sex !== null);
  return carriesFacts ? 'signedDocuments' : 'logins';
}
