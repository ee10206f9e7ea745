import { parseCommand } from '../apdu';
import { concatBytes as concat, toHex } from '../bytes';
import { BaseTransport } from './CardTransport';
import { CardState, contextKey, type CommandContext } from './cardState';
import { TransportError } from './TransportError';
import { commandMatches, formatCommandHex, parseTranscript, type TranscriptExchange } from './transcript';
import { redactCommand } from './redact';

/** Options for a card opened from an exported transcript. */
export interface TranscriptCardOptions {
  /** The ATR to report (the exported header's, when it has one). */
  readonly atr: Uint8Array;
  /** Whether to claim extended-length support; should match how the session was recorded. */
  readonly extendedLength: boolean;
  /** Names the transcript in parse errors. */
  readonly source?: string;
}

/** A recorded exchange with the context the card was in when it answered. */
interface Recorded {
  readonly exchange: TranscriptExchange;
  readonly context: CommandContext;
}

/**
 * A replayed card (architecture: transport/, "open an exported session again") that answers as
 * the recorded card did, in whatever order the steps come. Unlike `ReplayTransport`, which insists
 * on the recorded order, it keeps the card's state as a card does (`CardState`: applet, EF,
 * verified keys, PIN counters) and answers a command from an exchange recorded in the same state:
 * a READ BINARY of EF 0002 in the visual applet never gets the text applet's bytes, and a VERIFY
 * gets the answer its own key EF gave to the same attempt. Two answers carry over to a state
 * never recorded because a card could not answer otherwise: a file read that succeeded with fewer
 * keys verified (a PIN only ever opens more), and a tries-left query right after a VERIFY that
 * said `63Cx` (the card just told its counter, docs/card-reference.md §2). Anything else fails with
 * `transport/replay-not-recorded`; an answer the export withheld fails with `transport/replay-withheld`.
 * Commands recorded more than once in one state get their answers in recorded order, the last
 * one again after that.
 */
export class TranscriptCard extends BaseTransport {
  readonly kind = 'transcript';
  readonly atr: Uint8Array;
  readonly extendedLength: boolean;
  private readonly recorded: readonly Recorded[];
  private readonly byContext = new Map<string, Recorded[]>();
  private readonly used = new Set<Recorded>();
  /** Every READ BINARY answered 9000 with data, by `DF/EF`: the file's bytes as recorded (`readFromRecordedBytes`), built on first use. */
  private reads: Map<string, RecordedRead[]> | null = null;
  private readonly state = new CardState();

  /** Parses the text first; a malformed line throws `MalformedDataError` naming it. */
  constructor(transcript: string | readonly TranscriptExchange[], options: TranscriptCardOptions) {
    super();
    const exchanges = typeof transcript === 'string' ? parseTranscript(transcript, options.source) : transcript;
    this.recorded = annotate(exchanges);
    for (const entry of this.recorded) {
      const key = contextKey(entry.context);
      this.byContext.set(key, [...(this.byContext.get(key) ?? []), entry]);
    }
    this.atr = options.atr.slice();
    this.extendedLength = options.extendedLength;
  }

  /** How many recorded exchanges there are. */
  get size(): number {
    return this.recorded.length;
  }

  /**
   * Whether the recorded client named EFs by short EF identifier (READ BINARY `P1 = 80|SFI`,
   * VERIFY `P2 = 80|SFI`, docs/card-reference.md §2) rather than by SELECT EF first: a replay
   * answers only the forms it recorded, so the client must use the same ones.
   */
  get usesShortEfIds(): boolean {
    return this.recorded.some(({ exchange: { command } }) => {
      const [, ins, p1, p2] = command;
      if (ins === 0xb0) return ((p1 ?? 0) & 0x80) !== 0;
      return ins === 0x20 && p2 !== 0x80 && ((p2 ?? 0) & 0x80) !== 0;
    });
  }

  /**
   * Whether the recorded card answered a command before any SELECT by name — as a card does
   * at power-on, in its ISD (docs/card-reference.md §2 "SELECT MF", §9.4): the replay starts in
   * that state too, so a client may do the same.
   */
  get usedBeforeAnySelect(): boolean {
    return this.recorded.some(({ context, exchange }) => context.kind === 'file' && context.df === 'reset' && statusWord(exchange.response) === 0x9000);
  }

  /** The replayed reader goes away, for the contract suite and fault tests. */
  unplug(): void {
    this.disconnect(new TransportError('transport/device-lost', 'the replayed reader was unplugged'));
  }

  protected async exchange(command: Uint8Array, meta?: { readonly sensitive?: boolean }): Promise<Uint8Array> {
    const context = this.state.contextOf(command);
    const response = this.answer(command, context, meta?.sensitive === true);
    this.state.advance(command, (response[response.length - 2]! << 8) | response[response.length - 1]!);
    return response;
  }

  private answer(command: Uint8Array, context: CommandContext, sensitive: boolean): Uint8Array {
    const candidates = (this.byContext.get(contextKey(context)) ?? []).filter((r) => sameCommand(r, command));
    const fromRecord = this.pick(candidates.length > 0 ? candidates : this.readWithFewerKeys(command, context));
    if (!fromRecord) {
      const bytes = this.readFromRecordedBytes(command, context);
      if (bytes) return bytes;
    }
    if (fromRecord) {
      if (fromRecord.exchange.withheld) {
        throw new TransportError(
          'transport/replay-withheld',
          `line ${fromRecord.exchange.line}: the answer to ${shown(command, sensitive)} was withheld from this redacted transcript`,
          { line: fromRecord.exchange.line, actual: shown(command, sensitive) },
        );
      }
      return fromRecord.exchange.response.slice();
    }
    if (context.kind === 'tries' && !context.verified && /^63C[1-9A-F]$/.test(context.counter)) {
      return Uint8Array.of(0x63, parseInt(context.counter.slice(2), 16));
    }
    throw new TransportError('transport/replay-not-recorded', `not in this transcript: ${shown(command, sensitive)} ${describeContext(context)}`, {
      actual: shown(command, sensitive),
      context: describeContext(context),
    });
  }

  /** A read that succeeded with a subset of today's verified keys: more keys never close a file. */
  private readWithFewerKeys(command: Uint8Array, context: CommandContext): Recorded[] {
    if (context.kind !== 'file') return [];
    return this.recorded.filter(
      (r) =>
        r.context.kind === 'file' &&
        r.context.df === context.df &&
        r.context.ef === context.ef &&
        r.context.verified.every((key) => context.verified.includes(key)) &&
        statusWord(r.exchange.response) === 0x9000 &&
        sameCommand(r, command),
    );
  }

  /**
   * A READ BINARY never recorded in this state, answered from the file's bytes as other reads
   * recorded them (docs/card-reference.md §3, §5): allowed when a read of the same EF succeeded
   * with a subset of today's verified keys (so the file opens now), and the bytes asked for —
   * or, where a read came back short, up to the EF's end — were all recorded. A client that
   * proves access to a file it already holds with a one-byte read leaves only that proof in a
   * state; a replay in another order asks that state for the whole file. The bytes may span
   * several recorded reads: a session recorded as a 256-byte read and then the rest answers a
   * client that asks for the whole object in one READ (§3).
   */
  private readFromRecordedBytes(command: Uint8Array, context: CommandContext): Uint8Array | null {
    if (context.kind !== 'file' || context.ef === null || command[1] !== 0xb0) return null;
    const reads = this.recordedReads().get(`${context.df}/${context.ef}`);
    const wanted = reads ? readRange(command) : null;
    if (!reads || !wanted) return null;
    if (!reads.some((r) => r.verified.every((key) => context.verified.includes(key)))) return null;
    const end = wanted.offset + wanted.ne;
    const parts: Uint8Array[] = [];
    for (let at = wanted.offset; at < end; ) {
      const r = reads.find((read) => read.offset <= at && at < read.offset + read.data.length);
      if (!r) return null;
      const upTo = Math.min(end, r.offset + r.data.length);
      parts.push(r.data.subarray(at - r.offset, upTo - r.offset));
      at = upTo;
      // A read that came back short ended the EF: the card answers what is there (§3 "Short reads").
      if (at < end && r.endsFile && at === r.offset + r.data.length) break;
    }
    return withOk(concat(...parts));
  }

  private recordedReads(): Map<string, RecordedRead[]> {
    if (this.reads) return this.reads;
    const reads = new Map<string, RecordedRead[]>();
    for (const entry of this.recorded) {
      const read = recordedRead(entry);
      if (!read) continue;
      const list = reads.get(read.file);
      if (list) list.push(read);
      else reads.set(read.file, [read]);
    }
    this.reads = reads;
    return reads;
  }

  /** The first candidate not yet used, else the last one (a card answers the same again). */
  private pick(candidates: readonly Recorded[]): Recorded | null {
    const fresh = candidates.find((c) => !this.used.has(c));
    const chosen = fresh ?? candidates.at(-1) ?? null;
    if (chosen) this.used.add(chosen);
    return chosen;
  }

  protected async release(): Promise<void> {}
}

/** Walks the recording with a `CardState`, noting the context each answer was given in. */
function annotate(exchanges: readonly TranscriptExchange[]): Recorded[] {
  const state = new CardState();
  return exchanges.map((exchange) => {
    const context = state.contextOf(exchange.command);
    state.advance(exchange.command, statusWord(exchange.response));
    return { exchange, context };
  });
}

/** A VERIFY with a PIN matches by header alone (the PIN, and its length, are not in the file); anything else byte for byte. */
function sameCommand(recorded: Recorded, command: Uint8Array): boolean {
  if (recorded.context.kind === 'verify') return recorded.exchange.command.slice(0, 4).every((b, i) => b === command[i]);
  return commandMatches(recorded.exchange.command, command);
}

function withOk(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + 2);
  out.set(data);
  out.set([0x90, 0x00], data.length);
  return out;
}

/** A successful READ BINARY as recorded: where in which file, what came back, and with which keys verified. */
interface RecordedRead {
  readonly file: string;
  readonly offset: number;
  readonly data: Uint8Array;
  /** Fewer bytes than asked: the EF ends there (docs/card-reference.md §3). */
  readonly endsFile: boolean;
  readonly verified: readonly string[];
}

function recordedRead({ exchange, context }: Recorded): RecordedRead | null {
  if (context.kind !== 'file' || context.ef === null || exchange.withheld || statusWord(exchange.response) !== 0x9000) return null;
  const range = readRange(exchange.command);
  if (!range) return null;
  const data = exchange.response.subarray(0, exchange.response.length - 2);
  return { file: `${context.df}/${context.ef}`, offset: range.offset, data, endsFile: data.length < range.ne, verified: context.verified };
}

/** Offset and Ne of a READ BINARY (`00 B0`, docs/card-reference.md §2: 15-bit offset, or 8-bit after `80|SFI`); null for anything else. */
function readRange(command: Uint8Array | readonly (number | null)[]): { offset: number; ne: number } | null {
  if (command[1] !== 0xb0 || command.some((b) => b === null)) return null;
  let parsed;
  try {
    parsed = parseCommand(Uint8Array.from(command as readonly number[]));
  } catch {
    return null;
  }
  const { p1, p2, ne, data } = parsed.command;
  if (ne === null || data.length > 0) return null;
  return { offset: (p1 & 0x80) !== 0 ? p2 : (p1 << 8) | p2, ne };
}

function statusWord(response: Uint8Array): number {
  return (response[response.length - 2]! << 8) | response[response.length - 1]!;
}

function shown(command: Uint8Array, sensitive: boolean): string {
  return sensitive ? formatCommandHex(redactCommand(command)) : toHex(command);
}

/** Where the card was, in words a developer can check against the file. */
function describeContext(context: CommandContext): string {
  switch (context.kind) {
    case 'select-df':
      return '(SELECT by name)';
    case 'select-ef':
      return `(SELECT EF in DF ${context.df})`;
    case 'verify':
      return `(VERIFY attempt ${context.attempt + 1} of key EF ${context.key} in DF ${context.df})`;
    case 'tries':
      return `(tries left of key EF ${context.key} in DF ${context.df}, counter ${context.counter}${context.verified ? ', verified' : ''})`;
    case 'file':
      return `(DF ${context.df}, EF ${context.ef ?? 'none'}, keys verified: ${context.verified.join(', ') || 'none'})`;
  }
}
