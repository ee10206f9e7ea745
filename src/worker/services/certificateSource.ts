import { decodeCertificate, type CertificateView } from '../../cards/mynumber/jpki/certificate';
import type { JpkiApplet } from '../../cards/mynumber/jpki/JpkiApplet';
import { exposureOf } from '../../cards/mynumber/exposure';
import type { PinId } from '../../cards/mynumber/pin';
import { EngineFailure } from '../../protocol';
import type { ServiceRecordView } from '../../protocol';
import { readRow } from '../readRow';
import type { EngineSession } from '../session';
import { requestBase64 } from './base64';

/** A JPKI certificate as the services read it: the exact DER and its decoded view (docs/card-reference.md §6.4). */
export interface ReadCertificate {
  readonly der: Uint8Array;
  readonly view: CertificateView;
}

/** What a service records of a certificate (docs/card-reference.md §12): serial, issuer, subject, validity. */
export function serviceRecord(view: CertificateView): ServiceRecordView {
  return {
    serialNumberHex: view.serialNumberHex,
    serialNumberDecimal: view.serialNumberDecimal,
    issuer: view.issuer.text,
    subject: view.subject.text,
    notBefore: view.validity.notBefore,
    notAfter: view.validity.notAfter,
  };
}

/** The DER a row holds and its view, if the row was read and decodes as a certificate. */
export function rowCertificate(session: EngineSession, key: string): ReadCertificate | null {
  const base64 = session.row(key)?.content?.certificateDerBase64;
  if (!base64) return null;
  const der = requestBase64(base64);
  try {
    return { der, view: decodeCertificate(der, key) };
  } catch {
    return null;
  }
}

/**
 * Reads one certificate EF of the selected JPKI AP through `readRow`, so the exposure matrix
 * learns of it too (docs/card-reference.md §6.1, §13.3). Null when the EF is empty (`absent`); a file the
 * card refuses or cannot decode is `service/certificate-unreadable`.
 */
export async function readCertificateRow(session: EngineSession, jpki: JpkiApplet, fileId: number, readWith: PinId | 'none'): Promise<ReadCertificate | null> {
  const row = await readRow(session, jpki, exposureOf('jpki', fileId), readWith);
  if (row.status === 'absent') return null;
  const certificate = row.status === 'read' ? rowCertificate(session, row.key) : null;
  if (!certificate) throw new EngineFailure('service/certificate-unreadable', `${row.key} could not be read as a certificate`, { file: row.key });
  return certificate;
}
