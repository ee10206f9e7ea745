/** What a service sees, as it crosses the worker boundary (house rule 9: plain data only; docs/card-reference.md §12). */

import type { ApduLogRow } from './apduLog';
import type { FieldView } from './exposure';
import type { PinKey } from './pins';

/**
 * What a service stores about you when you log in with the JPKI authentication certificate
 * (docs/card-reference.md §12): the certificate's serial number — the same at every service until the
 * certificate is renewed, so services can link your logins — its issuer and validity.
 */
export interface ServiceRecordView {
  readonly serialNumberHex: string;
  readonly serialNumberDecimal: string;
  readonly issuer: string;
  readonly subject: string;
  /** ISO 8601 (UTC). */
  readonly notBefore: string;
  readonly notAfter: string;
}

/** One login as a service sees it (利用者証明, docs/card-reference.md §6.5, §13.4). */
export interface ServiceLoginView {
  /** The service's random challenge, hex. */
  readonly challengeHex: string;
  /** The card's RSA-2048 signature over it, hex. */
  readonly signatureHex: string;
  /** RSASSA-PKCS1-v1_5 / SHA-256 verification with WebCrypto against the authentication certificate. */
  readonly signatureValid: boolean;
  readonly record: ServiceRecordView;
  /** ISO 8601 instant of the login. */
  readonly at: string;
}

/** The authentication certificate read with no PIN (docs/card-reference.md §6.1, §13.3), with the exact APDUs. */
export interface NoPinReadView {
  readonly apdus: readonly ApduLogRow[];
  readonly record: ServiceRecordView;
  readonly certificateDerBase64: string;
}

/** A detached CMS signature made with the JPKI signature key (署名, docs/card-reference.md §6.5; RFC 5652). */
export interface DocumentSignatureView {
  /** DER ContentInfo (signedData, detached), base64. */
  readonly cmsBase64: string;
  readonly contentLength: number;
  readonly contentSha256Hex: string;
  /** ISO 8601, the signingTime attribute. */
  readonly signingTime: string;
  /** The signature verified with WebCrypto against the certificate before it was handed out. */
  readonly selfCheck: boolean;
  readonly certificate: ServiceRecordView;
  readonly certificateDerBase64: string;
  /** What travels with every signature: the four basic facts (and 代替文字 variants) in the certificate (§12). */
  readonly facts: readonly FieldView[];
}

/** Which anchors a check used: the bundled J-LIS CAs, or the simulator's test CAs. */
export type TrustStoreKind = 'jlis' | 'simulator';

/** A certificate against a set of CA certificates (one link, docs/card-reference.md §12). */
export type ChainStatusView = 'verified' | 'issuer-not-bundled' | 'signature-mismatch' | 'unsupported-algorithm' | 'malformed';

/** RFC 5280 §4.1.2.5 validity now. */
export type ValidityView = 'valid' | 'expired' | 'not-yet-valid';

/** One JPKI certificate checked (docs/card-reference.md §6.1, §12). */
export interface CertificateCheckView {
  readonly which: 'auth' | 'sign';
  /** `needs-pin`: the signature certificate is read only after the signature password. */
  readonly state: 'checked' | 'needs-pin' | 'absent';
  readonly record?: ServiceRecordView;
  readonly validity?: ValidityView;
  readonly trustStore?: TrustStoreKind;
  /** Against the CAs bundled with MynaLens (J-LIS, or the simulator's test CAs). */
  readonly bundled?: {
    readonly status: ChainStatusView;
    readonly anchorLabel: string | null;
    readonly anchorNotAfter: string | null;
    readonly anchorValidity: ValidityView | null;
  };
  /** Against the CA certificate stored on the same card (EF 000B / 0002): proves self-consistency only. */
  readonly onCard?: {
    readonly status: ChainStatusView | 'absent';
    readonly caSerialHex: string | null;
    /** The card's CA certificate is byte for byte one of the bundled ones. */
    readonly caIsBundled: boolean;
  };
}

/** An authenticity check of the 券面 AP data (docs/card-reference.md §7.4, §8.2). */
export interface CardDataCheckView {
  readonly which: 'textIntegrity' | 'cardFace';
  readonly state: 'checked' | 'needs-pin';
  /** The PINs that open the files this check needs, when some are not read yet. */
  readonly needs?: readonly PinKey[];
  readonly status?: 'verified' | 'self-consistent' | 'failed';
  readonly steps?: readonly {
    readonly id: 'myNumberDigest' | 'basicFourDigest' | 'recordSignature' | 'faceSignature' | 'cvCertificate';
    readonly outcome: 'pass' | 'fail' | 'not-possible';
  }[];
  readonly signerKeyId?: string;
  readonly issuerKeyId?: string;
  /** Whose issuer key checked the CV certificate: the simulator's, or none available (J-LIS does not publish it). */
  readonly issuerKey?: 'simulator' | 'unavailable';
}
