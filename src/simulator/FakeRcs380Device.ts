import type {
  UsbConfigurationLike,
  UsbControlTransferParametersLike,
  UsbDeviceLike,
  UsbInTransferResultLike,
  UsbOutTransferResultLike,
} from '../usb/UsbDeviceLike';
import type { SimulatedCard } from './card/SimulatedCard';
import { BulkInQueue } from './rcs380/BulkInQueue';
import type { FakeRcs380Fault } from './rcs380/faults';
import { Port100ChipModel } from './rcs380/Port100ChipModel';
import { ACK, readHostWrite, responseFrame } from './rcs380/port100Device';
import { TypeBCard, typeBCardProfile, type TypeBCardOptions } from './rcs380/TypeBCard';
import { EmulatedUsbDevice } from './usb/EmulatedUsbDevice';
import { FaultQueue } from './usb/FaultQueue';

export type { FakeRcs380Fault } from './rcs380/faults';

/** The card's part (FSC, FWI, MBLI, ATQB bytes, rate limit: `TypeBCardOptions`) and the reader's. */
export interface FakeRcs380DeviceOptions extends TypeBCardOptions {
  /** 054C:06C1 (RC-S380/S, default) or 054C:06C3 (RC-S380/P). */
  readonly productId?: 0x06c1 | 0x06c3;
  /** wMaxPacketSize of the bulk pipes; default 64. */
  readonly packetSize?: number;
  /** Start with no card on the reader. */
  readonly noCard?: boolean;
  /** The OS (or another program) holds the interface: claiming fails with NetworkError. */
  readonly heldByOs?: boolean;
  readonly serialNumber?: string | null;
}

const BULK_IN = 1;
const BULK_OUT = 2;


/**
 * A `UsbDeviceLike` that answers like a Sony RC-S380 with a My Number Card on it: one vendor-class
 * interface with bulk-IN 0x81 and bulk-OUT 0x02 (the endpoints aruneko/WebUSB-RC-S380 uses), the
 * Port-100 chip (`Port100ChipModel`) answering every command frame with an ACK frame and then its
 * response, and an ISO/IEC 14443 Type B card (`TypeBCard`) with ISO-DEP in front of a
 * `SimulatedCard`. One-shot faults (`inject`), a card put down and lifted, and `unplug()` failing
 * every transfer with NotFoundError as WebUSB does.
 */
export class FakeRcs380Device extends EmulatedUsbDevice implements UsbDeviceLike {
  readonly vendorId = 0x054c;
  readonly productId: number;
  readonly productName: string;
  readonly manufacturerName = 'MynaLens simulator';
  readonly serialNumber: string | null;
  readonly configurations: readonly UsbConfigurationLike[];
  readonly chip: Port100ChipModel;
  readonly card: TypeBCard;
  /** Host ACK frames received (soft reset / cancel), for tests. */
  acksReceived = 0;

  private readonly faults = new FaultQueue<FakeRcs380Fault>();
  private readonly bulkIn: BulkInQueue;
  private outBytes: number[] = [];
  private present: boolean;

  constructor(
    private simulated: SimulatedCard,
    private readonly options: FakeRcs380DeviceOptions = {},
  ) {
    super();
    this.productId = options.productId ?? 0x06c1;
    this.productName = `RC-S380/${this.productId === 0x06c3 ? 'P' : 'S'} (simulated)`;
    this.serialNumber = options.serialNumber ?? null;
    const packetSize = options.packetSize ?? 64;
    this.bulkIn = new BulkInQueue(packetSize);
    this.present = !options.noCard;
    const endpoints = [
      { endpointNumber: BULK_IN, direction: 'in', type: 'bulk', packetSize },
      { endpointNumber: BULK_OUT, direction: 'out', type: 'bulk', packetSize },
    ] as const;
    const alternate = { alternateSetting: 0, interfaceClass: 0xff, interfaceSubclass: 0, interfaceProtocol: 0, interfaceName: null, endpoints };
    this.configurations = [{ configurationValue: 1, configurationName: null, interfaces: [{ interfaceNumber: 0, alternate, alternates: [alternate], claimed: false }] }];
    this.card = new TypeBCard(typeBCardProfile(options), (apdu) => this.simulated.respond(apdu), () => this.simulated.reset());
    const surroundings = { card: this.card, cardInField: () => this.present, take: this.faults.take.bind(this.faults), removeCard: () => this.removeCard(), unplug: () => this.unplug() };
    // Firmware 1.11 (minor, major): a value for the report, not a claim about shipped RC-S380s.
    this.chip = new Port100ChipModel(surroundings, [0x11, 0x01]);
  }

  /** Queues a one-shot fault; faults apply in order. */
  inject(fault: FakeRcs380Fault): void {
    this.faults.inject(fault);
  }

  /** Queues a fault to start once this many more frames have gone over the field (mid-chain faults). */
  injectAfterRfFrames(count: number, fault: FakeRcs380Fault): void {
    this.faults.injectAfter(count, fault);
  }

  /** The card is lifted off the reader: it loses power and its session. */
  removeCard(): void {
    if (this.present && this.chip.powering) this.card.powerDown();
    this.present = false;
  }

  /**
   * A card is put on the reader (powered at once if the field is on): the one lifted off, or
   * `another` (a different holder's card; its Type B front keeps the emulator's ATQB).
   */
  insertCard(another?: SimulatedCard): void {
    if (another) this.simulated = another;
    this.present = true;
    if (this.chip.powering) this.card.powerUp();
  }

  /** Plugged back in: a fresh USB session; the chip starts from its power-on state. */
  replug(): void {
    this.unplugged = false;
    this.configuration = null;
    this.outBytes = [];
    this.bulkIn.clear();
    this.chip.handle([0xd6, 0x06, 0x00]);
  }

  protected claimRefusal(_interfaceNumber: number): DOMException | null {
    return this.options.heldByOs ? new DOMException('Unable to claim interface.', 'NetworkError') : null;
  }

  async controlTransferIn(_setup: UsbControlTransferParametersLike, _length: number): Promise<UsbInTransferResultLike> {
    this.check();
    return { status: 'stall' };
  }

  transferIn(endpointNumber: number, length: number): Promise<UsbInTransferResultLike> {
    try {
      this.check();
      this.requireClaimed();
      if (endpointNumber !== BULK_IN) throw new DOMException('no such endpoint', 'NotFoundError');
    } catch (error) {
      return Promise.reject(error);
    }
    return this.bulkIn.take(length);
  }

  async transferOut(endpointNumber: number, data: Uint8Array<ArrayBuffer>): Promise<UsbOutTransferResultLike> {
    this.check();
    this.requireClaimed();
    if (endpointNumber !== BULK_OUT) throw new DOMException('no such endpoint', 'NotFoundError');
    if (data.length > 0 && this.faults.take('hang-bulk-out')) return new Promise(() => undefined);
    this.outBytes.push(...data);
    for (let write = readHostWrite(this.outBytes); write.type !== 'incomplete'; write = readHostWrite(this.outBytes)) {
      this.outBytes = this.outBytes.slice(write.size);
      if (write.type === 'ack') {
        // An ACK from the host cancels whatever the chip was about to send (port100.c `port100_abort_cmd`).
        this.acksReceived++;
        this.bulkIn.clear();
      } else if (write.type === 'command') {
        const body = write.body;
        // Answer a little later, as a device on the bus does.
        setTimeout(() => this.answer(body), 0);
      }
    }
    return { status: 'ok', bytesWritten: data.length };
  }

  private answer(body: number[]): void {
    if (this.unplugged) return;
    this.bulkIn.send(Uint8Array.from(ACK));
    if (body[1] === 0x04) this.faults.countExchange();
    const reply = this.chip.handle(body);
    if (this.unplugged || 'silent' in reply || this.faults.take('drop-usb-reply')) return;
    const frame = responseFrame(reply.body);
    if (this.faults.take('corrupt-usb-frame')) frame[frame.length - 2] = (frame[frame.length - 2]! + 1) & 0xff;
    // The chip answers once the RF exchange is over: at once, or after a slow card or its timeout.
    if (reply.afterMs) setTimeout(() => this.unplugged || this.bulkIn.send(Uint8Array.from(frame)), reply.afterMs);
    else this.bulkIn.send(Uint8Array.from(frame));
  }

  protected abortPending(error: DOMException): void {
    this.bulkIn.failAll(() => error);
  }

}
