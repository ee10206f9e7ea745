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
import { CONTACT_CARD_ATRS, type FakeContactCard } from './ccid/cardPersonalities';
import { PERSONALITIES, type FakeCcidPersonality, type Personality } from './ccid/personalities';
import type { PublishedDescriptor } from './ccid/personality';
import { parseAtr, type Atr } from '../usb/atr';
import { T1Card } from './ccid/T1Card';
import { ContactLink } from './ccid/contactAirTime';
import { EmulatedUsbDevice } from './usb/EmulatedUsbDevice';
import { FaultQueue } from './usb/FaultQueue';

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

const le32 = (v: number): number[] => [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff];

/** Descriptor fields of the generic personalities that have no published dump: CCID 1.1, 4 MHz, 9600..307 200 bit/s. */
const GENERIC: PublishedDescriptor = {
  bcdCcid: 0x0110, voltageSupport: 0x07, defaultClock: 4000, maximumClock: 4000, numClockSupported: 0,
  dataRate: 9600, maxDataRate: 307200, numDataRatesSupported: 0, maxIfsd: 254, synchProtocols: 0, mechanical: 0,
  classGetResponse: 0xff, classEnvelope: 0xff, lcdLayout: 0, pinSupport: 0, maxBusySlots: 1,
};

/** CCID 1.1 Table 5.1-1, by hand: 54 bytes, field by field as the personality publishes them. */
function classDescriptor(p: Personality, features: number): number[] {
  const d = { ...GENERIC, ...p.published };
  return [
    0x36, 0x21, d.bcdCcid & 0xff, d.bcdCcid >> 8, p.maxSlotIndex, d.voltageSupport, // bLength, type, bcdCCID, bMaxSlotIndex, bVoltageSupport
    ...le32(p.protocols), ...le32(d.defaultClock), ...le32(d.maximumClock), d.numClockSupported, // dwProtocols, clocks kHz
    ...le32(d.dataRate), ...le32(d.maxDataRate), d.numDataRatesSupported, // data rates bit/s
    ...le32(d.maxIfsd), ...le32(d.synchProtocols), ...le32(d.mechanical),
    ...le32(features), ...le32(p.maxMessageLength),
    d.classGetResponse, d.classEnvelope, d.lcdLayout & 0xff, d.lcdLayout >> 8, d.pinSupport, d.maxBusySlots,
  ];
}

const BULK_IN = 1;
const BULK_OUT = 2;
const INTERRUPT_IN = 3;

/** USB 2.0 §9.6.3–§9.6.6, by hand: configuration, one interface, the CCID descriptor, three endpoints. */
function configurationDescriptor(p: Personality, features: number, packetSize: number): Uint8Array {
  const body = [
    0x09, 0x04, 0x00, 0x00, 0x03, p.interfaceClass, 0x00, 0x00, 0x00,
    ...classDescriptor(p, features),
    0x07, 0x05, 0x80 | BULK_IN, 0x02, packetSize & 0xff, packetSize >> 8, 0x00,
    0x07, 0x05, BULK_OUT, 0x02, packetSize & 0xff, packetSize >> 8, 0x00,
    0x07, 0x05, 0x80 | INTERRUPT_IN, 0x03, 0x08, 0x00, 0x10,
  ];
  const total = 9 + body.length;
  return Uint8Array.of(0x09, 0x02, total & 0xff, total >> 8, 0x01, 0x01, 0x00, 0x80, 0x32, ...body);
}

/** What WebUSB shows of the same configuration before the device is opened. */
function parsedConfiguration(p: Personality, packetSize: number): UsbConfigurationLike {
  const alternate = {
    alternateSetting: 0,
    interfaceClass: p.interfaceClass,
    interfaceSubclass: 0,
    interfaceProtocol: 0,
    interfaceName: null,
    endpoints: [
      { endpointNumber: BULK_IN, direction: 'in', type: 'bulk', packetSize },
      { endpointNumber: BULK_OUT, direction: 'out', type: 'bulk', packetSize },
      { endpointNumber: INTERRUPT_IN, direction: 'in', type: 'interrupt', packetSize: 8 },
    ],
  } as const;
  return { configurationValue: 1, configurationName: null, interfaces: [{ interfaceNumber: 0, alternate, alternates: [alternate], claimed: false }] };
}

interface Waiter {
  readonly length: number;
  readonly resolve: (r: UsbInTransferResultLike) => void;
  readonly reject: (e: unknown) => void;
}


/**
 * A `UsbDeviceLike` that answers like a USB CCID reader holding a `SimulatedCard`: hand-written
 * descriptors for several reader personalities (libccid's published ones byte for byte where they
 * exist), contact card personalities by ATR, the card's side of the start-up — bPowerSelect classes,
 * PPS, the protocol SetParameters or the reader's own negotiation leaves in force (docs/browser-platform.md §4.11) — bulk-IN replies split into wMaxPacketSize packets,
 * extended APDU answers chained by bChainParameter (CCID 1.1 §6.1.4, §6.2.1), NotifySlotChange on
 * the interrupt pipe, Chrome's protected-class rule and an OS driver holding the interface on
 * request, one-shot faults, and `unplug()` that fails every transfer with NotFoundError as WebUSB does.
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
  readonly xfrPayloads: Uint8Array[] = [];
  /** Every PPS request the card agreed to (for tests). */
  readonly ppsRequests: Uint8Array[] = [];
  /** Every bPowerSelect of an IccPowerOn, in order (for tests). */
  readonly powerSelects: number[] = [];
  /** The contact link-time model (ccid/contactAirTime.ts); null for a contactless reader's or QEMU's card, which have no contacts to time. */
  readonly contactLink: ContactLink | null;

  private readonly personality: Personality;
  private readonly packetSize: number;
  private readonly descriptor: Uint8Array;
  private readonly t1: T1Card;
  private readonly faults = new FaultQueue<FakeCcidFault>();
  private present: boolean;
  private powered = false;
  /** The contact card named by the options or the reader; null: the SimulatedCard's own ATR. */
  private readonly contactCard: FakeContactCard | null;
  /** The protocol the card runs now (ISO/IEC 7816-3 §6.3): its default after the ATR, changed by PPS or by a reader that negotiates. */
  private activeProtocol: 0 | 1 = 1;
  /** PPS is possible only as the first exchange after the ATR (§9.1). */
  private ppsAllowed = false;
  /** Set when PPS or the reader's own negotiation made a protocol other than the default possible. */
  private protocolAgreed = false;
  private outBuffer: Uint8Array = new Uint8Array(0);
  private chainedAnswer: Uint8Array | null = null;
  private readonly bulkPackets: Uint8Array[] = [];
  private readonly interruptPackets: Uint8Array[] = [];
  private readonly waiters = new Map<number, Waiter[]>([
    [BULK_IN, []],
    [INTERRUPT_IN, []],
  ]);

  constructor(
    private card: SimulatedCard,
    private readonly options: FakeCcidDeviceOptions,
  ) {
    super();
    this.personality = PERSONALITIES[options.personality];
    this.packetSize = options.packetSize ?? this.personality.packetSize;
    this.vendorId = this.personality.vendorId;
    this.productId = this.personality.productId;
    this.productName = this.personality.productName;
    this.serialNumber = options.serialNumber ?? null;
    this.present = !options.noCard;
    this.contactCard = options.card ?? this.personality.defaultCard ?? null;
    this.descriptor = configurationDescriptor(this.personality, options.features ?? this.personality.features, this.packetSize);
    this.configurations = [parsedConfiguration(this.personality, this.packetSize)];
    this.t1 = new T1Card((apdu) => this.card.respond(apdu));
    const d = { ...GENERIC, ...this.personality.published };
    this.contactLink =
      this.personality.atr || this.personality.cardLink === 'qemu'
        ? null
        : new ContactLink({ defaultClockKHz: d.defaultClock, maximumClockKHz: d.maximumClock, maxDataRate: d.maxDataRate, maxIfsd: d.maxIfsd, features: options.features ?? this.personality.features });
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
    this.powered = false;
    this.configuration = null;
    this.outBuffer = new Uint8Array(0);
    this.bulkPackets.length = 0;
    this.interruptPackets.length = 0;
    this.card.reset();
  }

  /** The card is taken out: the card loses its session and the interrupt pipe says so. */
  removeCard(): void {
    this.present = false;
    this.powered = false;
    this.card.reset();
    this.queue(this.interruptPackets, INTERRUPT_IN, encodeNotifySlotChange(false, this.personality.cardSlot));
  }

  /** A card is put in: the one taken out, or `another` (a different holder's card). */
  insertCard(another?: SimulatedCard): void {
    if (another) this.card = another;
    this.present = true;
    this.queue(this.interruptPackets, INTERRUPT_IN, encodeNotifySlotChange(true, this.personality.cardSlot));
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
    if (endpointNumber === BULK_IN && this.faults.take('stall')) return Promise.resolve({ status: 'stall' });
    return new Promise((resolve, reject) => {
      this.waiters.get(endpointNumber)!.push({ length, resolve, reject });
      this.pump(source, endpointNumber);
    });
  }

  async transferOut(endpointNumber: number, data: Uint8Array<ArrayBuffer>): Promise<UsbOutTransferResultLike> {
    this.check();
    this.requireClaimed();
    if (endpointNumber !== BULK_OUT) throw new DOMException('no such endpoint', 'NotFoundError');
    // The reader NAKs the transfer for ever: WebUSB's promise never settles.
    if (this.faults.take('stuck-bulk-out')) return new Promise(() => undefined);
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
    for (const list of this.waiters.values()) {
      for (const w of list.splice(0)) w.reject(error);
    }
  }

  private queue(packets: Uint8Array[], endpoint: number, message: Uint8Array): void {
    const size = endpoint === BULK_IN ? this.packetSize : 8;
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
    if (this.faults.take('oversize-packet')) {
      // More than any transferIn asks for: WebUSB reports babble.
      this.bulkPackets.push(concatBytes(message, new Uint8Array(64 * 1024)));
      return this.pump(this.bulkPackets, BULK_IN);
    }
    if (this.faults.take('truncated-reply')) {
      // The header promises dwLength bytes; only half arrive, then a short packet ends the transfer.
      this.bulkPackets.push(message.slice(0, Math.max(10, message.length >> 1)));
      return this.pump(this.bulkPackets, BULK_IN);
    }
    this.queue(this.bulkPackets, BULK_IN, message);
  }

  private answer(bytes: Uint8Array): void {
    const m = decodePcToRdr(bytes);
    this.received.push(m.messageType);
    if (m.messageType === 0x62) this.powerSelects.push(m.specific[0]);
    const slotHasCard = m.slot === this.personality.cardSlot;
    const icc = !this.present || !slotHasCard ? 'absent' : this.powered ? 'active' : 'inactive';
    const h: RdrToPcHeader = { slot: m.slot, seq: m.seq, icc };
    const failed = (error: number): RdrToPcHeader => ({ ...h, command: 'failed', error });
    // CCID 1.1 §6.2.6: bError 5 = bad bSlot.
    if (m.slot > this.personality.maxSlotIndex) return this.reply(encodeSlotStatus({ ...failed(5), icc: 'absent' }));
    switch (m.messageType) {
      case 0x62: {
        // IccPowerOn
        if (icc === 'absent') return this.reply(encodeDataBlock(failed(0xfe), new Uint8Array(0)));
        const refusal = this.powerSelectRefusal(m.specific[0]);
        if (refusal !== null) return this.reply(encodeDataBlock({ ...failed(refusal), icc: 'inactive' }, new Uint8Array(0)));
        this.card.reset();
        this.t1.reset();
        this.chainedAnswer = null;
        this.powered = true;
        const atr = this.atr();
        this.startProtocol(parseAtr(atr));
        this.contactLink?.powerOn(atr, this.personality.cardLink === 'apdu');
        return this.reply(encodeDataBlock({ ...h, icc: 'active' }, atr));
      }
      case 0x63: // IccPowerOff
        if (slotHasCard) {
          this.card.reset();
          this.powered = false;
        }
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
        this.setProtocol(protocol);
        this.contactLink?.setParameters(this.activeProtocol, m.data[0] ?? 0x11);
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
    const answer = this.cardAnswer(m);
    if (this.faults.take('drop-reply')) return;
    if (answer) this.reply(answer);
  }

  /** What the reader sends back for one XfrBlock, by how it talks to the card. */
  private cardAnswer(m: PcToRdrMessage): Uint8Array | null {
    const h: RdrToPcHeader = { slot: m.slot, seq: m.seq, icc: 'active' };
    const level = m.specific[1] | (m.specific[2] << 8);
    this.xfrPayloads.push(m.data);
    const garbage = this.faults.take('card-garbage');
    const ppsAllowed = this.ppsAllowed;
    this.ppsAllowed = false;
    switch (this.personality.cardLink) {
      case 'qemu':
        // QEMU hands the payload to its card as an APDU, whatever the host meant; bChainParameter stale.
        return encodeDataBlock(h, garbage?.bytes ?? this.card.respond(m.data), this.personality.qemuQuirks ? 0x01 : 0x00);
      case 'tpdu': {
        if (ppsAllowed && m.data[0] === 0xff) return this.pps(h, m.data);
        if (this.activeProtocol === 0) {
          // The reader has handled the procedure bytes; the card sees the TPDU as a short APDU.
          const answer = garbage?.bytes ?? this.card.respond(m.data);
          this.contactLink?.t0Exchange(m.data, answer);
          return encodeDataBlock(h, answer);
        }
        let block = this.t1.handle(m.data);
        if (garbage) block = garbage.bytes;
        this.contactLink?.t1Exchange(m.data, block);
        if (this.faults.take('corrupt-block')) block = Uint8Array.of(...block.slice(0, -1), block[block.length - 1]! ^ 0xff);
        // The card's block reached the reader damaged: CCID 1.1 §6.2.6 XFR_PARITY_ERROR (FD); the card keeps it to send again.
        if (this.faults.take('parity-error')) return encodeDataBlock({ ...h, command: 'failed', error: 0xfd }, new Uint8Array(0));
        if (this.faults.take('endless-wtx')) {
          this.faults.inject({ kind: 'endless-wtx' });
          // S(WTX request) with multiplier 1: NAD 00, PCB C3, LEN 01, INF 01, LRC C3.
          return encodeDataBlock(h, Uint8Array.of(0x00, 0xc3, 0x01, 0x01, 0xc3));
        }
        return encodeDataBlock(h, block);
      }
      case 'apdu':
        return this.apduLevelAnswer(h, m.data, level, garbage?.bytes);
    }
  }

  /** The ATR the reader reports: a contactless reader's own, else the contact card's. */
  private atr(): Uint8Array {
    if (this.personality.atr) return this.options.contactlessAtr ?? this.personality.atr;
    return this.contactCard ? CONTACT_CARD_ATRS[this.contactCard] : this.card.atr;
  }

  /**
   * CCID 1.1 §6.1.1: bPowerSelect 00 "automatic" needs a reader that picks the voltage (0x08) or
   * activates by itself (0x04), else bError 7 points at it; at a class the card does not take it stays mute (FE).
   */
  private powerSelectRefusal(powerSelect: number): number | null {
    const features = this.options.features ?? this.personality.features;
    if (powerSelect === 0) return (features & 0x0c) !== 0 ? null : 7;
    const voltage = (['5V', '3V', '1.8V'] as const)[powerSelect - 1];
    if (!voltage) return 7;
    return (this.options.cardVoltages ?? ['5V', '3V', '1.8V']).includes(voltage) ? null : 0xfe;
  }

  /**
   * ISO/IEC 7816-3 §6.3.1: after the ATR the card runs TA2's protocol (specific mode) or its first
   * offered one; a reader that negotiates by itself (0x40) settles on the first offered one it lists.
   */
  private startProtocol(atr: Atr): void {
    const features = this.options.features ?? this.personality.features;
    const offered = atr.specificMode ? [atr.specificMode.protocol] : atr.protocols;
    const first = (offered[0] === 0 ? 0 : 1) as 0 | 1;
    this.activeProtocol = first;
    this.protocolAgreed = false;
    this.ppsAllowed = atr.specificMode === null;
    if ((features & 0x40) !== 0) {
      const both = offered.find((t) => (t === 0 || t === 1) && (this.personality.protocols & (1 << t)) !== 0);
      if (both === 0 || both === 1) this.activeProtocol = both;
      this.protocolAgreed = true;
    }
  }

  /** SetParameters: the reader switches protocol only when PPS (its own, 0x80, or the host's) made that possible. */
  private setProtocol(protocol: number): void {
    const features = this.options.features ?? this.personality.features;
    if (protocol === this.activeProtocol) return;
    if (this.protocolAgreed || (features & 0xc0) !== 0) this.activeProtocol = protocol as 0 | 1;
  }

  /**
   * ISO/IEC 7816-3 §9: the card answers a well-formed PPS request for a protocol it offers with an
   * echo; anything else it ignores (no answer: the reader reports ICC_MUTE).
   */
  private pps(h: RdrToPcHeader, request: Uint8Array): Uint8Array {
    const atr = parseAtr(this.atr());
    const protocol = request[1]! & 0x0f;
    const checks = request.reduce((x, b) => x ^ b, 0) === 0;
    if (!checks || !atr.protocols.includes(protocol) || (protocol !== 0 && protocol !== 1)) {
      this.contactLink?.pps(request, false);
      return encodeDataBlock({ ...h, command: 'failed', error: 0xfe }, new Uint8Array(0));
    }
    this.activeProtocol = protocol;
    this.protocolAgreed = true;
    this.ppsRequests.push(request.slice());
    this.contactLink?.pps(request, true);
    return encodeDataBlock(h, request);
  }

  /**
   * CCID 1.1 §6.1.4 / §6.2.1 at extended-APDU level: an answer longer than one message goes out
   * in pieces with bChainParameter 01, 03…, 02; the host asks for each next piece with an empty
   * XfrBlock carrying wLevelParameter 0x10.
   */
  private apduLevelAnswer(h: RdrToPcHeader, data: Uint8Array, level: number, garbage?: Uint8Array): Uint8Array {
    const room = this.personality.maxMessageLength - 10;
    let answer: Uint8Array;
    let continuing = false;
    if (level === 0x10 && this.chainedAnswer) {
      answer = this.chainedAnswer;
      continuing = true;
    } else {
      answer = garbage ?? this.card.respond(data);
      this.contactLink?.apduExchange(data, answer);
    }
    if (answer.length <= room) {
      this.chainedAnswer = null;
      return encodeDataBlock(h, answer, continuing ? 0x02 : 0x00);
    }
    this.chainedAnswer = answer.slice(room);
    return encodeDataBlock(h, answer.slice(0, room), continuing ? 0x03 : 0x01);
  }
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
