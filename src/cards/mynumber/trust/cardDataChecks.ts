import { bytesEqual, concatBytes, fromHex } from '../../../bytes';
import { decodeCvCertificate } from '../shared/cvCertificate';
import { children, outerTlv, requireTlv } from '../shared/fields';
import { decodeIntegrityRecord } from '../text/integrity';
import { sha256, verifyPkcs1DigestInfo, verifySha256WithCardKey, type RsaPublicKey } from './rsa';

/** A CV-certificate issuer whose public key is known (the simulator's; docs/card-reference.md §7.5). */
export interface CvIssuerKey {
  /** `9000033/001`. */
  readonly keyId: string;
  readonly key: RsaPublicKey;
}

/** One step of a card-data check and its outcome. */
export interface CardDataStep {
  readonly id: 'myNumberDigest' | 'basicFourDigest' | 'faceSignature' | 'recordSignature' | 'cvCertificate';
  /** `not-possible`: the issuer's public key is not available to MynaLens. */
  readonly outcome: 'pass' | 'fail' | 'not-possible';
}

/**
 * The outcome of a card-data authenticity check (docs/card-reference.md §7.4, §8.2): `verified` when
 * every step passed up to the CV issuer's key; `self-consistent` when the data matches the key
 * certified on the card but that certificate's issuer key is not available (a real card: J-LIS
 * does not publish it, §7.5 "the CA public keys are not on the card"); `failed` when a step failed.
 */
export interface CardDataCheck {
  readonly status: 'verified' | 'self-consistent' | 'failed';
  readonly steps: readonly CardDataStep[];
  /** The data signer's key ID from the AP's EF 0004 (subject), and its issuer's. */
  readonly signerKeyId: string;
  readonly issuerKeyId: string;
}

const FACE_DIGEST_INFO_PREFIX = Uint8Array.of(0x30, 0x71, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x60);

/** The CV certificate's own signature, checked with its issuer's key when that key is known (§7.5). */
async function cvStep(cvBytes: Uint8Array, issuers: readonly CvIssuerKey[], source: string) {
  const cv = decodeCvCertificate(cvBytes, source);
  const issuerKeyId = cv.issuerKeyId.label ?? cv.issuerKeyId.hex;
  const issuer = issuers.find((i) => i.keyId === issuerKeyId);
  const outcome: CardDataStep['outcome'] = issuer
    ? (await verifySha256WithCardKey(issuer.key, fromHex(cv.bodyHex), fromHex(cv.signatureHex)))
      ? 'pass'
      : 'fail'
    : 'not-possible';
  return {
    cv,
    step: { id: 'cvCertificate', outcome } as const,
    signerKeyId: cv.subjectKeyId.label ?? cv.subjectKeyId.hex,
    issuerKeyId,
  };
}

function conclude(steps: readonly CardDataStep[]): CardDataCheck['status'] {
  if (steps.some((s) => s.outcome === 'fail')) return 'failed';
  return steps.some((s) => s.outcome === 'not-possible') ? 'self-consistent' : 'verified';
}

/**
 * Text AP integrity record (docs/card-reference.md §7.4): DF31 = SHA-256 of the whole 17-byte EF 0001,
 * DF32 = SHA-256 of EF 0002's value after the DF21 table, DF33 = sha256WithRSA over the DF31 and
 * DF32 TLVs by the key certified in EF 0004, whose certificate is checked with its issuer's key.
 */
export async function checkTextIntegrity(
  files: { readonly myNumber: Uint8Array; readonly basicFour: Uint8Array; readonly integrity: Uint8Array; readonly cvCertificate: Uint8Array },
  issuers: readonly CvIssuerKey[],
): Promise<CardDataCheck> {
  const record = decodeIntegrityRecord(files.integrity);
  const outer = outerTlv(files.basicFour, 'text AP EF 0002', 0xff20);
  const table = requireTlv(children(outer, 'text AP EF 0002'), 0xdf21, 'text AP EF 0002', outer);
  const afterTable = files.basicFour.subarray(table.end, outer.end);
  const cv = await cvStep(files.cvCertificate, issuers, 'text AP EF 0004');
  const steps: CardDataStep[] = [
    { id: 'myNumberDigest', outcome: bytesEqual(await sha256(files.myNumber), fromHex(record.myNumberDigestHex)) ? 'pass' : 'fail' },
    { id: 'basicFourDigest', outcome: bytesEqual(await sha256(afterTable), fromHex(record.basicFourDigestHex)) ? 'pass' : 'fail' },
    {
      id: 'recordSignature',
      outcome: (await verifySha256WithCardKey(cv.cv.publicKey, fromHex(record.signedHex), fromHex(record.signatureHex))) ? 'pass' : 'fail',
    },
    cv.step,
  ];
  return { status: conclude(steps), steps, signerKeyId: cv.signerKeyId, issuerKeyId: cv.issuerKeyId };
}

/**
 * Visual AP card face (docs/card-reference.md §8.2): DF28 is PKCS#1 v1.5 over one DigestInfo holding
 * SHA-256(DF22‖DF23‖DF24) ‖ SHA-256(DF25‖DF26) ‖ SHA-256(DF27) — 96 bytes — by the key certified
 * in EF 0004. The expiry (DF29) and security code (DF2A) follow the signature and are not covered.
 */
export async function checkCardFace(
  files: { readonly cardFace: Uint8Array; readonly cvCertificate: Uint8Array },
  issuers: readonly CvIssuerKey[],
): Promise<CardDataCheck> {
  const source = 'visual AP EF 0002';
  const outer = outerTlv(files.cardFace, source, 0xff20);
  const tlvs = children(outer, source);
  const raw = (...tags: number[]) => concatBytes(...tags.map((tag) => requireTlv(tlvs, tag, source, outer).raw));
  const digestInfo = concatBytes(
    FACE_DIGEST_INFO_PREFIX,
    await sha256(raw(0xdf22, 0xdf23, 0xdf24)),
    await sha256(raw(0xdf25, 0xdf26)),
    await sha256(raw(0xdf27)),
  );
  const cv = await cvStep(files.cvCertificate, issuers, 'visual AP EF 0004');
  const signature = requireTlv(tlvs, 0xdf28, source, outer).value;
  const steps: CardDataStep[] = [
    { id: 'faceSignature', outcome: verifyPkcs1DigestInfo(cv.cv.publicKey, digestInfo, signature) ? 'pass' : 'fail' },
    cv.step,
  ];
  return { status: conclude(steps), steps, signerKeyId: cv.signerKeyId, issuerKeyId: cv.issuerKeyId };
}
