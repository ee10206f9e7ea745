import { toHex, wipe } from '../../bytes';
import { buildDetachedSignature, parseDetachedSignature } from '../../cards/mynumber/jpki/cms';
import { JpkiApplet } from '../../cards/mynumber/jpki/JpkiApplet';
import { JPKI_FILES } from '../../cards/mynumber/identifiers';
import { validatePin } from '../../cards/mynumber/pin';
import { parseCertificate } from '../../cards/mynumber/trust/certificateCheck';
import { verifyWithSpki } from '../../cards/mynumber/trust/rsa';
import { toBase64 } from '../../bytes/base64';
import { certificateFields } from '../content/certificateFields';
import { EngineFailure } from '../../protocol';
import { presentPin } from '../pinFlow';
import type { DocumentSignatureView, EngineMethods, FieldView } from '../../protocol';
import type { EngineSession } from '../session';
import { requestBase64 } from './base64';
import { readCertificateRow, serviceRecord } from './certificateSource';

/** The largest document MynaLens signs: it is hashed in memory in the worker. */
const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** The signature certificate's subjectAltName facts (docs/card-reference.md §12), by the labels `certificateFields` gives them. */
const FACT_LABELS = new Set(['name', 'name (substitute characters)', 'date of birth', 'sex', 'address', 'address (substitute characters)']);

/**
 * `signDocument` — 署名 with the JPKI signature key (docs/card-reference.md §6.5, §12). In order: the
 * document is checked (`sign/empty-document`, `sign/too-large`) and the password's format
 * (before any APDU); EF 0008 says whether a signature certificate exists (`sign/no-certificate`
 * for an under-15 card, §12); the password is presented with every rule of `presentPin`; the
 * certificate EF 0001 is read; the card signs the CMS signed attributes; the result is checked
 * with WebCrypto before it is handed out. Returns the detached CMS and what travels with it.
 */
export async function signDocument(session: EngineSession, { contentBase64, pin, confirmLastTry }: EngineMethods['signDocument']['params']): Promise<DocumentSignatureView> {
  const content = requestBase64(contentBase64);
  if (content.length === 0) throw new EngineFailure('sign/empty-document', 'there is nothing to sign');
  if (content.length > MAX_DOCUMENT_BYTES) throw new EngineFailure('sign/too-large', `documents up to ${MAX_DOCUMENT_BYTES} bytes`, { maxMegabytes: MAX_DOCUMENT_BYTES / 1024 / 1024 });
  wipe(validatePin('jpkiSign', pin));
  const jpki = new JpkiApplet(session.channel());
  await jpki.select();
  if (!(await jpki.readCertificateFlags()).signCertificate) throw new EngineFailure('sign/no-certificate', 'this card holds no signature certificate');
  await presentPin(session, jpki, 'jpkiSign', pin, confirmLastTry);
  const certificate = await readCertificateRow(session, jpki, JPKI_FILES.signCertificate, 'jpkiSign');
  if (!certificate) throw new EngineFailure('sign/no-certificate', 'this card holds no signature certificate');
  const signed = await buildDetachedSignature(content, certificate.der, (digestInfo) => jpki.sign('sign', digestInfo), new Date());
  return {
    cmsBase64: toBase64(signed.cms),
    contentLength: content.length,
    contentSha256Hex: toHex(signed.contentDigest, ''),
    signingTime: signed.signingTime.toISOString(),
    selfCheck: await selfCheck(signed.cms, certificate.der),
    certificate: serviceRecord(certificate.view),
    certificateDerBase64: toBase64(certificate.der),
    facts: certificateFields(certificate.view).filter((f: FieldView) => FACT_LABELS.has(f.label)),
  };
}

/** The CMS signature over its signed attributes, verified with WebCrypto against the certificate (RFC 5652 §5.6). */
async function selfCheck(cms: Uint8Array, certificateDer: Uint8Array): Promise<boolean> {
  const parsed = parseDetachedSignature(cms);
  const certificate = parseCertificate(certificateDer);
  if (!certificate) return false;
  const spki = new Uint8Array(certificate.subjectPublicKeyInfo.toSchema().toBER(false));
  return verifyWithSpki(spki, 'SHA-256', parsed.signedAttributes, parsed.signature);
}
