import type { CardTransport } from './CardTransport';
import { TransportError } from './TransportError';
import { redactCommand } from './redact';

/**
 * One line of the APDU log. Plain data, so it can cross the worker boundary. A sensitive
 * command's data bytes are `null` — they never leave the transport in any other form.
 */
export interface ApduLogEntry {
  readonly seq: number;
  readonly command: readonly (number | null)[];
  readonly sensitive: boolean;
  /** Response bytes including the status word; `null` if the exchange failed. */
  readonly response: Uint8Array | null;
  readonly elapsedMs: number;
  readonly error?: { readonly code: string; readonly message: string };
}

/**
 * The one APDU logger (house rule 6): wraps any transport and reports every exchange to a
 * sink, redacting commands flagged sensitive. Nothing here writes to the console.
 */
export class LoggingTransport implements CardTransport {
  private seq = 0;

  constructor(
    private readonly inner: CardTransport,
    private readonly sink: (entry: ApduLogEntry) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get kind(): string {
    return this.inner.kind;
  }
  get atr(): Uint8Array {
    return this.inner.atr;
  }
  get extendedLength(): boolean {
    return this.inner.extendedLength;
  }
  get connected(): boolean {
    return this.inner.connected;
  }

  async transmit(command: Uint8Array, meta?: { readonly sensitive?: boolean }): Promise<Uint8Array> {
    const sensitive = meta?.sensitive === true;
    // Copy (or redact) before sending: the channel wipes a sensitive buffer after transmit.
    const logged = sensitive ? redactCommand(command) : Array.from(command);
    const seq = ++this.seq;
    const started = this.now();
    try {
      const response = await this.inner.transmit(command, meta);
      this.sink({ seq, command: logged, sensitive, response: response.slice(), elapsedMs: this.now() - started });
      return response;
    } catch (error) {
      const code = error instanceof TransportError ? error.code : 'transport/protocol';
      const message = error instanceof Error ? error.message : String(error);
      this.sink({ seq, command: logged, sensitive, response: null, elapsedMs: this.now() - started, error: { code, message } });
      throw error;
    }
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  onDisconnect(listener: (reason: TransportError) => void): () => void {
    return this.inner.onDisconnect(listener);
  }
}
