import { copyBytes } from '../../../bytes';
import { parseCertificate } from '../trust/certificateCheck';
import { sha256, verifyWithSpki } from '../trust/rsa';
import { sha256DigestInfo } from './digestInfo';
import type { JpkiApplet } from './JpkiApplet';

/** Bytes of a service's login challenge: 32 random bytes, as much entropy as the SHA-256 it is hashed into. */
export const CHALLENGE_BYTES = 32;

/** A service's fresh random challenge (the relying party's nonce of a JPKI login). */
export function makeChallenge(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(CHALLENGE_BYTES));
}

/**
 * The card's answer to a login challenge (docs/card-reference.md §6.5, §13.4): the authentication key
 * signs DigestInfo(SHA-256(challenge)) with `80 2A 00 80`, the card adding PKCS#1 v1.5 type-1
 * padding — an ordinary sha256WithRSAEncryption signature of the challenge. The auth PIN must
 * already be verified in this DF session.
 */
export async function signChallenge(jpki: JpkiApplet, challenge: Uint8Array): Promise<Uint8Array> {
  return jpki.sign('auth', sha256DigestInfo(await sha256(challenge)));
}

/**
 * What the service does with the answer: RSASSA-PKCS1-v1_5 / SHA-256 verification of the
 * challenge with WebCrypto against the public key of the authentication certificate (RFC 8017
 * §8.2.2). False for a certificate that does not parse or a signature that does not match.
 */
export async function verifyChallengeSignature(certificateDer: Uint8Array, challenge: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const certificate = parseCertificate(certificateDer);
  if (!certificate) return false;
  const spki = new Uint8Array(certificate.subjectPublicKeyInfo.toSchema().toBER(false));
  return verifyWithSpki(spki, 'SHA-256', copyBytes(challenge), signature);
}
