import type * as Pkijs from 'pkijs';
import { pkijs } from '../pkijsModule';
import { ByteReader, MalformedDataError } from '../../../bytes';
import { readTlv } from '../../../apdu';
import { parseBer } from '../shared/ber';
import { compactHex } from '../shared/fields';
import { bitLength, rsaPublicKeyView, stripLeadingZeros } from '../shared/rsaPublicKey';
import { decodeExtensions, type ExtensionsView } from './certificateExtensions';
import { distinguishedName, type DistinguishedNameView } from './distinguishedName';

/** Names for the algorithm OIDs JPKI certificates use (docs/card-reference.md §6.4, §12). */
const ALGORITHMS: ReadonlyMap<string, string> = new Map([
  ['1.2.840.113549.1.1.1', 'rsaEncryption'],
  ['1.2.840.113549.1.1.5', 'sha1WithRSAEncryption'],
  ['1.2.840.113549.1.1.11', 'sha256WithRSAEncryption'],
  ['1.2.840.113549.1.1.12', 'sha384WithRSAEncryption'],
  ['1.2.840.113549.1.1.13', 'sha512WithRSAEncryption'],
]);

/** The subject public key (RFC 5280 §4.1.2.7); RSA fields are null for another algorithm. */
export interface CertificatePublicKeyView {
  readonly algorithmOid: string;
  readonly algorithm: string;
  readonly bits: number | null;
  readonly modulusHex: string | null;
  readonly exponent: number | null;
}

/** An X.509 certificate as MynaLens shows it (RFC 5280 §4.1; docs/card-reference.md §6.4, §12). */
export interface CertificateView {
  /** Bytes of the DER encoding (the `LL LL + 4` of §6.4). */
  readonly derLength: number;
  /** 1 for v1 … 3 for v3. */
  readonly version: number;
  readonly serialNumberHex: string;
  readonly serialNumberDecimal: string;
  readonly signatureAlgorithm: { readonly oid: string; readonly name: string };
  readonly issuer: DistinguishedNameView;
  readonly subject: DistinguishedNameView;
  /** ISO 8601 instants (UTC). */
  readonly validity: { readonly notBefore: string; readonly notAfter: string };
  readonly publicKey: CertificatePublicKeyView;
  readonly extensions: ExtensionsView;
}

/**
 * Decodes one DER certificate — exactly the certificate's bytes, without the EF's `00` filler
 * (docs/card-reference.md §6.4). Throws `MalformedDataError` naming `source` and the offset of the
 * first bad byte where the encoding itself is broken.
 */
export function decodeCertificate(der: Uint8Array, source = 'certificate'): CertificateView {
  // The outer TLV first, with our bounds-checked reader, so truncation names an exact offset.
  const reader = new ByteReader(der, source);
  const outer = readTlv(reader);
  if (outer.tag !== 0x30) throw new MalformedDataError(source, 0, 'a certificate starts with a SEQUENCE (30)');
  if (!reader.atEnd) throw new MalformedDataError(source, outer.end, `${der.length - outer.end} bytes after the certificate`);
  const asn1 = parseBer(der, source);
  let certificate: Pkijs.Certificate;
  try {
    certificate = new pkijs.Certificate({ schema: asn1 });
  } catch (error) {
    throw new MalformedDataError(source, 0, `not an X.509 certificate (${error instanceof Error ? error.message : String(error)})`);
  }
  const serial = stripLeadingZeros(certificate.serialNumber.valueBlock.valueHexView);
  const signatureOid = certificate.signatureAlgorithm.algorithmId;
  return {
    derLength: der.length,
    version: certificate.version + 1,
    serialNumberHex: compactHex(certificate.serialNumber.valueBlock.valueHexView),
    serialNumberDecimal: BigInt('0x' + (compactHex(serial) || '0')).toString(10),
    signatureAlgorithm: { oid: signatureOid, name: ALGORITHMS.get(signatureOid) ?? signatureOid },
    issuer: distinguishedName(certificate.issuer),
    subject: distinguishedName(certificate.subject),
    validity: { notBefore: certificate.notBefore.value.toISOString(), notAfter: certificate.notAfter.value.toISOString() },
    publicKey: publicKey(certificate.subjectPublicKeyInfo, source),
    extensions: decodeExtensions(certificate.extensions ?? [], source, (part) => indexOf(der, part)),
  };
}

function publicKey(info: Pkijs.PublicKeyInfo, source: string): CertificatePublicKeyView {
  const oid = info.algorithm.algorithmId;
  const algorithm = ALGORITHMS.get(oid) ?? oid;
  const parsed = info.parsedKey;
  if (!(parsed instanceof pkijs.RSAPublicKey)) {
    if (oid === '1.2.840.113549.1.1.1') throw new MalformedDataError(source, 0, 'RSA public key does not parse');
    return { algorithmOid: oid, algorithm, bits: null, modulusHex: null, exponent: null };
  }
  const modulus = parsed.modulus.valueBlock.valueHexView;
  const view = rsaPublicKeyView(parsed.publicExponent.valueBlock.valueHexView, modulus, source, 0);
  return { algorithmOid: oid, algorithm, bits: bitLength(modulus), modulusHex: view.modulusHex, exponent: view.exponent };
}

/** Where `part` first occurs in `whole`, or 0 (the certificate's start) if it does not. */
function indexOf(whole: Uint8Array, part: Uint8Array): number {
  outer: for (let i = 0; i + part.length <= whole.length; i++) {
    for (let j = 0; j < part.length; j++) if (whole[i + j] !== part[j]) continue outer;
    return i;
  }
  return 0;
}
