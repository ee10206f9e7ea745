import { BaseTransport, TransportError } from '../../transport';
import type { Atr } from '../atr';
import { InvalidBlockError } from '../t1/block';
import { T1Protocol } from '../t1/T1Protocol';
import { t0CommandTpdu } from '../t0/tpdu';
import type { UsbDeviceLike } from '../UsbDeviceLike';
import { UsbAccessError, type HostOs } from '../host/UsbAccessError';
import { claimReaderInterface, openDevice, sessionEnd } from '../host/usbSteps';
import { exchangeAtApduLevel } from './apduLevel';
import { CcidLink } from './CcidLink';
import type { CcidClassDescriptor, CcidExchangeLevel } from './classDescriptor';
import type { CcidInterface } from './descriptor';
import { Deadline } from './deadline';
import { encodeIccPowerOff, encodeXfrBlock } from './messages';
import { watchSlot } from './slotWatch';
import { firstOccupiedSlot, negotiate, powerOn, readCcidInterface, type CcidNegotiationReport } from './startUp';

export type { CcidNegotiationReport } from './startUp';

/** What the reader check view shows (plain data). */
export interface CcidReaderReport {
  readonly interfaceNumber: number;
  readonly interfaceClass: number;
  readonly descriptor: CcidClassDescriptor;
  readonly atr: Atr | null;
  readonly protocol: 'T=0' | 'T=1';
  /** What the start-up negotiated and why (docs/browser-platform.md §4.11). */
  readonly negotiation: CcidNegotiationReport;
  readonly exchangeLevel: CcidExchangeLevel;
  readonly slot: number;
  readonly packetSize: number;
}

/** How the reader driver behaves. */
export interface CcidReaderOptions {
  /** Longest wait for one bulk-IN reply (WebUSB transfers have no timeout of their own). */
  readonly timeoutMs: number;
  /** Slot to use; default: the first slot holding a card. */
  readonly slot?: number;
  /** The time one APDU (or one start-up command) may take before time extensions. Default 30 s. */
  readonly apduBudgetMs?: number;
  /**
   * Longest one APDU (or one start-up command) may take, time extensions included (a card that asks
   * for more time forever must still end in an error). Default 60 s.
   */
  readonly commandDeadlineMs?: number;
  /** The host OS, so an interface held by the OS smart-card service gets the right steps. */
  readonly os?: HostOs;
}

/** How long `close()` may take: powering the card off and releasing the interface, best effort. */
const CLOSE_WITHIN_MS = 3000;
const DEFAULT_APDU_BUDGET_MS = 30_000;
const DEFAULT_COMMAND_DEADLINE_MS = 60_000;

/**
 * A `CardTransport` over a USB CCID reader (CCID 1.1; docs/browser-platform.md §4.3–§4.7): TPDU-level
 * readers get T=1 blocks from `T1Protocol` inside XfrBlock, short/extended APDU-level readers get
 * the APDU in one XfrBlock or, when long, chained (apduChain.ts). Messages travel over `CcidLink`;
 * every wait is bounded by `timeoutMs` and by the APDU's deadline.
 */
export class CcidReader extends BaseTransport {
  readonly kind = 'ccid';
  private atrBytes: Uint8Array = new Uint8Array(0);
  private parsedAtr: Atr | null = null;
  private t1: T1Protocol | null = null;
  private t0 = false;
  private protocol: 0 | 1 = 1;
  private negotiation: CcidNegotiationReport | null = null;
  /** The deadline of the APDU under way; start-up commands get one each. */
  private apduDeadline: Deadline | null = null;
  private released = false;
  private lostDevice = false;
  /** Settles with the reason the session ended, so a wait under way stops at once instead of timing out. */
  private readonly end = sessionEnd();
  private readonly link: CcidLink;

  private constructor(
    private readonly device: UsbDeviceLike,
    readonly ccid: CcidInterface,
    private readonly options: CcidReaderOptions,
  ) {
    super();
    this.link = new CcidLink(device, ccid, {
      timeoutMs: options.timeoutMs,
      deadline: () => this.apduDeadline ?? this.newDeadline(),
      gone: this.end.gone,
      lose: (reason) => this.lose(reason),
    });
    this.link.slot = options.slot ?? 0;
  }

  /** Extended APDUs travel at extended-APDU level and in T=1 I-block chains; not over T=0 or short-APDU readers. */
  get extendedLength(): boolean {
    const level = this.ccid.descriptor.features.exchangeLevel;
    return level === 'extended-apdu' || (level === 'tpdu' && !this.t0);
  }

  get atr(): Uint8Array {
    return this.atrBytes.slice();
  }

  /**
   * Reads the configuration descriptor, finds the CCID interface, selects the configuration,
   * claims the interface, powers the slot on and prepares the exchange level.
   */
  static async open(device: UsbDeviceLike, options: CcidReaderOptions): Promise<CcidReader> {
    const os = options.os ?? 'other';
    await openDevice(device, os);
    const { ccid, configurationValue } = await readCcidInterface(device);
    await claimReaderInterface(device, { ...ccid, configurationValue }, os);
    const reader = new CcidReader(device, ccid, options);
    try {
      await reader.start();
    } catch (error) {
      await reader.release().catch(() => undefined);
      if (error instanceof TransportError || error instanceof UsbAccessError) throw error;
      throw new TransportError('transport/protocol', `reader start-up failed: ${String(error)}`);
    }
    return reader;
  }

  /** For the app's `navigator.usb` "disconnect" event: the reader is gone. */
  deviceLost(): void {
    this.disconnect(new TransportError('transport/device-lost', 'the USB reader was disconnected'));
  }

  /**
   * Power-on, then the protocol negotiation (startUp.ts), and at TPDU level T=1 or T=0 on our side.
   */
  private async start(): Promise<void> {
    const descriptor = this.ccid.descriptor;
    const level = descriptor.features.exchangeLevel;
    if (level === 'character') throw new TransportError('transport/protocol', 'character-level CCID readers are not supported');
    if (this.options.slot === undefined && descriptor.maxSlotIndex > 0) this.link.slot = await firstOccupiedSlot(this.link, descriptor.maxSlotIndex);
    const { atr, voltage } = await powerOn(this.link, descriptor);
    this.atrBytes = atr.raw.slice();
    this.parsedAtr = atr;
    watchSlot(this.device, this.ccid, { slot: () => this.link.slot, active: () => !this.released && this.connected, lose: (reason) => this.lose(reason) });
    const { parameters, protocol, report } = await negotiate(this.link, atr, descriptor, voltage);
    this.protocol = protocol;
    this.negotiation = report;
    if (level !== 'tpdu') return;
    if (parameters.protocol === 0) {
      // ISO 7816-3 §12: the reader handles procedure bytes, we map APDUs to TPDUs.
      this.t0 = true;
      return;
    }
    this.t1 = new T1Protocol((block, { waitMultiplier }) => this.sendBlock(block, waitMultiplier), {
      ifsc: parameters.ifsc,
      ifsd: Math.max(1, Math.min(254, descriptor.maxIfsd)),
      negotiateIfsd: !descriptor.features.autoIfsd,
      edc: parameters.edc,
    });
  }

  /** What the reader check view shows: the descriptor, the ATR and what this driver does with them. */
  report(): CcidReaderReport {
    return {
      interfaceNumber: this.ccid.interfaceNumber,
      interfaceClass: this.ccid.interfaceClass,
      descriptor: this.ccid.descriptor,
      atr: this.parsedAtr,
      protocol: this.protocol === 0 ? 'T=0' : 'T=1',
      negotiation: this.negotiation ?? { voltage: 'auto', pps: null, fiDi: 0x11, setParameters: false, specificMode: false },
      exchangeLevel: this.ccid.descriptor.features.exchangeLevel,
      slot: this.link.slot,
      packetSize: this.ccid.bulkIn.packetSize,
    };
  }

  protected async exchange(command: Uint8Array): Promise<Uint8Array> {
    this.apduDeadline = this.newDeadline();
    try {
      if (this.t1) return await this.t1.transmit(command.slice());
      if (this.t0) return await this.exchangeTpduT0(t0CommandTpdu(command));
      return await this.exchangeApdu(command.slice());
    } finally {
      this.apduDeadline = null;
    }
  }

  private newDeadline(): Deadline {
    return new Deadline(this.options.apduBudgetMs ?? DEFAULT_APDU_BUDGET_MS, this.options.commandDeadlineMs ?? DEFAULT_COMMAND_DEADLINE_MS);
  }

  /**
   * T=0 at TPDU level: one XfrBlock, one DataBlock. bChainParameter is ignored here: CCID 1.1
   * §6.2.1 gives it meaning at APDU level only, and QEMU's reader leaves stale values in it.
   */
  private async exchangeTpduT0(tpdu: Uint8Array): Promise<Uint8Array> {
    const reply = await this.link.command((at) => encodeXfrBlock(at, tpdu));
    if (reply.type !== 'data-block') throw new TransportError('transport/protocol', 'XfrBlock did not answer with a DataBlock');
    return reply.data;
  }

  /** APDU level: the reader runs the card's protocol; long commands and answers are chained (apduLevel.ts). */
  private async exchangeApdu(apdu: Uint8Array): Promise<Uint8Array> {
    return exchangeAtApduLevel(apdu, {
      room: this.ccid.descriptor.maxMessageLength - 10,
      extended: this.ccid.descriptor.features.exchangeLevel === 'extended-apdu',
      xfr: async (data, levelParameter) => {
        const reply = await this.link.command((at) => encodeXfrBlock(at, data, { levelParameter }));
        if (reply.type !== 'data-block') throw new TransportError('transport/protocol', 'XfrBlock did not answer with a DataBlock');
        return reply;
      },
    });
  }

  /**
   * One T=1 block in an XfrBlock. ICC_MUTE is "nothing arrived" (rule 7.1); XFR_PARITY_ERROR is a
   * block received with a parity error, which T=1 answers with R(EDC error) and a retry (rule 7.2,
   * as libccid's proto-t1 does); a WTX multiplier also moves the APDU's deadline.
   */
  private async sendBlock(block: Uint8Array, waitMultiplier: number): Promise<Uint8Array> {
    const bwi = waitMultiplier > 1 ? Math.min(255, waitMultiplier) : 0;
    if (waitMultiplier > 1) this.apduDeadline?.extend(this.options.timeoutMs * waitMultiplier);
    const reply = await this.link.command((at) => encodeXfrBlock(at, block, { bwi }), { acceptFailed: true, waitMultiplier });
    if (reply.commandStatus === 'failed') {
      if (reply.errorName === 'ICC_MUTE') return new Uint8Array(0);
      if (reply.errorName === 'XFR_PARITY_ERROR') throw new InvalidBlockError('edc', 0, 'the reader received the block with a parity error');
      throw new TransportError('transport/protocol', `the reader refused the command: ${reply.errorName ?? 'unknown'}`, {
        bError: reply.bError,
        messageType: reply.messageType,
      });
    }
    if (reply.type !== 'data-block') throw new TransportError('transport/protocol', 'XfrBlock did not answer with a DataBlock');
    return reply.data;
  }

  /**
   * Best effort, and bounded by `CLOSE_WITHIN_MS` (issue 15 §3): power the card down (the verified
   * state goes with it) and release the interface; the reader may be gone or stuck. Any wait still
   * under way then ends.
   */
  protected async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    const work = async (): Promise<void> => {
      if (this.atrBytes.length > 0 && !this.lostDevice) {
        await this.link.command((at) => encodeIccPowerOff(at)).catch(() => undefined);
      }
      await this.device.releaseInterface(this.ccid.interfaceNumber).catch(() => undefined);
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const bound = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, CLOSE_WITHIN_MS);
    });
    try {
      await Promise.race([work(), bound]);
    } finally {
      clearTimeout(timer);
      this.end.endWaits(new TransportError('transport/closed', 'the reader was closed'));
    }
  }

  private lose(reason: TransportError): TransportError {
    if (reason.code === 'transport/device-lost') this.lostDevice = true;
    this.disconnect(reason);
    this.end.endWaits(reason);
    return reason;
  }
}
