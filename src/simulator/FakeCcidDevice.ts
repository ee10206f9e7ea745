import { concatBytes } from '../bytes';
import type {
  UsbConfigurationLike,
  UsbControlTransferParametersLike,
  UsbDeviceLike,
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
  type PcToRdrMessage,
  type RdrToPcHeader,
} from './ccid/ccidWire';
import type { FakeCcidFault } from './ccid/faults';
import type { FakeContactCard } from './ccid/cardPersonalities';
import { PERSONALITIES, type FakeCcidPersonality, type Personality } from './ccid/personalities';
import { BULK_IN, BULK_OUT, configurationDescriptor, INTERRUPT_IN, INTERRUPT_PACKET_SIZE, parsedConfiguration } from './ccid/readerDescriptors';
import { SlotCard } from './ccid/SlotCard';
import type { ContactLink } from './ccid/contactAirTime';
import { EmulatedUsbDevice } from './usb/EmulatedUsbDevice';
import { FaultQueue } from './usb/FaultQueue';
import { InEndpoints, view } from './usb/InEndpoints';

export type { FakeCcidPersonality } from './ccid/personalities';
export type { FakeCcidFault } from './ccid/faults';
export type { FakeContactCard } from './ccid/cardPersonalities';

export interface FakeCcidDeviceOptions {
  readonly personality: FakeCcidPersonality;
  /** dwFeatures override (e.g. to drop "automatic parameters from ATR"). */
  readonly features?: number;
  /** wMaxPacketSize of the bulk pipes (small packets: 8, 16). */
  readonly packetSize?: number;
  /** Time-extension replies sent before each XfrBlock answer. */
  readonly timeExtensions?: number;
  /** Send a reply with the previous bSeq before each real one (a late answer the host must drop). */
  readonly staleReplies?: boolean;
  /** Behave as Chrome does in a plain page: claiming a class-0x0B interface fails with SecurityError. */
  readonly protectedClassBlocked?: boolean | (() => boolean);
  /** The OS smart-card service already holds the interface: claiming fails with NetworkError. */
  readonly heldByOs?: boolean;
  /** Start with the slot empty. */
  readonly noCard?: boolean;
  /** WebUSB `serialNumber`. */
  readonly serialNumber?: string | null;
  /** The contact card in the slot (cardPersonalities.ts); default the reader's, else the My Number Card's own ATR. */
  readonly card?: FakeContactCard;
  /**
   * The ATR a contactless reader personality (the RC-S300's CCID interface) reports for its card:
   * a contactless card personality's PC/SC ATR (cardPersonalities.ts). Default the personality's own.
   */
  readonly contactlessAtr?: Uint8Array;
  /** bPowerSelect classes the card answers at (CCID 1.1 §6.1.1: '5V', '3V', '1.8V'); default all. */
  readonly cardVoltages?: readonly ('5V' | '3V' | '1.8V')[];
  /** Every reply comes this many milliseconds after its command (a slow card). */
  readonly replyDelayMs?: number;
}

/**
 * A `UsbDeviceLike` that answers like a USB CCID reader holding a `SimulatedCard`: hand-written
 * descriptors for several reader personalities (readerDescriptors.ts; libccid's published ones byte
 * for byte where they exist), the card's side of the start-up and of each XfrBlock (SlotCard.ts:
 * bPowerSelect classes, PPS, the protocol in force — docs/browser-platform.md §4.11 — T=1 blocks,
 * extended APDU answers chained by bChainParameter, CCID 1.1 §6.1.4, §6.2.1), bulk-IN replies split
 * into wMaxPacketSize packets (InEndpoints.ts), NotifySlotChange on the interrupt pipe, Chrome's
 * protected-class rule and an OS driver holding the interface on request, one-shot faults, and
 * `unplug()` that fails every transfer with NotFoundError as WebUSB does.
 */
export class FakeCcidDevice extends EmulatedUsbDevice implements UsbDeviceLike {
  readonly vendorId: number;
  readonly productId: number;
  readonly productName: string;
  readonly manufacturerName = 'MynaLens simulator';
  readonly serialNumber: string | null;
  readonly configurations: readonly UsbConfigurationLike[];
  /** Every PC_to_RDR bMessageType received, in order (for tests). */
  readonly received: number[] = [];
  /** Every XfrBlock payload the card side saw, in order (for tests). */
  readonly xfrPayloads: Uint8Array[];
  /** Every PPS request the card agreed to (for tests). */
  readonly ppsRequests: Uint8Array[];
  /** Every bPowerSelect of an IccPowerOn, in order (for tests). */
  readonly powerSelects: number[] = [];

  private readonly personality: Personality;
  private readonly descriptor: Uint8Array;
  private readonly faults = new FaultQueue<FakeCcidFault>();
  private readonly slotCard: SlotCard;
  private readonly endpoints: InEndpoints;
  private outBuffer: Uint8Array = new Uint8Array(0);

  constructor(
    card: SimulatedCard,
    private readonly options: FakeCcidDeviceOptions,
  ) {
    super();
    this.personality = PERSONALITIES[options.personality];
    const packetSize = options.packetSize ?? this.personality.packetSize;
    const features = options.features ?? this.personality.features;
    this.vendorId = this.personality.vendorId;
    this.productId = this.personality.productId;
    this.productName = this.personality.productName;
    this.serialNumber = options.serialNumber ?? null;
    this.descriptor = configurationDescriptor(this.personality, features, packetSize);
    this.configurations = [parsedConfiguration(this.personality, packetSize)];
    this.endpoints = new InEndpoints(new Map([[BULK_IN, packetSize], [INTERRUPT_IN, INTERRUPT_PACKET_SIZE]]));
    const setup = {
      personality: this.personality,
      features,
      contactCard: options.card ?? this.personality.defaultCard ?? null,
      contactlessAtr: options.contactlessAtr,
      cardVoltages: options.cardVoltages,
    };
    this.slotCard = new SlotCard(card, setup, this.faults, !options.noCard);
    this.xfrPayloads = this.slotCard.xfrPayloads;
    this.ppsRequests = this.slotCard.ppsRequests;
  }

  /** The contact link-time model (ccid/contactAirTime.ts); null for a contactless reader's or QEMU's card. */
  get contactLink(): ContactLink | null {
    return this.slotCard.contactLink;
  }

  /** Queues a one-shot fault; faults apply in order. */
  inject(fault: FakeCcidFault): void {
    this.faults.inject(fault);
  }

  /** Queues a fault to start after this many more XfrBlocks have been answered (mid-scan faults). */
  injectAfterXfrBlocks(count: number, fault: FakeCcidFault): void {
    this.faults.injectAfter(count, fault);
  }

  /** Plugged back in: a fresh USB session, the card (if present) unpowered. */
  replug(): void {
    this.unplugged = false;
    this.configuration = null;
    this.outBuffer = new Uint8Array(0);
    this.endpoints.clear();
    this.slotCard.reset();
  }

  /** The card is taken out: the card loses its session and the interrupt pipe says so. */
  removeCard(): void {
    this.slotCard.present = false;
    this.slotCard.reset();
    this.endpoints.send(INTERRUPT_IN, encodeNotifySlotChange(false, this.personality.cardSlot));
  }

  /** A card is put in: the one taken out, or `another` (a different holder's card). */
  insertCard(another?: SimulatedCard): void {
    if (another) this.slotCard.card = another;
    this.slotCard.present = true;
    this.endpoints.send(INTERRUPT_IN, encodeNotifySlotChange(true, this.personality.cardSlot));
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
    if (!this.endpoints.has(endpointNumber)) return Promise.reject(new DOMException('no such endpoint', 'NotFoundError'));
    if (endpointNumber === BULK_IN && this.faults.take('stall')) return Promise.resolve({ status: 'stall' });
    return this.endpoints.read(endpointNumber, length);
  }

  async transferOut(endpointNumber: number, data: Uint8Array<ArrayBuffer>): Promise<UsbOutTransferResultLike> {
    this.check();
    this.requireClaimed();
    if (endpointNumber !== BULK_OUT) throw new DOMException('no such endpoint', 'NotFoundError');
    // The reader NAKs the transfer for ever: WebUSB's promise never settles.
    if (this.faults.take('stuck-bulk-out')) return new Promise(() => undefined);
    if (this.faults.take('stall-bulk-out')) return { status: 'stall', bytesWritten: 0 };
    this.outBuffer = concatBytes(this.outBuffer, data);
    for (let n = pcToRdrMessageLength(this.outBuffer); n !== null; n = pcToRdrMessageLength(this.outBuffer)) {
      const message = this.outBuffer.slice(0, n);
      this.outBuffer = this.outBuffer.slice(n);
      // Answer a little later, as a reader on the bus does.
      setTimeout(() => {
        if (!this.unplugged) this.answer(message);
      }, this.options.replyDelayMs ?? 0);
    }
    return { status: 'ok', bytesWritten: data.length };
  }

  protected claimRefusal(_interfaceNumber: number): DOMException | null {
    const blocked = this.options.protectedClassBlocked;
    if ((typeof blocked === 'function' ? blocked() : blocked) && this.personality.interfaceClass === 0x0b) {
      // Chromium usb_device.cc, kProtectedClass.
      return new DOMException('The requested interface implements a protected class.', 'SecurityError');
    }
    return this.options.heldByOs ? new DOMException('Unable to claim interface.', 'NetworkError') : null;
  }

  protected abortPending(error: DOMException): void {
    this.endpoints.abort(error);
  }

  private reply(message: Uint8Array): void {
    if (this.faults.take('oversize-packet')) {
      // More than any transferIn asks for: WebUSB reports babble.
      return this.endpoints.sendPacket(BULK_IN, concatBytes(message, new Uint8Array(64 * 1024)));
    }
    if (this.faults.take('truncated-reply')) {
      // The header promises dwLength bytes; only half arrive, then a short packet ends the transfer.
      return this.endpoints.sendPacket(BULK_IN, message.slice(0, Math.max(10, message.length >> 1)));
    }
    this.endpoints.send(BULK_IN, message);
  }

  private answer(bytes: Uint8Array): void {
    const m = decodePcToRdr(bytes);
    this.received.push(m.messageType);
    if (m.messageType === 0x62) this.powerSelects.push(m.specific[0]);
    const slotCard = this.slotCard;
    const slotHasCard = m.slot === this.personality.cardSlot;
    const icc = !slotCard.present || !slotHasCard ? 'absent' : slotCard.powered ? 'active' : 'inactive';
    const h: RdrToPcHeader = { slot: m.slot, seq: m.seq, icc };
    const failed = (error: number): RdrToPcHeader => ({ ...h, command: 'failed', error });
    // CCID 1.1 §6.2.6: bError 5 = bad bSlot.
    if (m.slot > this.personality.maxSlotIndex) return this.reply(encodeSlotStatus({ ...failed(5), icc: 'absent' }));
    switch (m.messageType) {
      case 0x62: {
        // IccPowerOn
        if (icc === 'absent') return this.reply(encodeDataBlock(failed(0xfe), new Uint8Array(0)));
        const refusal = slotCard.powerSelectRefusal(m.specific[0]);
        if (refusal !== null) return this.reply(encodeDataBlock({ ...failed(refusal), icc: 'inactive' }, new Uint8Array(0)));
        return this.reply(encodeDataBlock({ ...h, icc: 'active' }, slotCard.powerOn()));
      }
      case 0x63: // IccPowerOff
        if (slotHasCard) slotCard.reset();
        return this.reply(encodeSlotStatus({ ...h, icc: icc === 'absent' ? 'absent' : 'inactive' }, 0x01));
      case 0x65: // GetSlotStatus
        return this.reply(encodeSlotStatus(h));
      case 0x61: {
        // SetParameters
        if (icc !== 'active') return this.reply(encodeParametersReply(failed(0xfe), m.specific[0], new Uint8Array(0)));
        const protocol = m.specific[0];
        // CCID 1.1 §6.2.6: a protocol the reader does not list is refused, bError 7 pointing at bProtocolNum.
        if ((protocol !== 0 && protocol !== 1) || (this.personality.protocols & (1 << protocol)) === 0) {
          return this.reply(encodeParametersReply(failed(7), protocol, new Uint8Array(0)));
        }
        slotCard.setProtocol(protocol, m.data[0] ?? 0x11);
        if (this.personality.qemuQuirks) {
          // QEMU 7.2: dwLength 0, the structure sent anyway.
          const reply = encodeParametersReply(h, protocol, m.data);
          reply.fill(0, 1, 5);
          return this.reply(reply);
        }
        return this.reply(encodeParametersReply(h, protocol, m.data));
      }
      case 0x6f: // XfrBlock
        if (icc !== 'active') return this.reply(encodeDataBlock(failed(0xfe), new Uint8Array(0)));
        return this.xfrBlock(m, h);
      default:
        // bError 0: command not supported.
        return this.reply(encodeSlotStatus(failed(0x00)));
    }
  }

  /** One XfrBlock: the reader-side faults and options first, then the card's answer. */
  private xfrBlock(m: PcToRdrMessage, h: RdrToPcHeader): void {
    this.faults.countExchange();
    if (this.faults.take('endless-time-extension')) {
      const tick = () => {
        if (this.unplugged || !this.claimed) return;
        this.reply(encodeDataBlock({ ...h, command: 'time-extension', error: 1 }, new Uint8Array(0)));
        setTimeout(tick, 5);
      };
      return tick();
    }
    if (this.faults.take('remove-card-during-command')) {
      // The reader fails the command under way (ICC_MUTE, slot now empty) and notifies the change.
      this.removeCard();
      return this.reply(encodeDataBlock({ ...h, icc: 'absent', command: 'failed', error: 0xfe }, new Uint8Array(0)));
    }
    if (this.faults.take('unplug-during-command')) return this.unplug();
    for (let i = 0; i < (this.options.timeExtensions ?? 0); i++) this.reply(encodeDataBlock({ ...h, command: 'time-extension', error: 1 }, new Uint8Array(0)));
    if (this.options.staleReplies) this.reply(encodeDataBlock({ ...h, seq: (m.seq + 255) & 0xff }, Uint8Array.of(0x6f, 0x00)));
    if (this.faults.take('wrong-seq')) return this.reply(encodeDataBlock({ ...h, seq: (m.seq + 1) & 0xff }, Uint8Array.of(0x90, 0x00)));
    const answer = this.slotCard.answer(m);
    if (this.faults.take('drop-reply')) return;
    this.reply(answer);
  }
}
