import { MalformedDataError, asciiString } from '../../../bytes';
import { parseSimpleTlvs } from '../../../apdu';
import { isoDate } from '../shared/fields';
import { decodeKeyId, type KeyIdView } from '../shared/keyId';

/** 共通カードAP EF 0001 record 1 (docs/card-reference.md §9.2). */
export interface CommonCardInfoView {
  /** The first 15 digits. How they split is disputed (§9.2, §15.9); shown whole. */
  readonly serial: string;
  /** 全国地方公共団体コード, 5 digits. */
  readonly municipalityCode: string;
  /** Card expiry, ISO `YYYY-MM-DD`. */
  readonly expiry: string;
}

/**
 * Decodes record 1 of 共通カードAP EF 0001 (docs/card-reference.md §9.2): simple-TLV `01 1C` +
 * serial(15) ‖ municipality code(5) ‖ expiry `YYYYMMDD`(8), all ASCII digits.
 */
export function decodeCommonCardInfo(bytes: Uint8Array, source = '共通カード AP EF 0001'): CommonCardInfoView {
  const tlvs = parseSimpleTlvs(bytes, source);
  const record = tlvs.find((t) => t.tag === 0x01);
  if (!record) throw new MalformedDataError(source, 0, 'missing simple-TLV tag 01');
  const valueOffset = record.offset + 2;
  const digits = asciiString(record.value);
  if (!/^\d{28}$/.test(digits)) throw new MalformedDataError(source, valueOffset, 'expected 28 ASCII digits');
  const expiry = isoDate(digits.slice(20));
  if (expiry === null) throw new MalformedDataError(source, valueOffset + 20, 'card expiry is not a calendar date');
  return { serial: digits.slice(0, 15), municipalityCode: digits.slice(15, 20), expiry };
}

/** Decodes the 16-byte key reference of 共通カードAP / 住基AP EF 0002 (docs/card-reference.md §9.2, §9.3). */
export function decodeKeyReference(bytes: Uint8Array, source = 'key reference record'): KeyIdView {
  return decodeKeyId(bytes, source);
}
