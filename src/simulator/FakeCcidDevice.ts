import { concatBytes } from '../bytes';
import type {
  UsbConfigurationLike,
  UsbControlTransferParametersLike,
  UsbDeviceLike,
  UsbDirectionLike,
  UsbInTransferResultLike,
  UsbOutTransferResultLike,
} from '../usb/UsbDeviceLike';
import type { SimulatedCard } from './card/SimulatedCard';
import {
  decodePcToRdr,
  encodeDataBlock,
  encodeNotifySlotChange,
  encodeParametersReply,
  encodeSlotStatus,
  pcToRdrMessageLength,
  type RdrToPcHeader,
} from './ccid/ccidWire';
import { T1Card } from './ccid/T1Card';

/** Which reader the fake pretends to be. */
export type FakeCcidPersonality = 'scr3310' | 'extended-apdu';

export interface FakeCcidDeviceOptions {
  readonly personality: FakeCcidPersonality;
  /** dwFeatures override (e.g. to drop "automatic parameters from ATR"). */
  readonly features?: number;
  /** Time-extension replies sent before each XfrBlock answer. */
  readonly timeExtensions?: number;
  /** Send a reply with the previous bSeq before each real one (a late answer the host must drop). */
  readonly staleReplies?: boolean;
}

const le32 = (v: number): number[] => [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff];

/** CCID 1.1 Table 5.1-1, by hand: 54 bytes. */
function classDescriptor(features: number, maxMessageLength: number): number[] {
  return [
    0x36, 0x21, 0x10, 0x01, 0x00, 0x07, // bLength, type, bcdCCID 1.10, bMaxSlotIndex, voltages
    ...le32(0x03), ...le32(4000), ...le32(4000), 0x00, // T=0+T=1, clocks kHz, bNumClockSupported
    ...le32(9600), ...le32(307200), 0x00, // data rates, bNumDataRatesSupported
    ...le32(254), ...le32(0), ...le32(0), // dwMaxIFSD, synch protocols, mechanical
    ...le32(features), ...le32(maxMessageLength),
    0x00, 0x00, 0x00, 0x00, 0x00, 0x01, // GetResponse, Envelope, wLcdLayout, bPINSupport, bMaxCCIDBusySlots
  ];
}

interface Personality {
  readonly interfaceClass: number;
  readonly features: number;
  readonly maxMessageLength: number;
  readonly packetSize: number;
  readonly vendorId: number;
  readonly productId: number;
  readonly productName: string;
}

const PERSONALITIES: Record<FakeCcidPersonality, Personality> = {
  // SCR3310-NTTCom in manner: vendor class, TPDU level, auto parameters from ATR, 271-byte messages.
  scr3310: { interfaceClass: 0xff, features: 0x000100ba, maxMessageLength: 271, packetSize: 64, vendorId: 0x04e6, productId: 0x511a, productName: 'SCR3310-NTTCom (simulated)' },
  // A class 0x0B reader at extended APDU level.
  'extended-apdu': { interfaceClass: 0x0b, features: 0x000404fe, maxMessageLength: 65546 + 246, packetSize: 64, vendorId: 0x1209, productId: 0x0001, productName: 'Extended-APDU CCID (simulated)' },
};

const BULK_IN = 1;
const BULK_OUT = 2;
const INTERRUPT_IN = 3;

function configurationDescriptor(p: Personality, features: number): Uint8Array {
  const body = [
    0x09, 0x04, 0x00, 0x00, 0x03, p.interfaceClass, 0x00, 0x00, 0x00,
    ...classDescriptor(features, p.maxMessageLength),
    0x07, 0x05, 0x80 | BULK_IN, 0x02, p.packetSize & 0xff, p.packetSize >> 8, 0x00,
    0x07, 0x05, BULK_OUT, 0x02, p.packetSize & 0xff, p.packetSize >> 8, 0x00,
    0x07, 0x05, 0x80 | INTERRUPT_IN, 0x03, 0x08, 0x00, 0x10,
  ];
  const total = 9 + body.length;
  return Uint8Array.of(0x09, 0x02, total & 0xff, total >> 8, 0x01, 0x01, 0x00, 0x80, 0x32, ...body);
}

interface Waiter {
  readonly length: number;
  readonly resolve: (r: UsbInTransferResultLike) => void;
  readonly reject: (e: unknown) => void;
}

/**
 * A `UsbDeviceLike` that answers like a USB CCID reader holding a `SimulatedCard` (one slot):
 * hand-written descriptors, bulk-IN replies split into wMaxPacketSize packets, NotifySlotChange on
 * the interrupt pipe, and `unplug()` that fails every transfer with NotFoundError as WebUSB does.
 */
export class FakeCcidDevice implements UsbDeviceLike {
  readonly vendorId: number;
  readonly productId: number;
  readonly productName: string;
  readonly manufacturerName = 'MynaLens simulator';
  readonly serialNumber = null;
  opened = false;
  configuration: UsbConfigurationLike | null = null;
  readonly configurations: readonly UsbConfigurationLike[] = [];
  /** Every PC_to_RDR bMessageType received, in order (for tests). */
  readonly received: number[] = [];

  private readonly personality: Personality;
  private readonly descriptor: Uint8Array;
  private readonly t1: T1Card;
  private claimed = false;
  private unplugged = false;
  private present = true;
  private powered = false;
  private outBuffer: Uint8Array = new Uint8Array(0);
  private readonly bulkPackets: Uint8Array[] = [];
  private readonly interruptPackets: Uint8Array[] = [];
  private readonly waiters = new Map<number, Waiter[]>([
    [BULK_IN, []],
    [INTERRUPT_IN, []],
  ]);

  constructor(
    private readonly card: SimulatedCard,
    private readonly options: FakeCcidDeviceOptions,
  ) {
    this.personality = PERSONALITIES[options.personality];
    this.vendorId = this.personality.vendorId;
    this.productId = this.personality.productId;
    this.productName = this.personality.productName;
    this.descriptor = configurationDescriptor(this.personality, options.features ?? this.personality.features);
    this.t1 = new T1Card((apdu) => this.card.respond(apdu));
  }

  /** The reader goes away: pending and later transfers reject with NotFoundError. */
  unplug(): void {
    this.unplugged = true;
    this.opened = false;
    for (const list of this.waiters.values()) {
      for (const w of list.splice(0)) w.reject(new DOMException('The device was disconnected.', 'NotFoundError'));
    }
  }

  /** The card is taken out: the card loses its session and the interrupt pipe says so. */
  removeCard(): void {
    this.present = false;
    this.powered = false;
    this.card.reset();
    this.queue(this.interruptPackets, INTERRUPT_IN, encodeNotifySlotChange(false));
  }

  async open(): Promise<void> {
    this.check();
    this.opened = true;
  }

  async close(): Promise<void> {
    this.opened = false;
  }

  async selectConfiguration(configurationValue: number): Promise<void> {
    this.check();
    if (configurationValue !== 1) throw new DOMException('no such configuration', 'NotFoundError');
    this.configuration = { configurationValue: 1, interfaces: [] };
  }

  async claimInterface(interfaceNumber: number): Promise<void> {
    this.check();
    if (interfaceNumber !== 0 || !this.configuration) throw new DOMException('cannot claim', 'InvalidStateError');
    this.claimed = true;
  }

  async releaseInterface(): Promise<void> {
    this.check();
    this.claimed = false;
    for (const list of this.waiters.values()) {
      for (const w of list.splice(0)) w.reject(new DOMException('The transfer was cancelled.', 'AbortError'));
    }
  }

  async controlTransferIn(setup: UsbControlTransferParametersLike, length: number): Promise<UsbInTransferResultLike> {
    this.check();
    if (setup.requestType === 'standard' && setup.request === 0x06 && setup.value === 0x0200) {
      return { status: 'ok', data: view(this.descriptor.slice(0, length)) };
    }
    return { status: 'stall' };
  }

  transferIn(endpointNumber: number, length: number): Promise<UsbInTransferResultLike> {
    try {
      this.check();
      this.requireClaimed();
    } catch (error) {
      return Promise.reject(error);
    }
    const source = endpointNumber === BULK_IN ? this.bulkPackets : endpointNumber === INTERRUPT_IN ? this.interruptPackets : null;
    if (!source) return Promise.reject(new DOMException('no such endpoint', 'NotFoundError'));
    return new Promise((resolve, reject) => {
      this.waiters.get(endpointNumber)!.push({ length, resolve, reject });
      this.pump(source, endpointNumber);
    });
  }

  async transferOut(endpointNumber: number, data: Uint8Array<ArrayBuffer>): Promise<UsbOutTransferResultLike> {
    this.check();
    this.requireClaimed();
    if (endpointNumber !== BULK_OUT) throw new DOMException('no such endpoint', 'NotFoundError');
    this.outBuffer = concatBytes(this.outBuffer, data);
    for (let n = pcToRdrMessageLength(this.outBuffer); n !== null; n = pcToRdrMessageLength(this.outBuffer)) {
      const message = this.outBuffer.slice(0, n);
      this.outBuffer = this.outBuffer.slice(n);
      // Answer a little later, as a reader on the bus does.
      setTimeout(() => {
        if (!this.unplugged) this.answer(message);
      }, 0);
    }
    return { status: 'ok', bytesWritten: data.length };
  }

  async clearHalt(_direction: UsbDirectionLike, _endpointNumber: number): Promise<void> {
    this.check();
  }

  private check(): void {
    if (this.unplugged) throw new DOMException('The device was disconnected.', 'NotFoundError');
  }

  private requireClaimed(): void {
    if (!this.claimed) throw new DOMException('The interface is not claimed.', 'InvalidStateError');
  }

  private queue(packets: Uint8Array[], endpoint: number, message: Uint8Array): void {
    const size = endpoint === BULK_IN ? this.personality.packetSize : 8;
    for (let i = 0; i < message.length; i += size) packets.push(message.slice(i, i + size));
    // A message of a whole number of packets ends with a zero-length packet (USB 2.0 §5.8.3).
    if (message.length % size === 0) packets.push(new Uint8Array(0));
    this.pump(packets, endpoint);
  }

  private pump(packets: Uint8Array[], endpoint: number): void {
    const waiters = this.waiters.get(endpoint)!;
    while (waiters.length > 0 && packets.length > 0) {
      const waiter = waiters.shift()!;
      const packet = packets.shift()!;
      if (packet.length > waiter.length) {
        waiter.resolve({ status: 'babble', data: view(packet.slice(0, waiter.length)) });
      } else {
        waiter.resolve({ status: 'ok', data: view(packet) });
      }
    }
  }

  private reply(message: Uint8Array): void {
    this.queue(this.bulkPackets, BULK_IN, message);
  }

  private answer(bytes: Uint8Array): void {
    const m = decodePcToRdr(bytes);
    this.received.push(m.messageType);
    const icc = !this.present ? 'absent' : this.powered ? 'active' : 'inactive';
    const h: RdrToPcHeader = { slot: m.slot, seq: m.seq, icc };
    const failed = (error: number): RdrToPcHeader => ({ ...h, command: 'failed', error });
    if (m.slot !== 0) return this.reply(encodeSlotStatus({ ...failed(5), icc: 'absent' }));
    switch (m.messageType) {
      case 0x62: // IccPowerOn
        if (!this.present) return this.reply(encodeDataBlock(failed(0xfe), new Uint8Array(0)));
        this.card.reset();
        this.t1.reset();
        this.powered = true;
        return this.reply(encodeDataBlock({ ...h, icc: 'active' }, this.card.atr));
      case 0x63: // IccPowerOff
        this.card.reset();
        this.powered = false;
        return this.reply(encodeSlotStatus({ ...h, icc: this.present ? 'inactive' : 'absent' }, 0x01));
      case 0x65: // GetSlotStatus
        return this.reply(encodeSlotStatus(h));
      case 0x61: // SetParameters
        if (!this.powered) return this.reply(encodeParametersReply(failed(0xfe), m.specific[0], new Uint8Array(0)));
        return this.reply(encodeParametersReply(h, m.specific[0], m.data));
      case 0x6f: {
        // XfrBlock
        if (!this.powered) return this.reply(encodeDataBlock(failed(0xfe), new Uint8Array(0)));
        for (let i = 0; i < (this.options.timeExtensions ?? 0); i++) this.reply(encodeDataBlock({ ...h, command: 'time-extension', error: 1 }, new Uint8Array(0)));
        if (this.options.staleReplies) this.reply(encodeDataBlock({ ...h, seq: (m.seq + 255) & 0xff }, Uint8Array.of(0x6f, 0x00)));
        const data = this.options.personality === 'scr3310' ? this.t1.handle(m.data) : this.card.respond(m.data);
        return this.reply(encodeDataBlock(h, data));
      }
      default:
        return this.reply(encodeSlotStatus(failed(0x00)));
    }
  }
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
