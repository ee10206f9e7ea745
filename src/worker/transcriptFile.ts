import { MalformedDataError, fromHex } from '../bytes';
import { formatTranscript, parseTranscript, type ApduLogEntry } from '../transport';
import { TranscriptCard } from '../transport/TranscriptCard';
import { withholdPinProtectedAnswers } from '../transport/withhold';
import { EngineFailure } from '../protocol';
import type { ConnectionInfo, ExposureRowView, TranscriptKind, TranscriptSource } from '../protocol';
import { MAX_TRANSCRIPT_BYTES, checkExchanges, checkLineLengths, checkTranscriptSize, displayName } from './transcriptLimits';

/** The contact ATR, assumed when a transcript's header does not name one (docs/card-reference.md §1). */
const CONTACT_ATR = '3B E0 00 FF 81 31 FE 45 14';

const TITLES: Record<TranscriptKind, string> = {
  full: '# MynaLens APDU transcript, full (for replay): every answer the card gave, including what PINs opened. PINs are hidden (** PIN hidden **).',
  redacted: '# MynaLens APDU transcript, redacted: answers read with a PIN are withheld (-- for each byte); it cannot be replayed past a PIN. PINs are hidden (** PIN hidden **).',
};

/** What an export is made of besides the log. */
export interface ExportOptions {
  readonly kind?: TranscriptKind;
  /** The session's rows: the `# holds:` lines name the personal data their answers carry. */
  readonly rows?: readonly ExposureRowView[];
  readonly now?: Date;
}

/**
 * The session's APDU log as transcript text (architecture: transport/ transcript format),
 * headed by `#` comments naming the kind, the personal data the answers hold (`# holds:`, one
 * line per fact with the rows it came from — every row read for `full`, only the rows read with
 * no PIN for `redacted`), the app, the date, the transport kind, the ATR and the length mode. A VERIFY's body is already hidden in the log and comes out as `** PIN hidden **`,
 * the same for every PIN length (house rule 6). The `redacted` kind also withholds every answer
 * given while a PIN was verified (`withholdPinProtectedAnswers`). Exchanges that failed in transit
 * have no response and are listed as comments.
 */
export function exportTranscript(log: readonly ApduLogEntry[], info: ConnectionInfo | null, { kind = 'full', rows = [], now = new Date() }: ExportOptions = {}): string {
  const header = [
    TITLES[kind],
    `# kind: ${kind}`,
    ...holdsLines(rows.filter((r) => r.status === 'read' && (kind === 'full' || r.readWith === 'none'))),
    `# app: MynaLens`,
    `# date: ${now.toISOString()}`,
    `# transport: ${info?.kind ?? 'none'}`,
    `# atr: ${info?.atr ?? ''}`,
    `# extended-length: ${info ? String(info.extendedLength) : 'unknown'}`,
  ];
  const answered = log.flatMap((entry) => (entry.response ? [{ command: entry.command, response: entry.response }] : []));
  const written = kind === 'redacted' ? withholdPinProtectedAnswers(answered) : answered;
  let next = 0;
  const body = log
    .map((entry) =>
      entry.response ? formatTranscript([written[next++]!]) : `# seq ${entry.seq} failed in transit: ${entry.error?.code ?? 'transport/protocol'}\n`,
    )
    .join('');
  return `${header.join('\n')}\n${body}`;
}

/** `# holds: <fact> (<row keys>)` for each holder fact the rows give away, or one line saying there is none. */
function holdsLines(read: readonly ExposureRowView[]): string[] {
  const from = new Map<string, string[]>();
  for (const row of read) for (const fact of row.reveals) from.set(fact, [...(from.get(fact) ?? []), row.key]);
  if (from.size === 0) return ['# holds: no personal data'];
  return [...from].map(([fact, keys]) => `# holds: ${fact} (${keys.join(', ')})`);
}

/** What the `#` header of an exported transcript says about the recorded connection. */
interface TranscriptHeader {
  readonly atr: Uint8Array;
  readonly extendedLength: boolean;
}

function readHeader(text: string): TranscriptHeader {
  const value = (name: string) => new RegExp(`^#\\s*${name}:\\s*(.*)$`, 'im').exec(text)?.[1]?.trim();
  const atrText = value('atr') || CONTACT_ATR;
  let atr: Uint8Array;
  try {
    atr = fromHex(atrText);
  } catch {
    throw new EngineFailure('transcript/invalid', `the header's ATR "${atrText}" is not hex`, { line: 0 });
  }
  return { atr, extendedLength: value('extended-length') !== 'false' };
}

/**
 * Reads the file the person chose, here in the worker so the page never waits on it: its size is
 * checked before a byte is read (`transcript/too-large`), then it opens as `openTranscriptCard`.
 * `text` is the same for callers that already hold the text (tests, tools).
 */
export async function openTranscriptSource(source: TranscriptSource): Promise<TranscriptCard> {
  const file = displayName(source.fileName);
  if (source.file instanceof Blob) {
    checkTranscriptSize(source.file.size, file);
    return openTranscriptCard(await source.file.text(), file);
  }
  if (typeof source.text === 'string') {
    // A character is at least one UTF-8 byte, so a long string is refused without encoding it.
    checkTranscriptSize(source.text.length > MAX_TRANSCRIPT_BYTES ? source.text.length : new TextEncoder().encode(source.text).length, file);
    return openTranscriptCard(source.text, file);
  }
  throw new EngineFailure('transcript/invalid', 'no transcript file was given', { file, line: 0 });
}

/**
 * Opens transcript text as a replayed card (`TranscriptCard`): the header gives its ATR and
 * length mode; a line that is not a transcript line fails with `transcript/invalid` naming it,
 * and text past a cap of transcriptLimits.ts fails with that cap's own code.
 */
export function openTranscriptCard(text: string, file = 'transcript'): TranscriptCard {
  checkLineLengths(text, file);
  const header = readHeader(text);
  try {
    const exchanges = parseTranscript(text, file);
    checkExchanges(exchanges, file);
    const card = new TranscriptCard(exchanges, { atr: header.atr, extendedLength: header.extendedLength, source: file });
    if (card.size === 0) throw new EngineFailure('transcript/invalid', 'the transcript holds no exchanges', { file, line: 0 });
    return card;
  } catch (error) {
    if (error instanceof MalformedDataError) {
      const where = error.reason.startsWith('line ') ? error.reason : `line ${error.offset}: ${error.reason}`;
      throw new EngineFailure('transcript/invalid', `not a MynaLens transcript: ${where}`, { file, line: error.offset });
    }
    throw error;
  }
}
