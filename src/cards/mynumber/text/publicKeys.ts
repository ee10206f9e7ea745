import { children, compactHex, outerTlv, requireTlv, valueTlvs } from '../shared/fields';
import { decodeRsaTlvs, type RsaPublicKeyView } from '../shared/rsaPublicKey';

/** Text AP EF 0007 (docs/card-reference.md §7.7): the public half of key 0013 and the issuer's signature over it. */
export interface SignedPublicKeyView {
  readonly publicKey: RsaPublicKeyView;
  /** Signature over the DF51 TLV (DF52). */
  readonly signatureHex: string;
  /** The signed DF51 TLV, as hex. */
  readonly signedHex: string;
}

/** Decodes text EF 0007 (docs/card-reference.md §7.7): `FF 50 82 02 13 { DF51 { 90, 91 }, DF52 }`. */
export function decodeSignedPublicKey(bytes: Uint8Array, source = 'text AP EF 0007'): SignedPublicKeyView {
  const outer = outerTlv(bytes, source, 0xff50);
  const tlvs = children(outer, source);
  const key = requireTlv(tlvs, 0xdf51, source, outer);
  const signature = requireTlv(tlvs, 0xdf52, source, outer);
  return {
    publicKey: decodeRsaTlvs(valueTlvs(key, source), source, key),
    signatureHex: compactHex(signature.value),
    signedHex: compactHex(key.raw),
  };
}

/**
 * Decodes text EF 0006 (docs/card-reference.md §7.7): `A1 { 90, 91 }`, the RSA-2048 key a terminal
 * encrypts a secure-messaging session key to (§7.8).
 */
export function decodeSessionKey(bytes: Uint8Array, source = 'text AP EF 0006'): RsaPublicKeyView {
  const outer = outerTlv(bytes, source, 0xa1);
  return decodeRsaTlvs(children(outer, source), source, outer);
}
