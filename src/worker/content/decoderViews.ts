import type { DecodedView, DecoderId } from '../../cards/mynumber/decoders';
import type { FieldView, ImageView } from '../../protocol';
import { certificateFields } from './certificateFields';
import { dateField, fromMyNumber, hexField, keyIdFields, myNumberField, numberField, rsaKeyFields, sexField, textField, yesNoField } from './fields';
import { myNumberPicture, photoOrNote, pngImage, type ImageOptions } from './images';

/** What a decoder's view model becomes on screen. */
export interface DecodedParts {
  readonly fields: readonly FieldView[];
  readonly images?: readonly ImageView[];
}

type ViewBuilder<D extends DecoderId> = (view: DecodedView<D>, source: string, options: ImageOptions) => DecodedParts | Promise<DecodedParts>;

const fields = (...list: FieldView[]): DecodedParts => ({ fields: list });
const cvFields = (v: DecodedView<'cvCertificate'>): DecodedParts =>
  fields(
    ...keyIdFields(['issuer key ID', '発行者鍵ID'], v.issuerKeyId),
    ...keyIdFields(['subject key ID', '主体鍵ID'], v.subjectKeyId),
    ...rsaKeyFields(v.publicKey),
    numberField(['length (bytes)', '長さ（バイト）'], v.length),
    hexField(['signature', '署名'], v.signatureHex),
  );

/**
 * Each decoder's view model as bilingual fields and images (docs/card-reference.md §6–§9): what the
 * exposure matrix shows for a file once read. Plain data only (house rule 9).
 */
export const VIEW_BUILDERS: { readonly [D in DecoderId]: ViewBuilder<D> } = {
  x509Certificate: (v) => fields(...certificateFields(v)),
  tokenInfo: (v) =>
    fields(
      textField(['token label', 'トークンラベル'], v.label),
      textField(['token type', 'トークン種別'], v.tokenType),
      textField(['manufacturer', '製造者'], v.manufacturerId),
      textField(['model', '型番'], v.model),
      textField(['serial number', 'シリアル番号'], v.serialNumber),
      textField(['flags', 'フラグ'], v.flagNames.join(', ')),
      numberField(['PIN length', 'PIN長'], `${v.minPinLength}–${v.maxPinLength}`),
      textField(['hardware / firmware', 'ハードウェア / ファームウェア'], `${v.hardwareVersion} / ${v.firmwareVersion}`),
    ),
  certificateFlags: (v) =>
    fields(
      yesNoField(['signature certificate issued', '署名用電子証明書の有無'], v.signCertificate),
      yesNoField(['user-authentication certificate issued', '利用者証明用電子証明書の有無'], v.authCertificate),
      hexField(['flags', 'フラグ'], v.hex),
    ),
  myNumber: (v) =>
    fields(myNumberField(['My Number', '個人番号'], v.myNumber), yesNoField(['check digit valid', '検査用数字の一致'], v.checkDigitValid)),
  basicFour: (v) =>
    fields(
      textField(['name', '氏名'], v.name),
      textField(['address', '住所'], v.address),
      dateField(['date of birth', '生年月日'], v.birthDate),
      sexField(v.sex),
    ),
  integrityRecord: (v) =>
    fields(
      fromMyNumber(hexField(['SHA-256 of the My Number EF', '個人番号EFのSHA-256'], v.myNumberDigestHex)),
      hexField(['SHA-256 of the basic-four EF', '基本4情報EFのSHA-256'], v.basicFourDigestHex),
      fromMyNumber(hexField(['issuer signature', '発行者署名'], v.signatureHex)),
    ),
  cvCertificate: cvFields,
  cvCertificateContent: cvFields,
  textBasicInfo: (v) =>
    fields(hexField(['layout', 'レイアウト'], v.layoutHex), ...keyIdFields(['key ID', '鍵ID'], v.keyId), hexField(['unknown', '不明'], v.unknownHex)),
  sessionKey: (v) => fields(...rsaKeyFields(v)),
  signedPublicKey: (v) => fields(...rsaKeyFields(v.publicKey), hexField(['issuer signature', '発行者署名'], v.signatureHex)),
  ageRecord: (v) =>
    fields(dateField(['date of birth', '生年月日'], v.birthDate), ...rsaKeyFields(v.cardPublicKey, ['card public key', 'カード公開鍵']), hexField(['signature', '署名'], v.signatureHex)),
  cardFace: async (v, source, options) => {
    const photo = await photoOrNote(['face photo', '顔写真'], v.faceJp2, `${source} DF27`, options);
    return {
      fields: [
        dateField(['date of birth', '生年月日'], v.birthDate),
        sexField(v.sex),
        dateField(['card expiry', '有効期限'], v.expiry),
        ...rsaKeyFields(v.cardPublicKey, ['card public key', 'カード公開鍵']),
        hexField(['signature', '署名'], v.signatureHex),
        ...(photo.field ? [photo.field] : []),
      ],
      images: [
        pngImage(['name', '氏名'], v.namePng, `${source} DF25`),
        pngImage(['address', '住所'], v.addressPng, `${source} DF26`),
        ...(photo.image ? [photo.image] : []),
        pngImage(['security code', 'セキュリティコード'], v.securityCodePng, `${source} DF2A`),
      ],
    };
  },
  visualBasicData: (v) =>
    fields(
      textField(['municipality code', '全国地方公共団体コード'], v.municipalityCode),
      numberField(['version', 'バージョン'], v.version),
      ...keyIdFields(['key ID', '鍵ID'], v.keyId),
      ...keyIdFields(['signed key ID', '署名鍵ID'], v.signedKeyId),
    ),
  myNumberImage: (v, source) => ({
    fields: [...rsaKeyFields(v.cardPublicKey, ['card public key', 'カード公開鍵']), fromMyNumber(hexField(['signature', '署名'], v.signatureHex))],
    images: [myNumberPicture(pngImage(['My Number image', '個人番号画像'], v.myNumberPng, `${source} DF41`))],
  }),
  commonCardInfo: (v) =>
    fields(
      textField(['card serial', 'カードシリアル番号'], v.serial),
      textField(['municipality code', '全国地方公共団体コード'], v.municipalityCode),
      dateField(['card expiry', '有効期限'], v.expiry),
    ),
  keyId: (v) => fields(...keyIdFields(['key ID', '鍵ID'], v)),
  asciiText: (v) => fields(textField(['value', '値'], v)),
  municipalityCode: (v) => fields(textField(['municipality code', '全国地方公共団体コード'], v)),
  cardExpiry: (v) => fields(dateField(['card expiry', '有効期限'], v)),
  cardRecognitionData: (v) => fields(...v.entries.map((e) => textField([`OID (tag ${e.tag})`, `OID（タグ ${e.tag}）`], e.oid))),
  contactAtr: (v) => fields(hexField(['contact ATR', '接触ATR'], v.atrHex)),
};
