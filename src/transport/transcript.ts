import { MalformedDataError, fromHex, toHex } from '../bytes';

/**
 * The transcript format (after Ledger's RecordStore): one exchange per pair of lines,
 * `=> <command hex>` then `<= <response hex>`. `#` starts a comment; blank lines are ignored.
 * In a command, `**` stands for one byte that was redacted (a PIN) and matches any byte on replay.
 */
export interface TranscriptExchange {
  /** Command bytes; `null` entries are redacted bytes. */
  readonly command: readonly (number | null)[];
  readonly response: Uint8Array;
  /** 1-based line of the command in the source text, for error messages. */
  readonly line: number;
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
      pending = { command: parseCommandHex(line.slice(2), fail), line: lineNumber };
    } else if (line.startsWith('<=')) {
      if (!pending) fail('a response without a command');
      let response: Uint8Array;
      try {
        response = fromHex(line.slice(2));
      } catch (error) {
        return fail((error as Error).message);
      }
      if (response.length < 2) fail('a response needs at least the two status bytes');
      exchanges.push({ command: pending!.command, response, line: pending!.line });
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

function parseCommandHex(text: string, fail: (reason: string) => never): (number | null)[] {
  const tokens = text.trim().split(/\s+/).filter((t) => t.length > 0);
  const out: (number | null)[] = [];
  for (const token of tokens) {
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
  if (out.length < 4) fail('a command needs at least 4 bytes');
  return out;
}

/** Formats exchanges as transcript text (redacted bytes as `**`). */
export function formatTranscript(exchanges: readonly { command: readonly (number | null)[]; response: Uint8Array }[]): string {
  return exchanges
    .map((e) => `=> ${formatCommandHex(e.command)}\n<= ${toHex(e.response)}\n`)
    .join('');
}

/** Command bytes with redacted positions shown as `**`. */
export function formatCommandHex(command: readonly (number | null)[]): string {
  return command.map((b) => (b === null ? '**' : b.toString(16).toUpperCase().padStart(2, '0'))).join(' ');
}

/** True when `actual` matches a recorded command, redacted bytes matching anything. */
export function commandMatches(recorded: readonly (number | null)[], actual: Uint8Array): boolean {
  if (recorded.length !== actual.length) return false;
  return recorded.every((b, i) => b === null || b === actual[i]);
}
