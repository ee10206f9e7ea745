import { BaseTransport, TransportError } from '../transport';
import type { SimulatedCard } from './card/SimulatedCard';

/** How the simulated reader behaves. */
export interface SimulatorTransportOptions {
  /**
   * Whether the simulated reader passes extended-length APDUs (docs/card-reference.md §3: "reader-dependent";
   * the card itself accepts both). Default true.
   */
  readonly extendedLength?: boolean;
}

/**
 * A `CardTransport` whose reader holds a `SimulatedCard` (architecture: "the chain", house rule 8).
 * The card answers synchronously; the transport adds what a reader adds — the disconnect events
 * of a reader unplugged (`transport/device-lost`) or a card taken out (`transport/card-removed`).
 */
export class SimulatorTransport extends BaseTransport {
  readonly kind = 'simulator';
  readonly extendedLength: boolean;

  constructor(
    private readonly card: SimulatedCard,
    options: SimulatorTransportOptions = {},
  ) {
    super();
    this.extendedLength = options.extendedLength ?? true;
  }

  /** The card's contact ATR, as a contact reader reports it (docs/card-reference.md §1). */
  get atr(): Uint8Array {
    return this.card.atr.slice();
  }

  /** The simulated reader goes away (unplugged): listeners hear `transport/device-lost`. */
  unplug(): void {
    this.disconnect(new TransportError('transport/device-lost', 'the simulated reader was unplugged'));
  }

  /** The card leaves the simulated reader: listeners hear `transport/card-removed`; the card loses its session. */
  removeCard(): void {
    this.card.reset();
    this.disconnect(new TransportError('transport/card-removed', 'the simulated card was removed from the reader'));
  }

  protected async exchange(command: Uint8Array): Promise<Uint8Array> {
    // A reader without extended-length support cannot carry such an APDU at all (ISO 7816-3/CCID).
    if (!this.extendedLength && isExtended(command)) {
      throw new TransportError('transport/protocol', 'this simulated reader does not pass extended-length APDUs', {
        length: command.length,
      });
    }
    // Copy in and out: the caller may wipe a PIN buffer after transmit (house rule 6).
    return this.card.respond(command.slice());
  }

  protected async release(): Promise<void> {
    // A reader released mid-session powers the card down, as PC/SC's SCARD_UNPOWER_CARD does.
    this.card.reset();
  }
}

/** True for the extended encodings of ISO 7816-4 §5.1: a 00 byte at P3 followed by more bytes. */
function isExtended(command: Uint8Array): boolean {
  return command.length > 5 && command[4] === 0x00;
}
