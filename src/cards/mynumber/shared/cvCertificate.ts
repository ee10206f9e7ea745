import { MalformedDataError } from '../../../bytes';
import { parseTlvs, type Tlv } from '../../../apdu';
import { children, compactHex, outerTlv, requireTlv } from './fields';
import { decodeKeyId, type KeyIdView } from './keyId';
import { rsaPublicKeyView, type RsaPublicKeyView } from './rsaPublicKey';

/**
 * A card-verifiable certificate (docs/card-reference.md §7.5): text/visual EF 0004 and the card-level
 * objects 7F21 / 00F8 (§9.4).
 */
export interface CvCertificateView {
  readonly issuerKeyId: KeyIdView;
  readonly subjectKeyId: KeyIdView;
  readonly publicKey: RsaPublicKeyView;
  /** The 297-byte body the signature covers, as hex (for a later signature check). */
  readonly bodyHex: string;
  readonly signatureHex: string;
  /** Bytes up to the end of the certificate (568 for `7F 21 82 02 33`). */
  readonly length: number;
}

/** Decodes `7F 21 { 5F 4E body, 5F 37 signature }` (docs/card-reference.md §7.5). */
export function decodeCvCertificate(bytes: Uint8Array, source = 'CV certificate'): CvCertificateView {
  const outer = outerTlv(bytes, source, 0x7f21);
  return decodeContent(children(outer, source), source, outer);
}

/**
 * Decodes the content of a CV certificate without its `7F21` wrapper, as GET DATA `00F8`
 * returns it (docs/card-reference.md §9.4).
 */
export function decodeCvCertificateContent(bytes: Uint8Array, source = 'CV certificate content'): CvCertificateView {
  const tlvs = parseTlvs(bytes, source);
  const last = tlvs[tlvs.length - 1];
  if (!last) throw new MalformedDataError(source, 0, 'empty CV certificate content');
  // A synthetic parent spanning the content, so a missing tag is reported at its end.
  const parent: Tlv = { tag: 0x7f21, constructed: true, value: bytes, offset: 0, valueOffset: 0, end: last.end, raw: bytes };
  return decodeContent(tlvs, source, parent);
}

function decodeContent(tlvs: readonly Tlv[], source: string, parent: Tlv): CvCertificateView {
  const body = requireTlv(tlvs, 0x5f4e, source, parent);
  const signature = requireTlv(tlvs, 0x5f37, source, parent);
  if (body.value.length < 32) throw new MalformedDataError(source, body.valueOffset, 'CV body shorter than its two key IDs');
  const keyTlvs = parseTlvs(body.value.subarray(32), source, { baseOffset: body.valueOffset + 32, stopAtFiller: false });
  const exponent = requireTlv(keyTlvs, 0x90, source, body);
  const modulus = requireTlv(keyTlvs, 0x91, source, body);
  return {
    issuerKeyId: decodeKeyId(body.value.subarray(0, 16), source, body.valueOffset),
    subjectKeyId: decodeKeyId(body.value.subarray(16, 32), source, body.valueOffset + 16),
    publicKey: rsaPublicKeyView(exponent.value, modulus.value, source, exponent.valueOffset),
    bodyHex: compactHex(body.value),
    signatureHex: compactHex(signature.value),
    length: parent.end - parent.offset,
  };
}

