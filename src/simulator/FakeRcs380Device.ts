import type {
  UsbConfigurationLike,
  UsbControlTransferParametersLike,
  UsbDeviceLike,
  UsbInTransferResultLike,
  UsbOutTransferResultLike,
} from '../usb/UsbDeviceLike';
import type { SimulatedCard } from './card/SimulatedCard';
import type { FakeRcs380Fault } from './rcs380/faults';
import { Port100ChipModel } from './rcs380/Port100ChipModel';
import { ACK, readHostWrite, responseFrame } from './rcs380/port100Device';
import { TypeBReaderDevice, type TypeBReaderDeviceOptions } from './rcs380/TypeBReaderDevice';

export type { FakeRcs380Fault } from './rcs380/faults';

/** The card's part (FSC, FWI, MBLI, ATQB bytes, rate limit: `TypeBCardOptions`) and the reader's. */
export interface FakeRcs380DeviceOptions extends TypeBReaderDeviceOptions {
  /** 054C:06C1 (RC-S380/S, default) or 054C:06C3 (RC-S380/P). */
  readonly productId?: 0x06c1 | 0x06c3;
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
export class FakeRcs380Device extends TypeBReaderDevice<FakeRcs380Fault> implements UsbDeviceLike {
  readonly vendorId = 0x054c;
  readonly productId: number;
  readonly productName: string;
  readonly manufacturerName = 'MynaLens simulator';
  readonly serialNumber: string | null;
  readonly configurations: readonly UsbConfigurationLike[];
  readonly chip: Port100ChipModel;
  /** Host ACK frames received (soft reset / cancel), for tests. */
  acksReceived = 0;

  constructor(
    simulated: SimulatedCard,
    private readonly options: FakeRcs380DeviceOptions = {},
  ) {
    super(simulated, options);
    this.productId = options.productId ?? 0x06c1;
    this.productName = `RC-S380/${this.productId === 0x06c3 ? 'P' : 'S'} (simulated)`;
    this.serialNumber = options.serialNumber ?? null;
    const packetSize = options.packetSize ?? 64;
    const endpoints = [
      { endpointNumber: BULK_IN, direction: 'in', type: 'bulk', packetSize },
      { endpointNumber: BULK_OUT, direction: 'out', type: 'bulk', packetSize },
    ] as const;
    const alternate = { alternateSetting: 0, interfaceClass: 0xff, interfaceSubclass: 0, interfaceProtocol: 0, interfaceName: null, endpoints };
    this.configurations = [{ configurationValue: 1, configurationName: null, interfaces: [{ interfaceNumber: 0, alternate, alternates: [alternate], claimed: false }] }];
    const surroundings = { card: this.card, cardInField: () => this.present, take: this.faults.take.bind(this.faults), removeCard: () => this.removeCard(), unplug: () => this.unplug() };
    // Firmware 1.11 (minor, major): a value for the report, not a claim about shipped RC-S380s.
    this.chip = new Port100ChipModel(surroundings, [0x11, 0x01]);
  }

  protected get fieldOn(): boolean {
    return this.chip.powering;
  }

  /** The chip starts from its power-on state. */
  protected resetReader(): void {
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
