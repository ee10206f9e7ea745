import type { ApduTransmitter } from '../apdu';
import { TransportError } from './TransportError';

/**
 * The seam between code that knows the card's language and code that moves bytes
 * (architecture: "the chain"). The simulator, a replayed transcript and every USB reader driver
 * implement it; applets never see which one they talk to.
 */
export interface CardTransport extends ApduTransmitter {
  /** What kind of path this is, for the UI and logs: `simulator`, `replay`, `ccid`, … */
  readonly kind: string;
  /** The card's answer to reset as the reader reports it. */
  readonly atr: Uint8Array;
  /** False once the reader or card is gone or the transport was closed. */
  readonly connected: boolean;
  /**
   * Sends one command APDU and resolves with the response APDU bytes. Rejects with
   * `TransportError` (never anything else) when bytes cannot be moved. One call at a time.
   */
  transmit(command: Uint8Array, meta?: { readonly sensitive?: boolean }): Promise<Uint8Array>;
  /** Releases the reader; safe to call more than once. */
  close(): Promise<void>;
  /** Called once if the reader or card goes away; returns an unsubscribe function. */
  onDisconnect(listener: (reason: TransportError) => void): () => void;
}

/**
 * The bookkeeping every transport shares: one transmit at a time, closed and lost states,
 * disconnect listeners. A concrete transport implements `exchange` and `release` only.
 */
export abstract class BaseTransport implements CardTransport {
  abstract readonly kind: string;
  abstract readonly atr: Uint8Array;
  abstract readonly extendedLength: boolean;

  private busy = false;
  private closed = false;
  private lost: TransportError | null = null;
  private readonly listeners = new Set<(reason: TransportError) => void>();

  get connected(): boolean {
    return !this.closed && this.lost === null;
  }

  async transmit(command: Uint8Array, meta?: { readonly sensitive?: boolean }): Promise<Uint8Array> {
    // Why the card went away says more than "closed" (the engine closes a lost transport at once).
    if (this.lost) throw this.lost;
    if (this.closed) throw new TransportError('transport/closed', 'the card connection is closed');
    if (this.busy) throw new TransportError('transport/busy', 'another command is still being exchanged');
    this.busy = true;
    try {
      return await this.exchange(command, meta);
    } catch (error) {
      throw error instanceof TransportError
        ? error
        : new TransportError('transport/protocol', `unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.busy = false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    await this.release();
  }

  onDisconnect(listener: (reason: TransportError) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Marks the reader or card as gone and tells the listeners, once. */
  protected disconnect(reason: TransportError): void {
    if (this.lost || this.closed) return;
    this.lost = reason;
    for (const listener of [...this.listeners]) listener(reason);
    this.listeners.clear();
  }

  /** Moves one command to the card and its response back. */
  protected abstract exchange(command: Uint8Array, meta?: { readonly sensitive?: boolean }): Promise<Uint8Array>;

  /** Frees whatever the transport holds (a USB interface, a socket). */
  protected abstract release(): Promise<void>;
}
