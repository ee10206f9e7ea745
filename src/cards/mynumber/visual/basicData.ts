import { MalformedDataError } from '../../../bytes';
import { asciiField, children, compactHex, fixedBytes, outerTlv, requireTlv } from '../shared/fields';
import { decodeKeyId, type KeyIdView } from '../shared/keyId';

/** Visual AP EF 0003 (docs/card-reference.md §8.1): the AP's basic data. */
export interface VisualBasicDataView {
  /** DF31, 4 bytes; `06 03 0E 01` observed. */
  readonly layoutHex: string;
  /** DF32, a 16-byte key ID. */
  readonly keyId: KeyIdView;
  /** DF33, one version byte. */
  readonly version: number;
  /** DF34, 全国地方公共団体コード, 5 ASCII digits. */
  readonly municipalityCode: string;
  /** DF35: a 16-byte key ID then 256 opaque bytes. */
  readonly signedKeyId: KeyIdView;
  readonly opaqueHex: string;
}

/** Decodes visual EF 0003 (docs/card-reference.md §8.1): `FF 30 { DF31, DF32, DF33, DF34, DF35 }`. */
export function decodeVisualBasicData(bytes: Uint8Array, source = 'visual AP EF 0003'): VisualBasicDataView {
  const outer = outerTlv(bytes, source, 0xff30);
  const tlvs = children(outer, source);
  const field = (tag: number) => requireTlv(tlvs, tag, source, outer);
  const keyId = field(0xdf32);
  const tail = field(0xdf35);
  if (tail.value.length < 16) throw new MalformedDataError(source, tail.valueOffset, 'DF35 shorter than its key ID');
  return {
    layoutHex: compactHex(fixedBytes(field(0xdf31), source, 4, 'layout identifier')),
    keyId: decodeKeyId(fixedBytes(keyId, source, 16, 'key ID'), source, keyId.valueOffset),
    version: fixedBytes(field(0xdf33), source, 1, 'version')[0]!,
    municipalityCode: asciiField(field(0xdf34), source, /^\d{5}$/, 'municipality code'),
    signedKeyId: decodeKeyId(tail.value.subarray(0, 16), source, tail.valueOffset),
    opaqueHex: compactHex(tail.value.subarray(16)),
  };
}
