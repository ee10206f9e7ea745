import { MalformedDataError, fromHex, toHex } from '../bytes';
import { parseCommand } from '../apdu';

/**
 * The transcript format (after Ledger's RecordStore): one exchange per pair of lines,
 * `=> <command hex>` then `<= <response hex>`. `#` starts a comment; blank lines are ignored.
 *
 * Two kinds of hiding keep secrets out of a transcript while it stays a transcript:
 * - a command's body can be hidden whole: `=> 00 20 00 80 ** PIN hidden **` is a VERIFY whose
 *   Lc and PIN are gone, so not even the PIN's length shows (house rule 6); on replay it matches
 *   a command with the same header and any body. Older files hide byte by byte (`04 ** ** ** **`),
 *   each `**` matching one byte of any value; both still open.
 * - a response's data can be withheld: `<= -- -- -- 90 00` keeps the length and the status word,
 *   so the file still shows what was exchanged, but not the bytes (the redacted export).
 */
export interface TranscriptExchange {
  /** Command bytes; `null` entries are hidden bytes, and `[CLA, INS, P1, P2, null]` a hidden body (`hidesBody`). */
  readonly command: readonly (number | null)[];
  /** The response as recorded; only the status word when its data was withheld. */
  readonly response: Uint8Array;
  /** How many response data bytes were withheld (`--`); 0 or absent when none. */
  readonly withheld?: number;
  /** 1-based line of the command in the source text, for error messages. */
  readonly line: number;
}

/** How a hidden body is written: after the header, in place of Lc and data. */
const HIDDEN_BODY_TEXT = '** PIN hidden **';
const WITHHELD_BYTE = '--';

/** A command with its whole body hidden: the 4 header bytes, then one `null` for the body. */
export function hiddenBody(header: readonly number[]): (number | null)[] {
  return [...header.slice(0, 4), null];
}

/** True for a command written as header + hidden body (`hiddenBody`). */
export function hidesBody(command: readonly (number | null)[]): boolean {
  return command.length === 5 && command[4] === null && command.slice(0, 4).every((b) => b !== null);
}

/** Parses transcript text. Throws `MalformedDataError` naming the line for anything else. */
export function parseTranscript(text: string, source = 'transcript'): TranscriptExchange[] {
  const exchanges: TranscriptExchange[] = [];
  let pending: { command: (number | null)[]; line: number } | null = null;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const fail = (reason: string): never => {
      throw new MalformedDataError(source, lineNumber, `line ${lineNumber}: ${reason}`);
    };
    if (line.startsWith('=>')) {
      if (pending) fail('a command follows a command without a response');
      pending = { command: parseCommandText(line.slice(2), fail), line: lineNumber };
    } else if (line.startsWith('<=')) {
      if (!pending) fail('a response without a command');
      const { response, withheld } = parseResponseText(line.slice(2), fail);
      exchanges.push({ command: pending!.command, response, ...(withheld > 0 ? { withheld } : {}), line: pending!.line });
      pending = null;
    } else {
      fail('expected "=>" or "<="');
    }
  });
  if (pending) {
    throw new MalformedDataError(source, (pending as { line: number }).line, 'the last command has no response');
  }
  return exchanges;
}

function parseCommandText(text: string, fail: (reason: string) => never): (number | null)[] {
  const trimmed = text.trim();
  if (trimmed.endsWith(HIDDEN_BODY_TEXT)) {
    const header = parseCommandBytes(trimmed.slice(0, -HIDDEN_BODY_TEXT.length), fail);
    if (header.length !== 4 || header.includes(null)) fail(`"${HIDDEN_BODY_TEXT}" must follow exactly the 4 header bytes`);
    return hiddenBody(header as number[]);
  }
  const out = parseCommandBytes(trimmed, fail);
  if (out.length < 4) fail('a command needs at least 4 bytes');
  return out;
}

function parseCommandBytes(text: string, fail: (reason: string) => never): (number | null)[] {
  const out: (number | null)[] = [];
  for (const token of text.trim().split(/\s+/).filter((t) => t.length > 0)) {
    if (token === '**') {
      out.push(null);
      continue;
    }
    try {
      out.push(...fromHex(token));
    } catch (error) {
      fail((error as Error).message);
    }
  }
  return out;
}

function parseResponseText(text: string, fail: (reason: string) => never): { response: Uint8Array; withheld: number } {
  const tokens = text.trim().split(/\s+/).filter((t) => t.length > 0);
  let withheld = 0;
  while (tokens[withheld] === WITHHELD_BYTE) withheld++;
  let response: Uint8Array = new Uint8Array(0);
  try {
    response = fromHex(tokens.slice(withheld).join(' '));
  } catch (error) {
    fail((error as Error).message);
  }
  if (response.length < 2) fail('a response needs at least the two status bytes');
  if (withheld > 0 && response.length !== 2) fail('withheld bytes ("--") stand for the whole response data, before the status word');
  return { response, withheld };
}

/** Formats exchanges as transcript text (hidden bytes as `**`, a hidden body as `** PIN hidden **`, withheld bytes as `--`). */
export function formatTranscript(
  exchanges: readonly { command: readonly (number | null)[]; response: Uint8Array; withheld?: number }[],
): string {
  return exchanges.map((e) => `=> ${formatCommandHex(e.command)}\n<= ${formatResponseHex(e.response, e.withheld ?? 0)}\n`).join('');
}

/** Command bytes with hidden positions shown as `**`, and a hidden body as `** PIN hidden **`. */
export function formatCommandHex(command: readonly (number | null)[]): string {
  const hex = (b: number | null) => (b === null ? '**' : b.toString(16).toUpperCase().padStart(2, '0'));
  if (hidesBody(command)) return `${command.slice(0, 4).map(hex).join(' ')} ${HIDDEN_BODY_TEXT}`;
  return command.map(hex).join(' ');
}

function formatResponseHex(response: Uint8Array, withheld: number): string {
  return withheld > 0 ? `${Array(withheld).fill(WITHHELD_BYTE).join(' ')} ${toHex(response)}` : toHex(response);
}

/**
 * True when `actual` matches a recorded command: hidden bytes match any byte; a hidden body
 * matches any body (Lc and data of any length) after the same header.
 */
export function commandMatches(recorded: readonly (number | null)[], actual: Uint8Array): boolean {
  if (hidesBody(recorded)) {
    return recorded.slice(0, 4).every((b, i) => b === actual[i]) && hasDataField(actual);
  }
  if (recorded.length !== actual.length) return false;
  return recorded.every((b, i) => b === null || b === actual[i]);
}

/** True when the command carries a data field (ISO 7816-4 case 3 or 4); a bare Le is not one. */
export function hasDataField(command: Uint8Array): boolean {
  try {
    return parseCommand(command).command.data.length > 0;
  } catch {
    return command.length > 5;
  }
}
