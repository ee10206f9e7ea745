import type { ExposureRowView } from '../../protocol';

/** A fact anyone with a reader learns, in the order the summary states them (docs/peers.md §5.1). */
export type SummaryFact =
  | 'authCertificate'
  | 'birthMonthDay'
  | 'municipality'
  | 'cardSerial'
  | 'cardExpiry'
  | 'signatureCertificateExists'
  | 'signatureCertificateNotIssued'
  | 'name'
  | 'address'
  | 'birthDate'
  | 'sex'
  | 'myNumber'
  | 'photo'
  | 'securityCode';

export const FACT_ORDER: readonly SummaryFact[] = [
  'authCertificate', 'birthMonthDay', 'municipality', 'cardSerial', 'cardExpiry', 'signatureCertificateExists', 'signatureCertificateNotIssued',
  'name', 'address', 'birthDate', 'sex', 'myNumber', 'photo', 'securityCode',
];

/** What the no-PIN column gives away, and the certificate serial a service would record. */
export interface NoPinSummary {
  readonly facts: readonly SummaryFact[];
  /** The authentication certificate's serial (the field marked `linkable`), when read. */
  readonly serial: string | null;
  readonly rowsRead: number;
}

/** The rows read with no PIN; these are what anyone who touches the card to a reader learns. */
export function readWithoutPin(rows: readonly ExposureRowView[]): readonly ExposureRowView[] {
  return rows.filter((r) => r.status === 'read' && r.readWith === 'none');
}

/** Summarises the no-PIN column from each row's `reveals` (docs/card-reference.md §6.1, §9.4, §12). */
export function noPinSummary(rows: readonly ExposureRowView[]): NoPinSummary {
  return summariseRead(readWithoutPin(rows), rows);
}

/** The facts a row gives away (its `reveals`, plus what the summary infers from two JPKI files). */
export function factsOfRow(row: ExposureRowView): SummaryFact[] {
  const facts = row.reveals.filter((fact): fact is SummaryFact => (FACT_ORDER as readonly string[]).includes(fact));
  if (row.applet === 'jpki' && row.fileId === '000A') facts.unshift('authCertificate');
  // Certificate flags byte 0 = 8F only when a signature certificate was issued (§12 under-15).
  if (row.applet === 'jpki' && row.fileId === '0008' && row.content?.rawHex.toUpperCase().startsWith('8F')) facts.push('signatureCertificateExists');
  return facts;
}

/**
 * The facts that rows already read give away, with the authentication certificate's serial.
 * `rows` is every row of the card, for the not-issued state the engine settled with no PIN.
 */
function summariseRead(read: readonly ExposureRowView[], rows: readonly ExposureRowView[] = read): NoPinSummary {
  const facts = new Set<SummaryFact>();
  let serial: string | null = null;
  for (const row of read) {
    for (const fact of factsOfRow(row)) facts.add(fact);
    if (row.applet === 'jpki' && row.fileId === '000A') serial = row.content?.fields.find((f) => f.linkable)?.value ?? serial;
  }
  // The engine marks the signature certificate "not issued" only from what the card answers with
  // no PIN — EF 0008 and the password's counter probe (§6.2, §12) — so this too is a no-PIN fact.
  if (read.some((r) => r.applet === 'jpki' && r.fileId === '0008') && rows.some((r) => r.key === 'jpki/0001' && r.status === 'not-issued')) {
    facts.add('signatureCertificateNotIssued');
  }
  return { facts: FACT_ORDER.filter((f) => facts.has(f)), serial, rowsRead: read.length };
}
