import type { TrustAnchor } from '../../cards/mynumber/trust/certificateCheck';
import type { CvIssuerKey } from '../../cards/mynumber/trust/cardDataChecks';
import type { CertificateView } from '../../cards/mynumber/jpki/certificate';
import type { TrustStoreKind } from '../../protocol';

/** The organisation name of the simulator's CAs (README: `O=JPKI-SIMULATOR`, docs/card-reference.md §14). */
const SIMULATOR_ORGANISATION = 'JPKI-SIMULATOR';

/** Key IDs of the simulator's CV hierarchy start with `9000` (docs/card-reference.md §14: never `5000xxx`). */
const SIMULATOR_CV_PREFIX = '9000';

/**
 * The anchors a JPKI certificate is checked against (docs/card-reference.md §12): the bundled J-LIS
 * CAs, or — for a certificate a simulator CA names as issuer — the simulator's own test CAs,
 * so a simulated card is never checked against J-LIS and J-LIS never vouches for test
 * material. Both load lazily (dynamic import), out of the first chunk.
 */
export async function anchorsFor(which: 'auth' | 'sign', certificate: CertificateView): Promise<{ kind: TrustStoreKind; anchors: readonly TrustAnchor[] }> {
  const simulated = certificate.issuer.rdns.some((r) => r.type === 'O' && r.value === SIMULATOR_ORGANISATION);
  if (simulated) {
    const { simulatorTrust } = await import('../../simulator');
    const der = which === 'auth' ? simulatorTrust.authCa : simulatorTrust.signCa;
    const label = which === 'auth' ? 'MynaLens simulator user-authentication test CA' : 'MynaLens simulator digital-signature test CA';
    return { kind: 'simulator', anchors: [{ id: `simulator-${which}`, label, der }] };
  }
  const { JLIS_ANCHORS } = await import('../../cards/mynumber/trust/jlisAnchors');
  return { kind: 'jlis', anchors: JLIS_ANCHORS[which] };
}

/**
 * The CV issuer keys available for the given issuer key IDs (docs/card-reference.md §7.5): the
 * simulator's, for its `9000xxx` IDs. J-LIS does not publish its CV issuer keys, so a real
 * card's CV certificate cannot be checked against an issuer (§7.5: "the CA public keys are not
 * on the card").
 */
export async function cvIssuerKeys(issuerKeyIds: readonly string[]): Promise<readonly CvIssuerKey[]> {
  if (!issuerKeyIds.some((id) => id.startsWith(SIMULATOR_CV_PREFIX))) return [];
  const { simulatorTrust } = await import('../../simulator');
  return simulatorTrust.cvIssuers.map((k) => ({ keyId: k.keyId, key: { modulusHex: k.modulusHex, exponent: k.exponent } }));
}
