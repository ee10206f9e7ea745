import { bytesEqual } from '../../bytes';
import { JpkiApplet } from '../../cards/mynumber/jpki/JpkiApplet';
import { JPKI_FILES } from '../../cards/mynumber/identifiers';
import { checkCertificate, parseCertificate } from '../../cards/mynumber/trust/certificateCheck';
import type { CertificateCheckView, EngineMethods } from '../../protocol';
import type { EngineSession } from '../session';
import { readCertificateRow, rowCertificate, serviceRecord, type ReadCertificate } from './certificateSource';
import { anchorsFor } from './trustStores';

/**
 * `checkCertificates` (docs/card-reference.md §6.1, §12): the authentication certificate (free) and,
 * when the signature password opened it in this session, the signature certificate — each
 * against the bundled CAs (J-LIS, or the simulator's test CAs for simulator-issued
 * certificates) and against the CA certificate stored on the same card (EF 000B / 0002), which
 * proves only that the card is self-consistent. Validity is judged at `now`. Revocation cannot
 * be checked offline; the UI says so.
 */
export async function checkCertificates(session: EngineSession, now = new Date()): Promise<EngineMethods['checkCertificates']['result']> {
  const jpki = new JpkiApplet(session.channel());
  await jpki.select();
  const auth = await readCertificateRow(session, jpki, JPKI_FILES.authCertificate, 'none');
  const authCa = await readCertificateRow(session, jpki, JPKI_FILES.authCaCertificate, 'none');
  const signCa = await readCertificateRow(session, jpki, JPKI_FILES.signCaCertificate, 'none');
  const hasSign = (await jpki.readCertificateFlags()).signCertificate;
  const sign = rowCertificate(session, 'jpki/0001');
  const certificates: CertificateCheckView[] = [
    auth ? await checkOne('auth', auth, authCa, now) : { which: 'auth', state: 'absent' },
    !hasSign ? { which: 'sign', state: 'absent' } : sign ? await checkOne('sign', sign, signCa, now) : { which: 'sign', state: 'needs-pin' },
  ];
  return { checkedAt: now.toISOString(), certificates };
}

async function checkOne(which: 'auth' | 'sign', certificate: ReadCertificate, cardCa: ReadCertificate | null, now: Date): Promise<CertificateCheckView> {
  const { kind, anchors } = await anchorsFor(which, certificate.view);
  const bundled = await checkCertificate(certificate.der, anchors, now);
  const onCard = cardCa ? await checkCertificate(certificate.der, [{ id: 'card', label: 'the CA certificate on the card', der: cardCa.der }], now) : null;
  return {
    which,
    state: 'checked',
    record: serviceRecord(certificate.view),
    validity: bundled.validity,
    trustStore: kind,
    bundled: {
      status: bundled.status,
      anchorLabel: bundled.anchor?.label ?? null,
      anchorNotAfter: bundled.anchor?.notAfter ?? null,
      anchorValidity: bundled.anchor?.validity ?? null,
    },
    onCard: {
      status: onCard ? onCard.status : 'absent',
      caSerialHex: cardCa && parseCertificate(cardCa.der) ? cardCa.view.serialNumberHex : null,
      caIsBundled: cardCa !== null && anchors.some((a) => bytesEqual(a.der, cardCa.der)),
    },
  };
}
