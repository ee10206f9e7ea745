import type {
  UsbConfigurationLike,
  UsbControlTransferParametersLike,
  UsbDeviceLike,
  UsbInTransferResultLike,
  UsbOutTransferResultLike,
} from '../usb/UsbDeviceLike';
import type { SimulatedCard } from './card/SimulatedCard';
import { TypeBReaderDevice, type TypeBReaderDeviceOptions } from './rcs380/TypeBReaderDevice';
import { rcs300Configuration, VENDOR_EP } from './rcs300/descriptors';
import { commandNotSupported, ESCAPE_STATUS_TIME_EXTENSION, escapeReply, readHostMessage } from './rcs300/escapeWire';
import type { FakeRcs300Fault } from './rcs300/faults';
import { TransparentSessionModel } from './rcs300/TransparentSessionModel';

export type { FakeRcs300Fault } from './rcs300/faults';

/** The card's part (FSC, FWI, MBLI, ATQB bytes: `TypeBCardOptions`) and the reader's. */
export interface FakeRcs300DeviceOptions extends TypeBReaderDeviceOptions {
  /** 054C:0DC8 (RC-S300/S, default) or 054C:0DC9 (RC-S300/P). */
  readonly productId?: 0x0dc8 | 0x0dc9;
  /** wMaxPacketSize of the vendor interface's bulk pipes; default 64 (docs/browser-platform.md §3.4). */
  readonly packetSize?: number;
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
export class FakeRcs300Device extends TypeBReaderDevice<FakeRcs300Fault> implements UsbDeviceLike {
  readonly vendorId = 0x054c;
  readonly productId: number;
  readonly productName: string;
  readonly manufacturerName = 'MynaLens simulator';
  readonly serialNumber: string | null;
  protected override readonly interfaceToClaim = 1;
  readonly configurations: readonly UsbConfigurationLike[];
  readonly reader: TransparentSessionModel;
  /** bSeq of every escape message received, for tests. */
  readonly sequenceNumbers: number[] = [];

  constructor(
    simulated: SimulatedCard,
    private readonly options: FakeRcs300DeviceOptions = {},
  ) {
    super(simulated, options);
    this.productId = options.productId ?? 0x0dc8;
    this.productName = `RC-S300/${this.productId === 0x0dc9 ? 'P' : 'S'} (simulated)`;
    this.serialNumber = options.serialNumber ?? null;
    this.configurations = [rcs300Configuration(options.packetSize ?? 64)];
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

  protected get fieldOn(): boolean {
    return this.reader.fieldOn;
  }

  /** The reader starts with no session and the field off. */
  protected resetReader(): void {
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
    // The reader answers once the RF exchange is over: at once, or after a slow card or its timer.
    if (reply.afterMs) setTimeout(() => this.unplugged || this.send(escapeReply(slot, seq, body)), reply.afterMs);
    else this.send(escapeReply(slot, seq, body));
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
