import { makeChallenge, signChallenge, verifyChallengeSignature } from '../../cards/mynumber/jpki/challengeLogin';
import { JpkiApplet } from '../../cards/mynumber/jpki/JpkiApplet';
import { JPKI_FILES } from '../../cards/mynumber/identifiers';
import { toHex } from '../../bytes';
import { EngineFailure } from '../../protocol';
import { presentPin } from '../pinFlow';
import type { EngineMethods, NoPinReadView, ServiceLoginView } from '../../protocol';
import { toLogRow } from '../logRows';
import type { EngineSession } from '../session';
import { toBase64 } from '../../bytes/base64';
import { readCertificateRow, serviceRecord } from './certificateSource';

/**
 * `serviceLogin` — a login as a service sees it (利用者証明, docs/card-reference.md §6.5, §13.4). The
 * service makes a random challenge before any card traffic; the auth PIN is presented with every
 * rule of `presentPin`; the authentication certificate is read (free, §6.1); the card signs
 * DigestInfo(SHA-256(challenge)) with key 0017; the service verifies it with WebCrypto and keeps
 * its record: the certificate's serial, issuer and validity.
 */
export async function serviceLogin(session: EngineSession, { pin, confirmLastTry }: EngineMethods['serviceLogin']['params']): Promise<ServiceLoginView> {
  const challenge = makeChallenge();
  const jpki = new JpkiApplet(session.channel());
  await presentPin(session, jpki, 'jpkiAuth', pin, confirmLastTry);
  const certificate = await readCertificateRow(session, jpki, JPKI_FILES.authCertificate, 'none');
  if (!certificate) throw new EngineFailure('service/no-auth-certificate', 'the card holds no authentication certificate');
  const signature = await signChallenge(jpki, challenge);
  return {
    challengeHex: toHex(challenge, ''),
    signatureHex: toHex(signature, ''),
    signatureValid: await verifyChallengeSignature(certificate.der, challenge, signature),
    record: serviceRecord(certificate.view),
    at: new Date().toISOString(),
  };
}

/**
 * `readAuthCertificate` — what anyone who touches the card to a reader gets (docs/card-reference.md
 * §6.1, §13.3): SELECT of the JPKI AP (which also clears any PIN verified earlier, §5), SELECT of
 * EF 000A and the READ BINARYs, with no VERIFY at all. Returns exactly those APDUs from the log.
 */
export async function readAuthCertificate(session: EngineSession): Promise<NoPinReadView> {
  const from = session.log.length;
  const jpki = new JpkiApplet(session.channel());
  await jpki.select();
  const certificate = await readCertificateRow(session, jpki, JPKI_FILES.authCertificate, 'none');
  if (!certificate) throw new EngineFailure('service/no-auth-certificate', 'the card holds no authentication certificate');
  return {
    // JPKI AP only (§6.1): none of these bytes carries the My Number, so no spans to mark.
    apdus: session.log.slice(from).map((entry) => toLogRow(entry)),
    record: serviceRecord(certificate.view),
    certificateDerBase64: toBase64(certificate.der),
  };
}
