import { parseAtr, type Atr } from '../../usb/atr';
import type { SimulatedCard } from '../card/SimulatedCard';
import type { FaultQueue } from '../usb/FaultQueue';
import { CONTACT_CARD_ATRS, type FakeContactCard } from './cardPersonalities';
import { encodeDataBlock, type PcToRdrMessage, type RdrToPcHeader } from './ccidWire';
import type { FakeCcidFault } from './faults';
import type { Personality } from './personality';
import { ContactLink } from './contactAirTime';
import { publishedDescriptor } from './readerDescriptors';
import { T1Card } from './T1Card';

/** What the card side needs to know of the reader it sits in. */
export interface SlotCardSetup {
  readonly personality: Personality;
  /** dwFeatures in force (the personality's, or a test's override). */
  readonly features: number;
  /** The contact card named by the options or the reader; null: the SimulatedCard's own ATR. */
  readonly contactCard: FakeContactCard | null;
  /** A contactless reader personality's ATR for its card, when a test gives one. */
  readonly contactlessAtr?: Uint8Array;
  /** bPowerSelect classes the card answers at; default all. */
  readonly cardVoltages?: readonly ('5V' | '3V' | '1.8V')[];
}

/**
 * The card in the fake reader's slot, as the reader sees it: in or out, powered, the protocol it runs
 * after the ATR (ISO/IEC 7816-3 §6.3), PPS (§9), and what comes back for each XfrBlock by how the
 * reader talks to the card — TPDUs and T=1 blocks, APDUs with CCID chaining, or QEMU's way.
 */
export class SlotCard {
  present: boolean;
  powered = false;
  /** Every XfrBlock payload the card side saw, in order (for tests). */
  readonly xfrPayloads: Uint8Array[] = [];
  /** Every PPS request the card agreed to (for tests). */
  readonly ppsRequests: Uint8Array[] = [];
  /** The contact link-time model (contactAirTime.ts); null for a contactless reader's or QEMU's card, which have no contacts to time. */
  readonly contactLink: ContactLink | null;
  private readonly t1: T1Card;
  /** The protocol the card runs now (ISO/IEC 7816-3 §6.3): its default after the ATR, changed by PPS or by a reader that negotiates. */
  private activeProtocol: 0 | 1 = 1;
  /** PPS is possible only as the first exchange after the ATR (§9.1). */
  private ppsAllowed = false;
  /** Set when PPS or the reader's own negotiation made a protocol other than the default possible. */
  private protocolAgreed = false;
  private chainedAnswer: Uint8Array | null = null;

  constructor(
    public card: SimulatedCard,
    private readonly setup: SlotCardSetup,
    private readonly faults: FaultQueue<FakeCcidFault>,
    present: boolean,
  ) {
    this.present = present;
    this.t1 = new T1Card((apdu) => this.card.respond(apdu));
    const { personality, features } = setup;
    const d = publishedDescriptor(personality);
    this.contactLink =
      personality.atr || personality.cardLink === 'qemu'
        ? null
        : new ContactLink({ defaultClockKHz: d.defaultClock, maximumClockKHz: d.maximumClock, maxDataRate: d.maxDataRate, maxIfsd: d.maxIfsd, features });
  }

  /** The card loses its session (taken out, powered off, a fresh USB session). */
  reset(): void {
    this.powered = false;
    this.card.reset();
  }

  /**
   * CCID 1.1 §6.1.1: bPowerSelect 00 "automatic" needs a reader that picks the voltage (0x08) or
   * activates by itself (0x04), else bError 7 points at it; at a class the card does not take it stays mute (FE).
   */
  powerSelectRefusal(powerSelect: number): number | null {
    if (powerSelect === 0) return (this.setup.features & 0x0c) !== 0 ? null : 7;
    const voltage = (['5V', '3V', '1.8V'] as const)[powerSelect - 1];
    if (!voltage) return 7;
    return (this.setup.cardVoltages ?? ['5V', '3V', '1.8V']).includes(voltage) ? null : 0xfe;
  }

  /** Activation: the card starts afresh and answers with its ATR. */
  powerOn(): Uint8Array {
    this.card.reset();
    this.t1.reset();
    this.chainedAnswer = null;
    this.powered = true;
    const atr = this.atr();
    this.startProtocol(parseAtr(atr));
    this.contactLink?.powerOn(atr, this.setup.personality.cardLink === 'apdu');
    return atr;
  }

  /**
   * SetParameters: the reader switches protocol only when PPS (its own, 0x80, or the host's) made
   * that possible; `fiDi` is bmFindexDindex, which a reader making PPS itself asks the card for.
   */
  setProtocol(protocol: number, fiDi: number): void {
    if (protocol !== this.activeProtocol && (this.protocolAgreed || (this.setup.features & 0xc0) !== 0)) this.activeProtocol = protocol as 0 | 1;
    this.contactLink?.setParameters(this.activeProtocol, fiDi);
  }

  /** What the reader sends back for one XfrBlock, by how it talks to the card. */
  answer(m: PcToRdrMessage): Uint8Array {
    const h: RdrToPcHeader = { slot: m.slot, seq: m.seq, icc: 'active' };
    const level = m.specific[1] | (m.specific[2] << 8);
    this.xfrPayloads.push(m.data);
    const garbage = this.faults.take('card-garbage');
    const ppsAllowed = this.ppsAllowed;
    this.ppsAllowed = false;
    const personality = this.setup.personality;
    switch (personality.cardLink) {
      case 'qemu':
        // QEMU hands the payload to its card as an APDU, whatever the host meant; bChainParameter stale.
        return encodeDataBlock(h, garbage?.bytes ?? this.card.respond(m.data), personality.qemuQuirks ? 0x01 : 0x00);
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
    const personality = this.setup.personality;
    if (personality.atr) return this.setup.contactlessAtr ?? personality.atr;
    return this.setup.contactCard ? CONTACT_CARD_ATRS[this.setup.contactCard] : this.card.atr;
  }

  /**
   * ISO/IEC 7816-3 §6.3.1: after the ATR the card runs TA2's protocol (specific mode) or its first
   * offered one; a reader that negotiates by itself (0x40) settles on the first offered one it lists.
   */
  private startProtocol(atr: Atr): void {
    const offered = atr.specificMode ? [atr.specificMode.protocol] : atr.protocols;
    const first = (offered[0] === 0 ? 0 : 1) as 0 | 1;
    this.activeProtocol = first;
    this.protocolAgreed = false;
    this.ppsAllowed = atr.specificMode === null;
    if ((this.setup.features & 0x40) !== 0) {
      const both = offered.find((t) => (t === 0 || t === 1) && (this.setup.personality.protocols & (1 << t)) !== 0);
      if (both === 0 || both === 1) this.activeProtocol = both;
      this.protocolAgreed = true;
    }
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
    const room = this.setup.personality.maxMessageLength - 10;
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
