import { children, compactHex, fixedBytes, outerTlv, requireTlv } from '../shared/fields';
import { decodeKeyId, type KeyIdView } from '../shared/keyId';

/** Text AP EF 0005 (docs/card-reference.md §7.6): the AP's basic information. */
export interface TextBasicInfoView {
  /** DF41, 4 bytes; `01 03 0E 01` observed. */
  readonly layoutHex: string;
  /** DF42, a 16-byte key ID — not the key of EF 0004 (§7.6). */
  readonly keyId: KeyIdView;
  /** DF43, 128 bytes whose purpose is unknown (32 digest-shaped bytes + FF filler). */
  readonly unknownHex: string;
}

/** Decodes text EF 0005 (docs/card-reference.md §7.6): `FF 40 82 00 9F { DF41, DF42, DF43 }`. */
export function decodeTextBasicInfo(bytes: Uint8Array, source = 'text AP EF 0005'): TextBasicInfoView {
  const outer = outerTlv(bytes, source, 0xff40);
  const tlvs = children(outer, source);
  const layout = requireTlv(tlvs, 0xdf41, source, outer);
  const keyId = requireTlv(tlvs, 0xdf42, source, outer);
  const unknown = requireTlv(tlvs, 0xdf43, source, outer);
  return {
    layoutHex: compactHex(fixedBytes(layout, source, 4, 'layout identifier')),
    keyId: decodeKeyId(fixedBytes(keyId, source, 16, 'key ID'), source, keyId.valueOffset),
    unknownHex: compactHex(unknown.value),
  };
}
