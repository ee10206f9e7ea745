import { toHex } from '../bytes';
import { BaseTransport } from './CardTransport';
import { TransportError } from './TransportError';
import { commandMatches, formatCommandHex, parseTranscript, type TranscriptExchange } from './transcript';
import { redactCommand } from './redact';

/** Options for a replayed card. */
export interface ReplayOptions {
  /** The ATR to report; the real contact ATR by default (docs/card-reference.md §1). */
  readonly atr?: Uint8Array;
  /** Whether to claim extended-length support; must match how the transcript was recorded. */
  readonly extendedLength?: boolean;
  /** Names the transcript in errors. */
  readonly source?: string;
}

const CONTACT_ATR = Uint8Array.of(0x3b, 0xe0, 0x00, 0xff, 0x81, 0x31, 0xfe, 0x45, 0x14);

/**
 * A card that answers from a transcript (house rule 7): each command must equal the next
 * recorded one (redacted bytes match anything), or the exchange fails with
 * `transport/replay-mismatch`. Used to test the client against byte sequences written from the
 * spec, and to open an exported session again without the card.
 */
export class ReplayTransport extends BaseTransport {
  readonly kind = 'replay';
  readonly atr: Uint8Array;
  readonly extendedLength: boolean;
  private readonly exchanges: readonly TranscriptExchange[];
  private next = 0;

  constructor(transcript: string | readonly TranscriptExchange[], options: ReplayOptions = {}) {
    super();
    this.exchanges = typeof transcript === 'string' ? parseTranscript(transcript, options.source) : transcript;
    this.atr = options.atr ?? CONTACT_ATR;
    this.extendedLength = options.extendedLength ?? false;
  }

  /** Recorded exchanges not yet used. */
  get remaining(): number {
    return this.exchanges.length - this.next;
  }

  /** Throws unless every recorded exchange was used: a client that sends too little fails too. */
  assertComplete(): void {
    if (this.remaining > 0) {
      const expected = this.exchanges[this.next]!;
      throw new TransportError('transport/replay-mismatch', `${this.remaining} recorded exchange(s) not used; next was line ${expected.line}: ${formatCommandHex(expected.command)}`);
    }
  }

  /** Simulates the reader going away, for the contract suite and fault tests. */
  unplug(): void {
    this.disconnect(new TransportError('transport/device-lost', 'the replayed reader was unplugged'));
  }

  protected async exchange(command: Uint8Array, meta?: { readonly sensitive?: boolean }): Promise<Uint8Array> {
    const expected = this.exchanges[this.next];
    const shown = meta?.sensitive ? formatCommandHex(redactCommand(command)) : toHex(command);
    if (!expected) {
      throw new TransportError('transport/replay-exhausted', `no recorded exchange left for ${shown}`, { actual: shown });
    }
    if (!commandMatches(expected.command, command)) {
      throw new TransportError('transport/replay-mismatch', `line ${expected.line}: expected ${formatCommandHex(expected.command)}, got ${shown}`, {
        expected: formatCommandHex(expected.command),
        actual: shown,
        line: expected.line,
      });
    }
    this.next++;
    return expected.response.slice();
  }

  protected async release(): Promise<void> {}
}
