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
    ...keyIdFields('issuerKeyId', v.issuerKeyId),
    ...keyIdFields('subjectKeyId', v.subjectKeyId),
    ...rsaKeyFields(v.publicKey),
    numberField('length', v.length),
    hexField('signature', v.signatureHex),
  );

/**
 * Each decoder's view model as keyed fields and images — the UI names each key in its language (docs/card-reference.md §6–§9): what the
 * exposure matrix shows for a file once read. Plain data only (house rule 9).
 */
export const VIEW_BUILDERS: { readonly [D in DecoderId]: ViewBuilder<D> } = {
  x509Certificate: (v) => fields(...certificateFields(v)),
  tokenInfo: (v) =>
    fields(
      textField('tokenLabel', v.label),
      textField('tokenType', v.tokenType),
      textField('manufacturer', v.manufacturerId),
      textField('model', v.model),
      textField('serialNumber', v.serialNumber),
      textField('flags', v.flagNames.join(', ')),
      numberField('pinLength', `${v.minPinLength}–${v.maxPinLength}`),
      textField('hardwareFirmware', `${v.hardwareVersion} / ${v.firmwareVersion}`),
    ),
  certificateFlags: (v) =>
    fields(
      yesNoField('signCertificateIssued', v.signCertificate),
      yesNoField('authCertificateIssued', v.authCertificate),
      hexField('flags', v.hex),
    ),
  myNumber: (v) =>
    fields(myNumberField('myNumber', v.myNumber), yesNoField('checkDigitValid', v.checkDigitValid)),
  basicFour: (v) =>
    fields(
      textField('name', v.name),
      textField('address', v.address),
      dateField('birthDate', v.birthDate),
      sexField(v.sex),
    ),
  integrityRecord: (v) =>
    fields(
      fromMyNumber(hexField('myNumberDigest', v.myNumberDigestHex)),
      hexField('basicFourDigest', v.basicFourDigestHex),
      fromMyNumber(hexField('issuerSignature', v.signatureHex)),
    ),
  cvCertificate: cvFields,
  cvCertificateContent: cvFields,
  textBasicInfo: (v) =>
    fields(hexField('layout', v.layoutHex), ...keyIdFields('keyId', v.keyId), hexField('unknown', v.unknownHex)),
  sessionKey: (v) => fields(...rsaKeyFields(v)),
  signedPublicKey: (v) => fields(...rsaKeyFields(v.publicKey), hexField('issuerSignature', v.signatureHex)),
  ageRecord: (v) =>
    fields(dateField('birthDate', v.birthDate), ...rsaKeyFields(v.cardPublicKey, 'cardPublicKey'), hexField('signature', v.signatureHex)),
  cardFace: async (v, source, options) => {
    const photo = await photoOrNote('facePhoto', v.faceJp2, `${source} DF27`, options);
    return {
      fields: [
        dateField('birthDate', v.birthDate),
        sexField(v.sex),
        dateField('cardExpiry', v.expiry),
        ...rsaKeyFields(v.cardPublicKey, 'cardPublicKey'),
        hexField('signature', v.signatureHex),
        ...(photo.field ? [photo.field] : []),
      ],
      images: [
        pngImage('name', v.namePng, `${source} DF25`),
        pngImage('address', v.addressPng, `${source} DF26`),
        ...(photo.image ? [photo.image] : []),
        pngImage('securityCode', v.securityCodePng, `${source} DF2A`),
      ],
    };
  },
  visualBasicData: (v) =>
    fields(
      textField('municipalityCode', v.municipalityCode),
      numberField('version', v.version),
      ...keyIdFields('keyId', v.keyId),
      ...keyIdFields('signedKeyId', v.signedKeyId),
    ),
  myNumberImage: (v, source) => ({
    fields: [...rsaKeyFields(v.cardPublicKey, 'cardPublicKey'), fromMyNumber(hexField('signature', v.signatureHex))],
    images: [myNumberPicture(pngImage('myNumberImage', v.myNumberPng, `${source} DF41`))],
  }),
  commonCardInfo: (v) =>
    fields(
      textField('cardSerial', v.serial),
      textField('municipalityCode', v.municipalityCode),
      dateField('cardExpiry', v.expiry),
    ),
  keyId: (v) => fields(...keyIdFields('keyId', v)),
  asciiText: (v) => fields(textField('value', v)),
  municipalityCode: (v) => fields(textField('municipalityCode', v)),
  cardExpiry: (v) => fields(dateField('cardExpiry', v)),
  cardRecognitionData: (v) => fields(...v.entries.map((e) => ({ ...textField('oid', e.oid), labelValues: { tag: e.tag } }))),
  contactAtr: (v) => fields(hexField('contactAtr', v.atrHex)),
};
