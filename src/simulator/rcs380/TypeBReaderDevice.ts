import type { SimulatedCard } from '../card/SimulatedCard';
import { EmulatedUsbDevice } from '../usb/EmulatedUsbDevice';
import { FaultQueue } from '../usb/FaultQueue';
import { BulkInQueue } from './BulkInQueue';
import { TypeBCard, typeBCardProfile, type TypeBCardOptions } from './TypeBCard';

/** What both contactless emulators take beside the card's own options. */
export interface TypeBReaderDeviceOptions extends TypeBCardOptions {
  /** wMaxPacketSize of the bulk pipes; default 64. */
  readonly packetSize?: number;
  /** Start with no card on the reader. */
  readonly noCard?: boolean;
}

/**
 * What the RC-S380 and RC-S300 emulators share: a Type B card (`TypeBCard`, ISO/IEC 14443-3/-4)
 * in front of a `SimulatedCard`, lying on the reader or lifted off, one-shot faults counted over
 * the air (`FaultQueue<F>`), and the bulk pipes' bytes. Each reader says when its field powers
 * the card and what a replug resets in its own model.
 */
export abstract class TypeBReaderDevice<F extends { readonly kind: string }> extends EmulatedUsbDevice {
  readonly card: TypeBCard;
  protected readonly faults = new FaultQueue<F>();
  protected readonly bulkIn: BulkInQueue;
  protected outBytes: number[] = [];
  protected present: boolean;

  protected constructor(
    private simulated: SimulatedCard,
    options: TypeBReaderDeviceOptions,
  ) {
    super();
    this.bulkIn = new BulkInQueue(options.packetSize ?? 64);
    this.present = !options.noCard;
    this.card = new TypeBCard(typeBCardProfile(options), (apdu) => this.simulated.respond(apdu), () => this.simulated.reset());
  }

  /** Whether the reader's RF field is on, powering a card that lies on it. */
  protected abstract get fieldOn(): boolean;

  /** The reader's own state back to power-on, after a replug. */
  protected abstract resetReader(): void;

  /** One-shot faults not used yet (tests check theirs was). */
  get pendingFaults(): readonly F[] {
    return this.faults.pending;
  }

  /** Queues a one-shot fault; faults apply in order. */
  inject(fault: F): void {
    this.faults.inject(fault);
  }

  /** Queues a fault to start once this many more frames have gone over the field (mid-chain faults). */
  injectAfterRfFrames(count: number, fault: F): void {
    this.faults.injectAfter(count, fault);
  }

  /** The card is lifted off the reader: it loses power and its session. */
  removeCard(): void {
    if (this.present && this.fieldOn) this.card.powerDown();
    this.present = false;
  }

  /**
   * A card is put on the reader (powered at once if the field is on): the one lifted off, or
   * `another` (a different holder's card; its Type B front keeps the emulator's ATQB).
   */
  insertCard(another?: SimulatedCard): void {
    if (another) this.simulated = another;
    this.present = true;
    if (this.fieldOn) this.card.powerUp();
  }

  /** Plugged back in: a fresh USB session, and the reader as at power-on. */
  replug(): void {
    this.unplugged = false;
    this.configuration = null;
    this.outBytes = [];
    this.bulkIn.clear();
    this.resetReader();
  }
}
