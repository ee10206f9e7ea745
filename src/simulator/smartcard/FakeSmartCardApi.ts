import type {
  SmartCardConnectionLike,
  SmartCardContextLike,
  SmartCardProtocolLike,
  SmartCardReaderStateFlagsLike,
  SmartCardReaderStateInLike,
  SmartCardReaderStateOutLike,
  SmartCardResourceManagerLike,
} from '../../platform/smartCardApi';
import type { SimulatedCard } from '../card/SimulatedCard';

/** WICG web-smart-card `SmartCardError`: a DOMException-like error with a PC/SC `responseCode`. */
class FakeSmartCardError extends Error {
  override readonly name = 'SmartCardError';
  constructor(readonly responseCode: string) {
    super(`SmartCardError: ${responseCode}`);
  }
}

interface FakeReader {
  readonly name: string;
  card: SimulatedCard | null;
  eventCount: number;
}

/**
 * `navigator.smartCard` for tests and the browser-test build: PC/SC readers holding simulated
 * cards, with the API's shapes (WICG web-smart-card): `getStatusChange` waits until a reader
 * differs from what the caller knows (or the timeout/abort), `transmit` fails with
 * `removed-card` once the card is out. Cards are taken out and put back on command.
 */
export class FakeSmartCardApi implements SmartCardResourceManagerLike {
  private readonly readers: FakeReader[] = [];
  private readonly wakers = new Set<() => void>();

  /** Adds a reader, with or without a card in it. */
  addReader(name: string, card: SimulatedCard | null): void {
    this.readers.push({ name, card, eventCount: 0 });
    this.changed();
  }

  /** The reader is unplugged: PC/SC stops knowing it. */
  removeReader(name?: string): void {
    const index = name ? this.readers.findIndex((r) => r.name === name) : this.readers.length - 1;
    const [reader] = index >= 0 ? this.readers.splice(index, 1) : [];
    reader?.card?.reset();
    this.changed();
  }

  /** The card is taken out of the named reader (the last one when unnamed). */
  removeCard(name?: string): void {
    const reader = name ? this.readers.find((r) => r.name === name) : this.readers.at(-1);
    if (!reader) return;
    reader.card?.reset();
    reader.card = null;
    reader.eventCount++;
    this.changed();
  }

  async establishContext(): Promise<SmartCardContextLike> {
    return {
      listReaders: async () => this.readers.map((r) => r.name),
      getStatusChange: (states, options) => this.getStatusChange(states, options),
      connect: async (readerName, _accessMode, options) => this.connect(readerName, options?.preferredProtocols),
    };
  }

  private stateOf(reader: FakeReader): SmartCardReaderStateFlagsLike {
    return reader.card ? { present: true } : { empty: true };
  }

  private async getStatusChange(
    states: SmartCardReaderStateInLike[],
    options: { timeout?: number; signal?: AbortSignal } = {},
  ): Promise<SmartCardReaderStateOutLike[]> {
    const answer = (): SmartCardReaderStateOutLike[] | null => {
      const out = states.map((s) => {
        const reader = this.readers.find((r) => r.name === s.readerName);
        if (!reader) return { readerName: s.readerName, eventState: { unknown: true, changed: true }, eventCount: 0 };
        const now = this.stateOf(reader);
        const differs = s.currentState.unaware === true || Boolean(now.present) !== Boolean(s.currentState.present);
        const atr = reader.card?.atr;
        return {
          readerName: s.readerName,
          eventState: { ...now, changed: differs },
          eventCount: reader.eventCount,
          ...(atr ? { answerToReset: atr.slice().buffer } : {}),
        };
      });
      return out.some((s) => s.eventState.changed) ? out : null;
    };
    const immediate = answer();
    if (immediate) return immediate;
    if (options.timeout === 0) throw new FakeSmartCardError('timeout');
    return new Promise((resolve, reject) => {
      const wake = () => {
        const result = answer();
        if (!result) return;
        this.wakers.delete(wake);
        resolve(result);
      };
      this.wakers.add(wake);
      options.signal?.addEventListener('abort', () => {
        this.wakers.delete(wake);
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  }

  private connect(readerName: string, preferred: SmartCardProtocolLike[] = []): { connection: SmartCardConnectionLike; activeProtocol: SmartCardProtocolLike } {
    const reader = this.readers.find((r) => r.name === readerName);
    if (!reader) throw new FakeSmartCardError('unknown-reader');
    const card = reader.card;
    if (!card) throw new FakeSmartCardError('no-smartcard');
    card.reset();
    // The My Number Card offers T=1 only (docs/card-reference.md §1).
    if (preferred.length > 0 && !preferred.includes('t1')) throw new FakeSmartCardError('proto-mismatch');
    let open = true;
    const connection: SmartCardConnectionLike = {
      transmit: async (sendBuffer) => {
        if (!open) throw new FakeSmartCardError('invalid-handle');
        if (!this.readers.includes(reader)) throw new FakeSmartCardError('reader-unavailable');
        if (reader.card !== card) throw new FakeSmartCardError('removed-card');
        const bytes = sendBuffer instanceof ArrayBuffer ? new Uint8Array(sendBuffer) : new Uint8Array(sendBuffer.buffer, sendBuffer.byteOffset, sendBuffer.byteLength);
        return card.respond(bytes.slice()).slice().buffer;
      },
      status: async () => {
        if (reader.card !== card) throw new FakeSmartCardError('removed-card');
        return { readerName, state: 'specific', answerToReset: card.atr.slice().buffer };
      },
      disconnect: async () => {
        open = false;
      },
    };
    return { connection, activeProtocol: 't1' };
  }

  private changed(): void {
    for (const wake of [...this.wakers]) wake();
  }
}
