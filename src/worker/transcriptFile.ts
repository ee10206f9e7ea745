import { MalformedDataError, fromHex } from '../bytes';
import { TranscriptCard, formatTranscript, type ApduLogEntry } from '../transport';
import { EngineFailure } from './engineErrors';
import type { ConnectionInfo } from './protocol';

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
 * Opens transcript text as a replayed card (`TranscriptCard`): the header gives its ATR and
 * length mode; a line that is not a transcript line fails with `transcript/invalid` naming it.
 */
export function openTranscriptCard(text: string): TranscriptCard {
  const header = readHeader(text);
  try {
    const card = new TranscriptCard(text, { atr: header.atr, extendedLength: header.extendedLength, source: 'transcript' });
    if (card.size === 0) throw new EngineFailure('transcript/invalid', 'the transcript holds no exchanges', { line: 0 });
    return card;
  } catch (error) {
    if (error instanceof MalformedDataError) {
      const where = error.reason.startsWith('line ') ? error.reason : `line ${error.offset}: ${error.reason}`;
      throw new EngineFailure('transcript/invalid', `not a MynaLens transcript: ${where}`, { line: error.offset });
    }
    throw error;
  }
}
