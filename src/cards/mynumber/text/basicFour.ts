import { MalformedDataError } from '../../../bytes';
import { checkOffsetTable, children, dateField, outerTlv, requireTlv, sexField, utf8Field, type OffsetTableCheck, type SexCode } from '../shared/fields';

/** Text AP EF 0002 (docs/card-reference.md §7.3): 基本4情報 as the card stores them. */
export interface BasicFourView {
  /** 氏名, full-width, U+3000 between family and given name (§7.3). */
  readonly name: string;
  /** 住所, full-width. */
  readonly address: string;
  /** 生年月日, ISO `YYYY-MM-DD` (stored Gregorian `YYYYMMDD`). */
  readonly birthDate: string;
  /** 性別, ISO 5218 digit. */
  readonly sex: SexCode;
  /** The DF21 offset table checked against where DF22–DF25 really are (§7.3, §11). */
  readonly offsetTable: OffsetTableCheck;
}

/**
 * Decodes text EF 0002 (docs/card-reference.md §7.3): `FF 20 LL { DF21 offsets, DF22 name, DF23 address,
 * DF24 DOB, DF25 sex }`. The outer length is parsed as BER (short or `82 HH LL`), not read as
 * byte 2, and the fields are found by tag rather than by the offset table.
 */
export function decodeBasicFour(bytes: Uint8Array, source = 'text AP EF 0002'): BasicFourView {
  const outer = outerTlv(bytes, source, 0xff20);
  const tlvs = children(outer, source);
  const table = requireTlv(tlvs, 0xdf21, source, outer);
  if (tlvs[0] !== table) throw new MalformedDataError(source, tlvs[0]!.offset, 'the offset table DF21 must come first');
  return {
    name: utf8Field(requireTlv(tlvs, 0xdf22, source, outer), source, 'name'),
    address: utf8Field(requireTlv(tlvs, 0xdf23, source, outer), source, 'address'),
    birthDate: dateField(requireTlv(tlvs, 0xdf24, source, outer), source, 'date of birth'),
    sex: sexField(requireTlv(tlvs, 0xdf25, source, outer), source),
    offsetTable: checkOffsetTable(table, tlvs.slice(1), source),
  };
}
