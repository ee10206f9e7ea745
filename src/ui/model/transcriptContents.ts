import type { ExposureRowView } from '../../protocol';
import { FACT_ORDER, factsOfRow, readWithoutPin, type SummaryFact } from './noPinSummary';

/** One kind of personal data a file will hold, and the files it was read from. */
export interface ExportedFact {
  readonly fact: SummaryFact;
  readonly from: readonly ExposureRowView[];
}

/** What one kind of transcript export holds, derived from what the session actually read. */
export interface ExportContents {
  readonly facts: readonly ExportedFact[];
  /** The authentication certificate's serial, when it was read (the number every service receives at login). */
  readonly serial: string | null;
}

/** What each export kind would hold, and which verification numbers the full one carries. */
export interface TranscriptContents {
  /** Every answer of the session: everything read, with or without a PIN. */
  readonly full: ExportContents;
  /** Answers a PIN guarded are withheld: only what was read with no PIN. */
  readonly redacted: ExportContents;
  /** The My Number is in the full file; it is also 照合番号A (docs/card-reference.md §10). */
  readonly holdsPinA: boolean;
  /** Date of birth, card expiry and security code are all in the full file: together they make 照合番号B (§10). */
  readonly holdsPinB: boolean;
}

/**
 * The export dialog's content (README "Export transcript"): which personal data each kind of
 * transcript will carry, by name and by the files it came from. The full file carries every row
 * read; the redacted one withholds every answer given while a PIN was verified, so it carries
 * only what was read with no PIN.
 */
export function transcriptContents(rows: readonly ExposureRowView[]): TranscriptContents {
  const full = contentsOf(rows.filter((r) => r.status === 'read'));
  const has = (fact: SummaryFact) => full.facts.some((f) => f.fact === fact);
  return {
    full,
    redacted: contentsOf(readWithoutPin(rows)),
    holdsPinA: has('myNumber'),
    holdsPinB: has('birthDate') && has('cardExpiry') && has('securityCode'),
  };
}

function contentsOf(read: readonly ExposureRowView[]): ExportContents {
  const from = new Map<SummaryFact, ExposureRowView[]>();
  let serial: string | null = null;
  for (const row of read) {
    for (const fact of factsOfRow(row)) from.set(fact, [...(from.get(fact) ?? []), row]);
    if (row.applet === 'jpki' && row.fileId === '000A') serial = linkableSerial(row) ?? serial;
  }
  return { facts: FACT_ORDER.flatMap((fact) => (from.has(fact) ? [{ fact, from: from.get(fact)! }] : [])), serial };
}

/** The serial number a certificate row shows (the field marked `linkable`). */
export function linkableSerial(row: Pick<ExposureRowView, 'content'>): string | null {
  return row.content?.fields.find((f) => f.linkable)?.value ?? null;
}

/**
 * What a saved certificate reveals (docs/card-reference.md §12): always its serial number; the
 * holder facts its row names — for the signature certificate the name, address, date of birth and
 * sex in subjectAltName. A CA certificate names no person.
 */
export function certificateReveals(reveals: readonly string[]): SummaryFact[] {
  return FACT_ORDER.filter((fact) => fact !== 'authCertificate' && reveals.includes(fact));
}
