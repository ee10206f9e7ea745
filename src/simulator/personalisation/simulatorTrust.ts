import { toHex } from '../../bytes';
import { fromBase64, fromBase64Url } from '../../bytes/base64';
import type { SimulatorCvIssuer } from './GeneratedCard';
import { cvIssuers, jpkiAuthCaCertificate, jpkiSignCaCertificate } from './generated/simulatorCa';

/** A simulator CV issuer's public key as plain data: key ID label, modulus hex, exponent (docs/card-reference.md §7.5). */
export interface SimulatorCvIssuerKey {
  readonly keyId: string;
  readonly modulusHex: string;
  readonly exponent: number;
}

/**
 * The simulator's public test trust material — what a self-check of a simulated card checks
 * against, in place of J-LIS (docs/card-reference.md §14: certificates chain to a simulator CA, never to
 * J-LIS roots; CV certificates with simulator key IDs). Test material only.
 */
export interface SimulatorTrust {
  /** DER of the JPKI user-authentication test CA (`O=JPKI-SIMULATOR`), issuer of EF 000A. */
  readonly authCa: Uint8Array;
  /** DER of the JPKI digital-signature test CA, issuer of EF 0001. */
  readonly signCa: Uint8Array;
  /** Roots of the text, visual and MF CV chains. */
  readonly cvIssuers: readonly SimulatorCvIssuerKey[];
}

function issuerKey(issuer: SimulatorCvIssuer): SimulatorCvIssuerKey {
  const exponent = fromBase64Url(issuer.publicKey.e).reduce((value, byte) => value * 256 + byte, 0);
  return { keyId: issuer.label, modulusHex: toHex(fromBase64Url(issuer.publicKey.n), ''), exponent };
}

/** The simulator's test CAs and CV issuer keys (public halves only). */
export const simulatorTrust: SimulatorTrust = {
  authCa: fromBase64(jpkiAuthCaCertificate),
  signCa: fromBase64(jpkiSignCaCertificate),
  cvIssuers: Object.values(cvIssuers).map(issuerKey),
};
