import { children, compactHex, outerTlv, requireTlv, valueTlvs } from '../shared/fields';
import { decodeRsaTlvs, type RsaPublicKeyView } from '../shared/rsaPublicKey';
import { imageField } from '../shared/images';

/** Visual AP EF 0005 (docs/card-reference.md §8.1): the My Number as a picture, 特定個人情報 (§17). */
export interface MyNumberImageView {
  /** DF41, the 12 digits rendered as PNG (72×12, 1-bit on the surveyed card). */
  readonly myNumberPng: Uint8Array;
  /** DF42, the card's own key. */
  readonly cardPublicKey: RsaPublicKeyView;
  /** DF43, sha256WithRSA over the TLVs before it. */
  readonly signatureHex: string;
}

/** Decodes visual EF 0005 (docs/card-reference.md §8.1): `FF 40 { DF41 PNG, DF42 { 90, 91 }, DF43 }`. */
export function decodeMyNumberImage(bytes: Uint8Array, source = 'visual AP EF 0005'): MyNumberImageView {
  const outer = outerTlv(bytes, source, 0xff40);
  const tlvs = children(outer, source);
  const key = requireTlv(tlvs, 0xdf42, source, outer);
  return {
    myNumberPng: imageField(requireTlv(tlvs, 0xdf41, source, outer), source, 'PNG'),
    cardPublicKey: decodeRsaTlvs(valueTlvs(key, source), source, key),
    signatureHex: compactHex(requireTlv(tlvs, 0xdf43, source, outer).value),
  };
}
