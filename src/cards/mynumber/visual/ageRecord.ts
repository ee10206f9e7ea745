import { children, compactHex, dateField, outerTlv, requireTlv, valueTlvs } from '../shared/fields';
import { decodeRsaTlvs, type RsaPublicKeyView } from '../shared/rsaPublicKey';

/** Visual AP EF 0001 (docs/card-reference.md §8.1): the age-verification record. */
export interface AgeRecordView {
  /** DF11, 生年月日 as ISO `YYYY-MM-DD`. */
  readonly birthDate: string;
  /** DF12, the card's own key (signs challenges), not the data signer (§8.2). */
  readonly cardPublicKey: RsaPublicKeyView;
  /** DF13, sha256WithRSA over the TLVs before it (§8.2, last paragraph). */
  readonly signatureHex: string;
}

/** Decodes visual EF 0001 (docs/card-reference.md §8.1): `FF 10 82 02 1E { DF11, DF12 { 90, 91 }, DF13 }`. */
export function decodeAgeRecord(bytes: Uint8Array, source = 'visual AP EF 0001'): AgeRecordView {
  const outer = outerTlv(bytes, source, 0xff10);
  const tlvs = children(outer, source);
  const key = requireTlv(tlvs, 0xdf12, source, outer);
  return {
    birthDate: dateField(requireTlv(tlvs, 0xdf11, source, outer), source, 'date of birth'),
    cardPublicKey: decodeRsaTlvs(valueTlvs(key, source), source, key),
    signatureHex: compactHex(requireTlv(tlvs, 0xdf13, source, outer).value),
  };
}
