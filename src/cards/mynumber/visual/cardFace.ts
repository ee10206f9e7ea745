import { MalformedDataError } from '../../../bytes';
import { imageField } from '../shared/images';
import {
  checkOffsetTable,
  children,
  compactHex,
  dateField,
  outerTlv,
  requireTlv,
  sexField,
  valueTlvs,
  type OffsetTableCheck,
  type SexCode,
} from '../shared/fields';
import { decodeRsaTlvs, type RsaPublicKeyView } from '../shared/rsaPublicKey';

/** Visual AP EF 0002 (docs/card-reference.md §8.2): the card face as the chip stores it. */
export interface CardFaceView {
  /** DF22, 生年月日, ISO `YYYY-MM-DD`. */
  readonly birthDate: string;
  /** DF23, 性別, ISO 5218 digit. */
  readonly sex: SexCode;
  /** DF24, the card's own key (not the data signer). */
  readonly cardPublicKey: RsaPublicKeyView;
  /** DF25, 氏名 rendered as PNG. */
  readonly namePng: Uint8Array;
  /** DF26, 住所 rendered as PNG. */
  readonly addressPng: Uint8Array;
  /** DF27, 顔写真 as JPEG 2000 in a JP2 container. */
  readonly faceJp2: Uint8Array;
  /** DF28, PKCS#1 v1.5 signature over one DigestInfo of three SHA-256 digests (§8.2). */
  readonly signatureHex: string;
  /** DF29, 有効期限, ISO `YYYY-MM-DD` — after the signature, so not covered by it. */
  readonly expiry: string;
  /** DF2A, セキュリティコード rendered as PNG — also not covered by the signature. */
  readonly securityCodePng: Uint8Array;
  readonly offsetTable: OffsetTableCheck;
}

/**
 * Decodes visual EF 0002 (docs/card-reference.md §8.2): `FF 20 82 HH LL { DF21 offsets, DF22 … DF2A }`,
 * fields found by tag, the offset table checked against their real positions.
 */
export function decodeCardFace(bytes: Uint8Array, source = 'visual AP EF 0002'): CardFaceView {
  const outer = outerTlv(bytes, source, 0xff20);
  const tlvs = children(outer, source);
  const field = (tag: number) => requireTlv(tlvs, tag, source, outer);
  const table = field(0xdf21);
  if (tlvs[0] !== table) throw new MalformedDataError(source, tlvs[0]!.offset, 'the offset table DF21 must come first');
  const key = field(0xdf24);
  return {
    birthDate: dateField(field(0xdf22), source, 'date of birth'),
    sex: sexField(field(0xdf23), source),
    cardPublicKey: decodeRsaTlvs(valueTlvs(key, source), source, key),
    namePng: imageField(field(0xdf25), source, 'PNG'),
    addressPng: imageField(field(0xdf26), source, 'PNG'),
    faceJp2: imageField(field(0xdf27), source, 'JP2'),
    signatureHex: compactHex(field(0xdf28).value),
    expiry: dateField(field(0xdf29), source, 'card expiry'),
    securityCodePng: imageField(field(0xdf2a), source, 'PNG'),
    offsetTable: checkOffsetTable(table, tlvs.slice(1), source),
  };
}
