import { children, compactHex, fixedBytes, outerTlv, requireTlv } from '../shared/fields';

/**
 * Text AP EF 0003 (docs/card-reference.md §7.4): digests of EF 0001 and EF 0002 and the issuer's
 * signature over them, made with the key certified in EF 0004.
 */
export interface IntegrityRecordView {
  /** SHA-256 of the whole 17-byte EF 0001, filler included (DF31). */
  readonly myNumberDigestHex: string;
  /** SHA-256 of EF 0002's outer value after the DF21 table (DF32). */
  readonly basicFourDigestHex: string;
  /** RSA-2048 sha256WithRSA over the DF31 and DF32 TLVs (DF33). */
  readonly signatureHex: string;
  /** The signed bytes, DF31-TLV ‖ DF32-TLV, as hex (for a later signature check). */
  readonly signedHex: string;
}

/** Decodes text EF 0003 (docs/card-reference.md §7.4): `FF 30 82 01 4B { DF31, DF32, DF33 }`. */
export function decodeIntegrityRecord(bytes: Uint8Array, source = 'text AP EF 0003'): IntegrityRecordView {
  const outer = outerTlv(bytes, source, 0xff30);
  const tlvs = children(outer, source);
  const myNumber = requireTlv(tlvs, 0xdf31, source, outer);
  const basicFour = requireTlv(tlvs, 0xdf32, source, outer);
  const signature = requireTlv(tlvs, 0xdf33, source, outer);
  return {
    myNumberDigestHex: compactHex(fixedBytes(myNumber, source, 32, 'My Number digest')),
    basicFourDigestHex: compactHex(fixedBytes(basicFour, source, 32, 'basic-four digest')),
    signatureHex: compactHex(signature.value),
    signedHex: compactHex(myNumber.raw) + compactHex(basicFour.raw),
  };
}
