import type * as Pkijs from 'pkijs';
import { asn1js, pkijs } from '../pkijsModule';
import { bytesEqual, copyBytes } from '../../../bytes';
import { verifyWithSpki } from './rsa';

/** A CA certificate a check may end at: a bundled J-LIS CA, a simulator test CA, or the CA stored on the card. */
export interface TrustAnchor {
  /** Stable id, e.g. `jlis-auth-2023`, `simulator-auth`, `card-000B`. */
  readonly id: string;
  /** How a check's reason (a developer message) names it, e.g. `J-LIS user-authentication CA (2023)`; the page names it from its catalogs by `id`. */
  readonly label: string;
  readonly der: Uint8Array;
}

/** Where a certificate stands against a set of anchors (RFC 5280 §6.1 reduced to one link, docs/card-reference.md §12). */
export type ChainStatus =
  /** An anchor's key verifies the certificate's signature. */
  | 'verified'
  /** No anchor with the issuer's name and key is in the set — e.g. a CA generation we do not bundle. Not a sign of forgery. */
  | 'issuer-not-bundled'
  /** The anchor the certificate names (same name and key identifier) does not verify the signature: the bytes were changed. */
  | 'signature-mismatch'
  /** A signature algorithm other than sha256/384/512WithRSAEncryption. */
  | 'unsupported-algorithm'
  /** The bytes are not an X.509 certificate. */
  | 'malformed';

/** RFC 5280 §4.1.2.5 against a given instant. */
export type ValidityStatus = 'valid' | 'expired' | 'not-yet-valid';

/** The outcome of checking one certificate against a set of anchors. */
export interface CertificateCheck {
  readonly status: ChainStatus;
  /** The anchor that verified it (status `verified`), or the one it names (status `signature-mismatch`). */
  readonly anchor: { readonly id: string; readonly label: string; readonly notBefore: string; readonly notAfter: string; readonly validity: ValidityStatus } | null;
  readonly validity: ValidityStatus;
  /** ISO 8601 (UTC). */
  readonly notBefore: string;
  readonly notAfter: string;
  /** One English sentence saying why, for logs and tests; the UI words it from `status`. */
  readonly reason: string;
}

const HASHES: Readonly<Record<string, 'SHA-256' | 'SHA-384' | 'SHA-512'>> = {
  '1.2.840.113549.1.1.11': 'SHA-256',
  '1.2.840.113549.1.1.12': 'SHA-384',
  '1.2.840.113549.1.1.13': 'SHA-512',
};

const SUBJECT_KEY_IDENTIFIER = '2.5.29.14';
const AUTHORITY_KEY_IDENTIFIER = '2.5.29.35';

/** Parses DER into a pkijs certificate, or null when it is not one. */
export function parseCertificate(der: Uint8Array): Pkijs.Certificate | null {
  const asn1 = asn1js.fromBER(copyBytes(der));
  if (asn1.offset === -1) return null;
  try {
    return new pkijs.Certificate({ schema: asn1.result });
  } catch {
    return null;
  }
}

/** Validity of a certificate at `now` (RFC 5280 §4.1.2.5). */
function validityAt(certificate: Pkijs.Certificate, now: Date): ValidityStatus {
  if (now.getTime() < certificate.notBefore.value.getTime()) return 'not-yet-valid';
  if (now.getTime() > certificate.notAfter.value.getTime()) return 'expired';
  return 'valid';
}

function extensionOctets(certificate: Pkijs.Certificate, oid: string): Uint8Array | null {
  const extension = certificate.extensions?.find((e) => e.extnID === oid);
  if (!extension) return null;
  const parsed = extension.parsedValue as unknown;
  if (parsed instanceof pkijs.AuthorityKeyIdentifier) return parsed.keyIdentifier?.valueBlock.valueHexView ?? null;
  if (parsed instanceof asn1js.OctetString) return parsed.valueBlock.valueHexView;
  return null;
}

/**
 * Checks one certificate's signature against every anchor with the issuer's name (RFC 5280
 * §6.1.3 (a)(1), one link). JPKI CAs keep one name across generations (docs/card-reference.md §12:
 * "same DN across generations — pick by signature"), so a failed signature only means forgery
 * when the certificate's authority key identifier names a given anchor's key; otherwise the
 * issuer is simply not bundled. Validity is reported for the certificate and the anchor at `now`.
 */
export async function checkCertificate(der: Uint8Array, anchors: readonly TrustAnchor[], now: Date): Promise<CertificateCheck> {
  const certificate = parseCertificate(der);
  if (!certificate) {
    return { status: 'malformed', anchor: null, validity: 'valid', notBefore: '', notAfter: '', reason: 'not an X.509 certificate' };
  }
  const base = {
    validity: validityAt(certificate, now),
    notBefore: certificate.notBefore.value.toISOString(),
    notAfter: certificate.notAfter.value.toISOString(),
  };
  const hash = HASHES[certificate.signatureAlgorithm.algorithmId];
  if (!hash) {
    return { ...base, status: 'unsupported-algorithm', anchor: null, reason: `signature algorithm ${certificate.signatureAlgorithm.algorithmId} is not checked` };
  }
  // The key the certificate says signed it: its authority key identifier, or for a self-issued
  // CA certificate without one, its own subject key identifier (RFC 5280 §4.2.1.1, §4.2.1.2).
  const selfIssued = certificate.issuer.isEqual(certificate.subject);
  const authorityKeyId =
    extensionOctets(certificate, AUTHORITY_KEY_IDENTIFIER) ?? (selfIssued ? extensionOctets(certificate, SUBJECT_KEY_IDENTIFIER) : null);
  let named: { anchor: TrustAnchor; ca: Pkijs.Certificate } | null = null;
  for (const anchor of anchors) {
    const ca = parseCertificate(anchor.der);
    if (!ca || !certificate.issuer.isEqual(ca.subject)) continue;
    const spki = new Uint8Array(ca.subjectPublicKeyInfo.toSchema().toBER(false));
    const signature = certificate.signatureValue.valueBlock.valueHexView;
    if (await verifyWithSpki(spki, hash, certificate.tbsView, signature)) {
      return { ...base, status: 'verified', anchor: anchorView(anchor, ca, now), reason: `signed by ${anchor.label}` };
    }
    const subjectKeyId = extensionOctets(ca, SUBJECT_KEY_IDENTIFIER);
    if (authorityKeyId && subjectKeyId && bytesEqual(authorityKeyId, subjectKeyId)) named = { anchor, ca };
  }
  if (named) {
    return {
      ...base,
      status: 'signature-mismatch',
      anchor: anchorView(named.anchor, named.ca, now),
      reason: `the signature does not match the key of ${named.anchor.label}, which the certificate names as its issuer`,
    };
  }
  return { ...base, status: 'issuer-not-bundled', anchor: null, reason: 'none of the given CA certificates issued this certificate' };
}

function anchorView(anchor: TrustAnchor, ca: Pkijs.Certificate, now: Date): NonNullable<CertificateCheck['anchor']> {
  return {
    id: anchor.id,
    label: anchor.label,
    notBefore: ca.notBefore.value.toISOString(),
    notAfter: ca.notAfter.value.toISOString(),
    validity: validityAt(ca, now),
  };
}
