import { MAX_GET_RESPONSE_ROUNDS, MAX_RESPONSE_DATA_BYTES } from '../apdu';
import type { TranscriptExchange } from '../transport';
import { EngineFailure } from '../protocol';

/**
 * The caps a transcript file must fit before the engine replays it. A transcript is a file anyone
 * can send ("open it and see for yourself"), so its size, its lines and what it makes the card
 * answer are all bounded; each cap has its own error code, and the message names the file.
 */

/**
 * Largest file opened. A full MynaLens session — the no-PIN scan and the PINs' files, face
 * image included — exports to about 37 KB (transcriptLimits.test.ts measures it); 2 MB leaves
 * fifty times that, and parses in the worker in a few tens of milliseconds.
 */
export const MAX_TRANSCRIPT_BYTES = 2 * 1024 * 1024;

/**
 * Longest line. The longest real line is a 65 538-byte response (below) written as spaced hex:
 * `<= ` and 3 characters a byte, 196 617 characters; 256 Ki leaves room for a comment.
 */
export const MAX_LINE_CHARS = 256 * 1024;

/** Longest response a card can give one command: an extended Ne of 65 536 data bytes and SW1 SW2 (ISO/IEC 7816-4 §5.1). */
export const MAX_RESPONSE_BYTES = MAX_RESPONSE_DATA_BYTES + 2;

/** What the messages call the file when the caller gave no name. */
const UNNAMED = 'transcript';

const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;
const kilobytes = (chars: number) => Math.round(chars / 1024);

/** A file name as the messages show it: shortened, so a hostile name cannot flood the screen either. */
export function displayName(name: string | undefined): string {
  const trimmed = (name ?? '').trim() || UNNAMED;
  return trimmed.length > 80 ? `${trimmed.slice(0, 77)}…` : trimmed;
}

/** Refuses a file larger than `MAX_TRANSCRIPT_BYTES`, before a byte of it is read. */
export function checkTranscriptSize(byteLength: number, file: string): void {
  if (byteLength <= MAX_TRANSCRIPT_BYTES) return;
  throw new EngineFailure('transcript/too-large', `${file} is ${byteLength} bytes; a transcript may have at most ${MAX_TRANSCRIPT_BYTES}`, {
    file,
    sizeMegabytes: megabytes(byteLength),
    maxMegabytes: megabytes(MAX_TRANSCRIPT_BYTES),
  });
}

/** Refuses text with a line longer than `MAX_LINE_CHARS`, naming the first such line. Linear, no splitting. */
export function checkLineLengths(text: string, file: string): void {
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (end - start > MAX_LINE_CHARS) {
      throw new EngineFailure('transcript/line-too-long', `${file} line ${line} has ${end - start} characters; a line may have at most ${MAX_LINE_CHARS}`, {
        file,
        line,
        lineKilobytes: kilobytes(end - start),
        maxKilobytes: kilobytes(MAX_LINE_CHARS),
      });
    }
    if (newline === -1) break;
    start = newline + 1;
  }
}

/** GET RESPONSE (ISO/IEC 7816-4 §11.4.1): INS C0 with P1 P2 00 00. */
function isGetResponse(command: readonly (number | null)[]): boolean {
  return command[1] === 0xc0 && command[2] === 0x00 && command[3] === 0x00;
}

const sw1 = (response: Uint8Array) => response[response.length - 2]!;
const sw2 = (response: Uint8Array) => response[response.length - 1]!;

/**
 * Refuses a recorded response longer than a card can give (`MAX_RESPONSE_BYTES`), and a recorded
 * GET RESPONSE chain — a command answered 61xx and the GET RESPONSEs after it — that MynaLens
 * itself would have stopped: more rounds than `MAX_GET_RESPONSE_ROUNDS`, or more data, counting
 * what a last 61xx still promises, than `MAX_RESPONSE_DATA_BYTES` (the same caps `ApduChannel`
 * applies live).
 */
export function checkExchanges(exchanges: readonly TranscriptExchange[], file: string): void {
  let chain: { line: number; rounds: number; bytes: number } | null = null;
  let previous: TranscriptExchange | null = null;
  for (const exchange of exchanges) {
    const { response, line } = exchange;
    // A redacted export writes withheld data bytes as `--`: they count as the card sent them.
    const length = response.length + (exchange.withheld ?? 0);
    if (length > MAX_RESPONSE_BYTES) {
      throw new EngineFailure('transcript/response-too-long', `${file}: the response to line ${line} has ${length} bytes; a card answers at most ${MAX_RESPONSE_BYTES}`, {
        file,
        line,
        bytes: length,
        maxBytes: MAX_RESPONSE_BYTES,
      });
    }
    const continues = previous !== null && sw1(previous.response) === 0x61 && isGetResponse(exchange.command);
    if (!continues || !chain) chain = { line, rounds: 0, bytes: 0 };
    else chain.rounds++;
    chain.bytes += length - 2;
    const promised = sw1(response) === 0x61 ? sw2(response) || 1 : 0;
    if (chain.rounds > MAX_GET_RESPONSE_ROUNDS || chain.bytes + promised > MAX_RESPONSE_DATA_BYTES) {
      throw new EngineFailure(
        'transcript/chain-too-long',
        `${file}: the answer to line ${chain.line} runs past line ${line} to ${chain.rounds} GET RESPONSE rounds and ${chain.bytes + promised} bytes; a card answers one command with at most ${MAX_GET_RESPONSE_ROUNDS} rounds and ${MAX_RESPONSE_DATA_BYTES} bytes`,
        { file, line: chain.line, maxRounds: MAX_GET_RESPONSE_ROUNDS, maxBytes: MAX_RESPONSE_DATA_BYTES },
      );
    }
    previous = exchange;
  }
}
