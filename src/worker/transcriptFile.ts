import { MalformedDataError, fromHex } from '../bytes';
import { TranscriptCard, formatTranscript, parseTranscript, type ApduLogEntry } from '../transport';
import { EngineFailure } from './engineErrors';
import type { ConnectionInfo, TranscriptSource } from './protocol';
import { MAX_TRANSCRIPT_BYTES, checkExchanges, checkLineLengths, checkTranscriptSize, displayName } from './transcriptLimits';

/** The contact ATR, assumed when a transcript's header does not name one (docs/card-reference.md §1). */
const CONTACT_ATR = '3B E0 00 FF 81 31 FE 45 14';

/**
 * The session's APDU log as transcript text (architecture: transport/ transcript format),
 * headed by `#` comments naming the app, the date, the transport kind, the ATR and the length
 * mode. Redacted bytes are already null in the log and come out as `**` (house rule 6);
 * exchanges that failed in transit have no response and are listed as comments.
 */
export function exportTranscript(log: readonly ApduLogEntry[], info: ConnectionInfo | null, now: Date = new Date()): string {
  const header = [
    '# MynaLens APDU transcript (PIN bytes redacted as **)',
    `# app: MynaLens`,
    `# date: ${now.toISOString()}`,
    `# transport: ${info?.kind ?? 'none'}`,
    `# atr: ${info?.atr ?? ''}`,
    `# extended-length: ${info ? String(info.extendedLength) : 'unknown'}`,
  ];
  const body = log
    .map((entry) =>
      entry.response
        ? formatTranscript([{ command: entry.command, response: entry.response }])
        : `# seq ${entry.seq} failed in transit: ${entry.error?.code ?? 'transport/protocol'}\n`,
    )
    .join('');
  return `${header.join('\n')}\n${body}`;
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
  const file = displayName(source.name);
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
