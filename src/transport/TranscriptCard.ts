import { BaseTransport } from './CardTransport';
import { TransportError } from './TransportError';
import { commandMatches, parseTranscript, type TranscriptExchange } from './transcript';

/** Options for a card opened from an exported transcript. */
export interface TranscriptCardOptions {
  /** The ATR to report (the exported header's, when it has one). */
  readonly atr: Uint8Array;
  /** Whether to claim extended-length support; should match how the session was recorded. */
  readonly extendedLength: boolean;
  /** Names the transcript in parse errors. */
  readonly source?: string;
}

/** ISO 7816-4 status words for a command no recorded exchange answers. */
const FILE_NOT_FOUND = Uint8Array.of(0x6a, 0x82);
const DATA_NOT_FOUND = Uint8Array.of(0x6a, 0x88);
const INS_NOT_SUPPORTED = Uint8Array.of(0x6d, 0x00);

/**
 * A forgiving replayed card (architecture: transport/, "open an exported session again"): unlike
 * `ReplayTransport`, which insists on the exact recorded order, it answers each command with the
 * first not-yet-used recorded exchange whose command matches (redacted `**` bytes match
 * anything), so a person who repeats the recorded steps gets the recorded answers in whatever
 * order the engine sends them. Once every match is used, the last match answers again. A
 * command never recorded gets the status word a card gives for something it does not hold —
 * 6A82 for SELECT / READ BINARY / READ RECORD, 6A88 for GET DATA, 6D00 otherwise — and never a
 * transport error, so one unrecorded step does not end the session.
 */
export class TranscriptCard extends BaseTransport {
  readonly kind = 'transcript';
  readonly atr: Uint8Array;
  readonly extendedLength: boolean;
  private readonly exchanges: readonly TranscriptExchange[];
  private readonly used: boolean[];
  private unanswered = 0;

  /** Parses the text first; a malformed line throws `MalformedDataError` naming it. */
  constructor(transcript: string | readonly TranscriptExchange[], options: TranscriptCardOptions) {
    super();
    this.exchanges = typeof transcript === 'string' ? parseTranscript(transcript, options.source) : transcript;
    this.used = this.exchanges.map(() => false);
    this.atr = options.atr.slice();
    this.extendedLength = options.extendedLength;
  }

  /** How many recorded exchanges there are. */
  get size(): number {
    return this.exchanges.length;
  }

  /** How many commands were answered with a synthesised error status because nothing recorded matched. */
  get unansweredCount(): number {
    return this.unanswered;
  }

  /** The replayed reader goes away, for the contract suite and fault tests. */
  unplug(): void {
    this.disconnect(new TransportError('transport/device-lost', 'the replayed reader was unplugged'));
  }

  protected async exchange(command: Uint8Array): Promise<Uint8Array> {
    let lastMatch = -1;
    for (let i = 0; i < this.exchanges.length; i++) {
      if (!commandMatches(this.exchanges[i]!.command, command)) continue;
      if (!this.used[i]) {
        this.used[i] = true;
        return this.exchanges[i]!.response.slice();
      }
      lastMatch = i;
    }
    if (lastMatch >= 0) return this.exchanges[lastMatch]!.response.slice();
    this.unanswered++;
    return unrecordedAnswer(command).slice();
  }

  protected async release(): Promise<void> {}
}

function unrecordedAnswer(command: Uint8Array): Uint8Array {
  switch (command[1]) {
    case 0xa4: // SELECT
    case 0xb0: // READ BINARY
    case 0xb2: // READ RECORD
      return FILE_NOT_FOUND;
    case 0xca: // GET DATA
      return DATA_NOT_FOUND;
    default:
      return INS_NOT_SUPPORTED;
  }
}
