import type {
  UsbConfigurationLike,
  UsbControlTransferParametersLike,
  UsbDeviceLike,
  UsbInTransferResultLike,
  UsbOutTransferResultLike,
} from '../usb/UsbDeviceLike';
import type { SimulatedCard } from './card/SimulatedCard';
import { BulkInQueue } from './rcs380/BulkInQueue';
import { TypeBCard, typeBCardProfile, type TypeBCardOptions } from './rcs380/TypeBCard';
import { rcs300Configuration, VENDOR_EP } from './rcs300/descriptors';
import { commandNotSupported, ESCAPE_STATUS_TIME_EXTENSION, escapeReply, readHostMessage } from './rcs300/escapeWire';
import type { FakeRcs300Fault } from './rcs300/faults';
import { TransparentSessionModel } from './rcs300/TransparentSessionModel';
import { EmulatedUsbDevice } from './usb/EmulatedUsbDevice';
import { FaultQueue } from './usb/FaultQueue';

export type { FakeRcs300Fault } from './rcs300/faults';

/** The card's part (FSC, FWI, MBLI, ATQB bytes: `TypeBCardOptions`) and the reader's. */
export interface FakeRcs300DeviceOptions extends TypeBCardOptions {
  /** 054C:0DC8 (RC-S300/S, default) or 054C:0DC9 (RC-S300/P). */
  readonly productId?: 0x0dc8 | 0x0dc9;
  /** wMaxPacketSize of the vendor interface's bulk pipes; default 64 (docs/browser-platform.md §3.4). */
  readonly packetSize?: number;
  readonly noCard?: boolean;
  /** Another program (Sony's NFC Port Software, another tab) holds interface 1: claiming fails with NetworkError. */
  readonly heldByOs?: boolean;
  /** False: the reader refuses the transmission/reception flags object (6A 81). Default true. */
  readonly flagsSupported?: boolean;
  readonly serialNumber?: string | null;
}


/**
 * A `UsbDeviceLike` that answers like a Sony RC-S300 with a My Number Card on it, through the
 * vendor interface only: interface 0 is CCID class 0B (claiming it fails with SecurityError, as
 * Chrome's protected-class rule does), interface 1 is class FF with bulk EP 2 both ways, taking
 * PC_to_RDR_Escape messages whose pseudo-APDUs `TransparentSessionModel` plays in front of a
 * Type B card (`TypeBCard`, ISO-DEP in `IsoDepCard`) and a `SimulatedCard`. One-shot faults
 * (`inject`, `injectAfterRfFrames`), a card put down and lifted, `unplug()` / `replug()`.
 * EXPERIMENTAL like the driver: the reader's side is our reading of public FeliCa-only facts.
 */
export class FakeRcs300Device extends EmulatedUsbDevice implements UsbDeviceLike {
  readonly vendorId = 0x054c;
  readonly productId: number;
  readonly productName: string;
  readonly manufacturerName = 'MynaLens simulator';
  readonly serialNumber: string | null;
  protected override readonly interfaceToClaim = 1;
  readonly configurations: readonly UsbConfigurationLike[];
  readonly card: TypeBCard;
  readonly reader: TransparentSessionModel;
  /** bSeq of every escape message received, for tests. */
  readonly sequenceNumbers: number[] = [];

  private readonly faults = new FaultQueue<FakeRcs300Fault>();
  private readonly bulkIn: BulkInQueue;
  private outBytes: number[] = [];
  private present: boolean;

  constructor(
    private simulated: SimulatedCard,
    private readonly options: FakeRcs300DeviceOptions = {},
  ) {
    super();
    this.productId = options.productId ?? 0x0dc8;
    this.productName = `RC-S300/${this.productId === 0x0dc9 ? 'P' : 'S'} (simulated)`;
    this.serialNumber = options.serialNumber ?? null;
    const packetSize = options.packetSize ?? 64;
    this.bulkIn = new BulkInQueue(packetSize);
    this.present = !options.noCard;
    this.configurations = [rcs300Configuration(packetSize)];
    this.card = new TypeBCard(
      typeBCardProfile(options),
      (apdu) => this.simulated.respond(apdu),
      () => this.simulated.reset(),
    );
    this.reader = new TransparentSessionModel({
      card: this.card,
      cardInField: () => this.present,
      take: this.faults.take.bind(this.faults),
      removeCard: () => this.removeCard(),
      unplug: () => this.unplug(),
      countRfFrame: () => this.faults.countExchange(),
      flagsSupported: options.flagsSupported ?? true,
      // Made up: the layout of the answer to FF 56 00 00 is not public.
      firmware: [0x01, 0x00],
    });
  }

  /** One-shot faults not used yet (tests check theirs was). */
  get pendingFaults(): readonly FakeRcs300Fault[] {
    return this.faults.pending;
  }

  /** Queues a one-shot fault; faults apply in order. */
  inject(fault: FakeRcs300Fault): void {
    this.faults.inject(fault);
  }

  /** Queues a fault to start once this many more frames have gone over the field (mid-chain faults). */
  injectAfterRfFrames(count: number, fault: FakeRcs300Fault): void {
    this.faults.injectAfter(count, fault);
  }

  /** The card is lifted off the reader: it loses power and its session. */
  removeCard(): void {
    if (this.present && this.reader.fieldOn) this.card.powerDown();
    this.present = false;
  }

  /**
   * A card is put on the reader (powered at once if the field is on): the one lifted off, or
   * `another` (a different holder's card; its Type B front keeps the emulator's ATQB).
   */
  insertCard(another?: SimulatedCard): void {
    if (another) this.simulated = another;
    this.present = true;
    if (this.reader.fieldOn) this.card.powerUp();
  }

  /** Plugged back in: a fresh USB session; the reader starts with no session and the field off. */
  replug(): void {
    this.unplugged = false;
    this.configuration = null;
    this.outBytes = [];
    this.bulkIn.clear();
    this.reader.setField(false);
    this.reader.sessionOpen = false;
    this.reader.protocol = 'none';
  }

  protected claimRefusal(interfaceNumber: number): DOMException | null {
    // Interface 0 is the RC-S300's CCID interface: a plain page may not claim it (WebUSB protected class).
    if (interfaceNumber === 0) return new DOMException('The requested interface implements a protected class.', 'SecurityError');
    return this.options.heldByOs && interfaceNumber === 1 ? new DOMException('Unable to claim interface.', 'NetworkError') : null;
  }

  async controlTransferIn(_setup: UsbControlTransferParametersLike, _length: number): Promise<UsbInTransferResultLike> {
    this.check();
    return { status: 'stall' };
  }

  transferIn(endpointNumber: number, length: number): Promise<UsbInTransferResultLike> {
    try {
      this.check();
      this.requireVendorEndpoint(endpointNumber);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.bulkIn.take(length);
  }

  async transferOut(endpointNumber: number, data: Uint8Array<ArrayBuffer>): Promise<UsbOutTransferResultLike> {
    this.check();
    this.requireVendorEndpoint(endpointNumber);
    this.outBytes.push(...data);
    for (let m = readHostMessage(this.outBytes); m.type === 'message'; m = readHostMessage(this.outBytes)) {
      this.outBytes = this.outBytes.slice(m.size);
      const message = m; // answered a little later, as a device on the bus does
      setTimeout(() => this.answer(message.messageType, message.slot, message.seq, message.data), 0);
    }
    return { status: 'ok', bytesWritten: data.length };
  }

  private answer(messageType: number, slot: number, seq: number, data: number[]): void {
    if (this.unplugged) return;
    this.sequenceNumbers.push(seq);
    if (messageType !== 0x6b) return this.send(commandNotSupported(slot, seq));
    const reply = this.reader.handle(data);
    if (this.unplugged || 'silent' in reply || this.faults.take('drop-usb-reply')) return;
    if (this.faults.take('stale-reply')) this.send(escapeReply(slot, (seq + 255) & 0xff, [0xc0, 0x03, 0x00, 0x90, 0x00, 0x90, 0x00]));
    if (this.faults.take('ccid-time-extension')) this.send(escapeReply(slot, seq, [], ESCAPE_STATUS_TIME_EXTENSION, 0x01));
    // Garbled: the last object claims more bytes than follow (the length byte before SW1 SW2 bumped).
    const body = this.faults.take('garble-usb-reply') ? [...reply.data.slice(0, -2), 0x97, 0x40, 0x90, 0x00] : reply.data;
    this.send(escapeReply(slot, seq, body));
  }

  private send(message: number[]): void {
    this.bulkIn.send(Uint8Array.from(message));
  }

  private requireVendorEndpoint(endpointNumber: number): void {
    this.requireClaimed();
    if (endpointNumber !== VENDOR_EP) throw new DOMException('The specified endpoint is not part of a claimed interface.', 'NotFoundError');
  }

  protected abortPending(error: DOMException): void {
    this.bulkIn.failAll(() => error);
  }

}
