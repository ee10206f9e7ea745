import { copyBytes } from '../../bytes';
import { BaseTransport, TransportError } from '../../transport';
import { parseAtr, type Atr } from '../atr';
import { InvalidBlockError } from '../t1/block';
import { T1Protocol } from '../t1/T1Protocol';
import type { UsbDeviceLike, UsbInTransferResultLike } from '../UsbDeviceLike';
import { UsbAccessError, type HostOs } from '../host/UsbAccessError';
import { claimReaderInterface, isDeviceLost, LinkTimeout, openDevice, sessionEnd, startUpStep } from '../host/usbSteps';
import { exchangeAtApduLevel } from './apduLevel';
import { BulkInAssembler } from './BulkInAssembler';
import type { CcidClassDescriptor, CcidExchangeLevel } from './classDescriptor';
import { findCcidInterfaces, type CcidInterface } from './descriptor';
import { Deadline } from './deadline';
import { decodeInterruptMessage } from './interrupt';
import { encodeGetSlotStatus, encodeIccPowerOff, encodeIccPowerOn, encodeSetParameters, encodeXfrBlock, type CcidVoltage } from './messages';
import { t0CommandTpdu } from '../t0/tpdu';
import { parametersFor, planNegotiation, powerOnVoltages } from './negotiation';
import type { ProtocolParameters } from './parameters';
import { checkPpsResponse } from './pps';
import { decodeCcidReply, type CcidReply } from './replies';

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

/** What the driver did between power-on and the first APDU. */
export interface CcidNegotiationReport {
  /** bPowerSelect of the power-on the card answered. */
  readonly voltage: CcidVoltage;
  /** The PPS request sent, or null when the reader or the card's mode made it needless. */
  readonly pps: Uint8Array | null;
  /** Fi/Di (TA1 coding) in force after the negotiation. */
  readonly fiDi: number;
  /** False when the reader negotiates by itself (dwFeatures 0x40). */
  readonly setParameters: boolean;
  readonly specificMode: boolean;
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

/** USB 2.0 §9.4.3: GET_DESCRIPTOR, descriptor type CONFIGURATION in the high byte of wValue. */
const GET_DESCRIPTOR = 0x06;
const CONFIGURATION_DESCRIPTOR = 0x0200;

function bytesOf(result: UsbInTransferResultLike): Uint8Array {
  const view = result.data;
  if (!view) return new Uint8Array(0);
  return new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
}

/** How long one bulk-OUT transfer may take: a CCID message is at most a few kilobytes (cf. BulkPipes). */
const WRITE_WITHIN_MS = 1000;
/** How long `close()` may take: powering the card off and releasing the interface, best effort. */
const CLOSE_WITHIN_MS = 3000;
const DEFAULT_APDU_BUDGET_MS = 30_000;
const DEFAULT_COMMAND_DEADLINE_MS = 60_000;

/**
 * A `CardTransport` over a USB CCID reader (CCID 1.1; docs/browser-platform.md §4.3–§4.7): TPDU-level
 * readers get T=1 blocks from `T1Protocol` inside XfrBlock, short/extended APDU-level readers get
 * the APDU in one XfrBlock. Replies with another bSeq are dropped, time-extension replies keep the
 * wait going, and every bulk-IN read is bounded by `timeoutMs`.
 */
export class CcidReader extends BaseTransport {
  readonly kind = 'ccid';
  private atrBytes: Uint8Array = new Uint8Array(0);
  private parsedAtr: Atr | null = null;
  private seq = 0;
  private readonly assembler: BulkInAssembler;
  private readonly queued: Uint8Array[] = [];
  private bulkInFlight: Promise<UsbInTransferResultLike> | null = null;
  private t1: T1Protocol | null = null;
  private t0 = false;
  private protocol: 0 | 1 = 1;
  private negotiation: CcidNegotiationReport | null = null;
  /** The deadline of the APDU under way; start-up commands get one each. */
  private apduDeadline: Deadline | null = null;
  private released = false;
  private slot: number;

  private constructor(
    private readonly device: UsbDeviceLike,
    readonly ccid: CcidInterface,
    private readonly options: CcidReaderOptions,
  ) {
    super();
    this.slot = options.slot ?? 0;
    this.assembler = new BulkInAssembler(ccid.descriptor.maxMessageLength);
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
    const setup = { requestType: 'standard', recipient: 'device', request: GET_DESCRIPTOR, value: CONFIGURATION_DESCRIPTOR, index: 0 } as const;
    const head = bytesOf(await startUpStep('GET_DESCRIPTOR', () => device.controlTransferIn(setup, 9)));
    if (head.length < 9) throw new TransportError('transport/protocol', `configuration descriptor header is ${head.length} bytes`);
    const total = head[2]! | (head[3]! << 8);
    const configuration = bytesOf(await startUpStep('GET_DESCRIPTOR', () => device.controlTransferIn(setup, total)));
    const ccid = await startUpStep('reading the CCID descriptor', async () => findCcidInterfaces(configuration)[0]);
    if (!ccid) throw new UsbAccessError('usb/not-a-reader', 'the device has no CCID interface');
    // USB 2.0 §9.6.3: bConfigurationValue is byte 5 of the configuration descriptor.
    await claimReaderInterface(device, { ...ccid, configurationValue: configuration[5]! }, os);
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
   * Power-on, then what libccid's `IFDHSetProtocolParameters` does (docs/browser-platform.md §4.11):
   * a protocol both card and reader speak, PPS when the host must send it, SetParameters unless
   * the reader negotiates by itself (dwFeatures 0x40), and at TPDU level T=1 or T=0 on our side.
   */
  private async start(): Promise<void> {
    const descriptor = this.ccid.descriptor;
    const level = descriptor.features.exchangeLevel;
    if (level === 'character') throw new TransportError('transport/protocol', 'character-level CCID readers are not supported');
    if (this.options.slot === undefined && descriptor.maxSlotIndex > 0) this.slot = await this.firstOccupiedSlot();
    const { reply: powerOn, voltage } = await this.powerOn();
    let atr: Atr;
    try {
      atr = parseAtr(powerOn.data);
    } catch (error) {
      throw new TransportError('transport/protocol', `the card's ATR is malformed: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.atrBytes = atr.raw.slice();
    this.parsedAtr = atr;
    this.watchInterrupts();
    const plan = planNegotiation(atr, descriptor);
    let fiDi = plan.fiDi;
    if (plan.pps) {
      // ISO/IEC 7816-3 §9: the request goes to the card as it is; the reader passes the answer back.
      const confirm = await this.command((at) => encodeXfrBlock(at, plan.pps!), { acceptFailed: true });
      if (confirm.commandStatus === 'failed') {
        throw new TransportError('transport/protocol', `PPS failed: the card did not take the request (${confirm.errorName ?? 'unknown'})`, { bError: confirm.bError });
      }
      if (confirm.type !== 'data-block') throw new TransportError('transport/protocol', 'the PPS exchange did not answer with a DataBlock');
      fiDi = checkPpsResponse(plan.pps, confirm.data).fiDi;
    }
    const parameters = parametersFor(atr, plan.protocol, fiDi);
    if (plan.setParameters) await this.setParameters(parameters);
    this.protocol = plan.protocol;
    this.negotiation = { voltage, pps: plan.pps, fiDi, setParameters: plan.setParameters, specificMode: plan.specificMode };
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

  /**
   * CCID 1.1 §6.1.7 SetParameters. A bError of 1..127 says a field is not changeable and 00 that
   * the command is not supported: the reader keeps its own values, which libccid takes as success.
   */
  private async setParameters(parameters: ProtocolParameters): Promise<void> {
    const reply = await this.command((at) => encodeSetParameters(at, parameters), { acceptFailed: true });
    if (reply.commandStatus !== 'failed' || reply.errorName === 'BAD_PARAMETER' || reply.errorName === 'CMD_NOT_SUPPORTED') return;
    throw new TransportError('transport/protocol', `the reader refused SetParameters: ${reply.errorName ?? 'unknown'}`, { bError: reply.bError });
  }

  /** CCID 1.1 §6.1.3 GetSlotStatus on each slot in turn; the first with a card, else slot 0. */
  private async firstOccupiedSlot(): Promise<number> {
    for (let slot = 0; slot <= this.ccid.descriptor.maxSlotIndex; slot++) {
      this.slot = slot;
      const status = await this.command((at) => encodeGetSlotStatus(at), { powerOn: true }).catch(() => null);
      if (status && status.iccStatus !== 'absent') return slot;
    }
    return 0;
  }

  /**
   * IccPowerOn (CCID 1.1 §6.1.1) at each voltage `powerOnVoltages` allows until the card answers,
   * with the slot's answer in the person's terms: an empty slot (bmICCStatus 2) is "no card",
   * ICC_MUTE at every voltage is a card that does not answer.
   */
  private async powerOn(): Promise<{ reply: CcidReply & { type: 'data-block' }; voltage: CcidVoltage }> {
    let refused: CcidReply | null = null;
    for (const voltage of powerOnVoltages(this.ccid.descriptor)) {
      let reply: CcidReply;
      try {
        reply = await this.command((at) => encodeIccPowerOn(at, voltage), { acceptFailed: true, powerOn: true });
      } catch (error) {
        if (error instanceof TransportError && error.code === 'transport/card-removed') {
          throw new UsbAccessError('usb/no-card', 'there is no card in the reader');
        }
        throw error;
      }
      if (reply.commandStatus === 'failed') {
        refused = reply;
        continue;
      }
      if (reply.type !== 'data-block') throw new TransportError('transport/protocol', 'IccPowerOn did not answer with a DataBlock');
      return { reply, voltage };
    }
    if (refused?.errorName === 'ICC_MUTE') throw new UsbAccessError('usb/card-mute', 'the card did not answer the power-on');
    throw new TransportError('transport/protocol', `the reader refused the power-on: ${refused?.errorName ?? 'unknown'}`, {
      bError: refused?.bError ?? 0,
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
      slot: this.slot,
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
    const reply = await this.command((at) => encodeXfrBlock(at, tpdu));
    if (reply.type !== 'data-block') throw new TransportError('transport/protocol', 'XfrBlock did not answer with a DataBlock');
    return reply.data;
  }

  /** APDU level: the reader runs the card's protocol; long commands and answers are chained (apduLevel.ts). */
  private async exchangeApdu(apdu: Uint8Array): Promise<Uint8Array> {
    return exchangeAtApduLevel(apdu, {
      room: this.ccid.descriptor.maxMessageLength - 10,
      extended: this.ccid.descriptor.features.exchangeLevel === 'extended-apdu',
      xfr: async (data, levelParameter) => {
        const reply = await this.command((at) => encodeXfrBlock(at, data, { levelParameter }));
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
    const reply = await this.command((at) => encodeXfrBlock(at, block, { bwi }), { acceptFailed: true, waitMultiplier });
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
        await this.command((at) => encodeIccPowerOff(at)).catch(() => undefined);
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

  private lostDevice = false;

  /** Settles with the reason the session ended, so a wait under way stops at once instead of timing out. */
  private readonly end = sessionEnd();

  private lose(reason: TransportError): TransportError {
    if (reason.code === 'transport/device-lost') this.lostDevice = true;
    this.disconnect(reason);
    this.end.endWaits(reason);
    return reason;
  }

  /** Wraps a WebUSB call: a vanished device becomes `transport/device-lost`. */
  private async usb<T>(step: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof TransportError) throw error;
      // After a lost reply the reader's and card's state is unknown: end the session, the person reconnects.
      if (error instanceof LinkTimeout) throw this.lose(new TransportError('transport/timeout', `the reader did not answer within the time allowed`));
      if (isDeviceLost(error)) throw this.lose(new TransportError('transport/device-lost', `the USB reader went away during ${step}`));
      throw new TransportError('transport/protocol', `${step} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Sends one PC_to_RDR message and waits for the reply with the same bSlot and bSeq (others are
   * dropped), all within one deadline: the APDU's while one is under way, else a fresh one. A
   * time-extension reply moves the deadline (within its maximum) and the wait goes on.
   */
  private async command(
    build: (at: { slot: number; seq: number }) => Uint8Array,
    options: { acceptFailed?: boolean; waitMultiplier?: number; powerOn?: boolean } = {},
  ): Promise<CcidReply> {
    const seq = this.seq;
    this.seq = (this.seq + 1) & 0xff;
    const deadline = this.apduDeadline ?? this.newDeadline();
    const message = copyBytes(build({ slot: this.slot, seq }));
    await this.writeBulk(message, deadline);
    const timeoutMs = this.options.timeoutMs * Math.max(1, options.waitMultiplier ?? 1);
    for (;;) {
      const left = deadline.remaining();
      if (left <= 0) throw this.lose(new TransportError('transport/timeout', 'the card kept asking for more time and never answered'));
      const reply = await this.nextReply(Math.min(timeoutMs, left));
      if (reply.slot !== this.slot || reply.seq !== seq) continue;
      if (reply.commandStatus === 'time-extension') {
        deadline.extend(this.options.timeoutMs * Math.max(1, reply.timeExtension ?? 1));
        continue;
      }
      if (reply.iccStatus === 'absent') {
        if (options.powerOn) throw new TransportError('transport/card-removed', 'the slot is empty');
        throw this.lose(new TransportError('transport/card-removed', 'the card was taken out of the reader'));
      }
      if (reply.commandStatus === 'failed' && !options.acceptFailed) {
        throw new TransportError('transport/protocol', `the reader refused the command: ${reply.errorName ?? 'unknown'}`, {
          bError: reply.bError,
          messageType: reply.messageType,
        });
      }
      return reply;
    }
  }

  /**
   * One bulk-OUT transfer raced against `WRITE_WITHIN_MS`, the deadline and the end of the session:
   * a reader that never takes the transfer (NAKs for ever) must not leave `transmit` or `close`
   * waiting (issue 15 §3). WebUSB cannot cancel the transfer; the session ends instead.
   */
  private async writeBulk(message: Uint8Array<ArrayBuffer>, deadline: Deadline): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expiry = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new LinkTimeout()), Math.max(0, Math.min(WRITE_WITHIN_MS, deadline.remaining())));
    });
    try {
      await this.usb('bulk-OUT transfer', () => Promise.race([this.device.transferOut(this.ccid.bulkOut.number, message), expiry, this.end.gone]));
    } finally {
      clearTimeout(timer);
    }
  }

  private async nextReply(timeoutMs: number): Promise<CcidReply> {
    for (;;) {
      const message = this.queued.shift();
      if (message) {
        try {
          return decodeCcidReply(message);
        } catch (error) {
          throw new TransportError('transport/protocol', `malformed CCID reply: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      const result = await this.readBulkIn(timeoutMs);
      if (result.status === 'stall') {
        // WebUSB §"clearHalt": a stalled pipe stays stalled until cleared; the reply is lost either way.
        await this.device.clearHalt('in', this.ccid.bulkIn.number).catch(() => undefined);
        throw this.lose(new TransportError('transport/protocol', 'the reader stalled its reply pipe'));
      }
      if (result.status === 'babble') throw this.lose(new TransportError('transport/protocol', 'the reader sent more than it may in one packet'));
      const packet = bytesOf(result);
      try {
        this.queued.push(...this.assembler.push(packet));
      } catch (error) {
        throw new TransportError('transport/protocol', `malformed CCID reply: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  /** One bulk-IN transfer raced against a timer; a read left pending by a timeout is reused next time. */
  private async readBulkIn(timeoutMs: number): Promise<UsbInTransferResultLike> {
    let pending = this.bulkInFlight;
    if (!pending) {
      // docs/browser-platform.md §4.10: ask for a whole message's worth, so a long reply can come in one transfer.
      const packet = Math.max(1, this.ccid.bulkIn.packetSize);
      pending = this.device.transferIn(this.ccid.bulkIn.number, Math.ceil(this.ccid.descriptor.maxMessageLength / packet) * packet);
      this.bulkInFlight = pending;
      const settled = pending;
      const clear = (): void => {
        if (this.bulkInFlight === settled) this.bulkInFlight = null;
      };
      settled.then(clear, clear);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expiry = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new LinkTimeout()), timeoutMs);
    });
    try {
      const inFlight = pending;
      return await this.usb('bulk-IN transfer', () => Promise.race([inFlight, expiry, this.end.gone]));
    } finally {
      clearTimeout(timer);
    }
  }

  /** Listens on the interrupt-IN pipe for NotifySlotChange and for the reader vanishing. */
  private watchInterrupts(): void {
    const endpoint = this.ccid.interruptIn;
    if (!endpoint) return;
    const loop = async (): Promise<void> => {
      while (!this.released && this.connected) {
        let result: UsbInTransferResultLike;
        try {
          result = await this.device.transferIn(endpoint.number, endpoint.packetSize);
        } catch (error) {
          if (isDeviceLost(error)) this.lose(new TransportError('transport/device-lost', 'the USB reader was unplugged'));
          return;
        }
        const bytes = bytesOf(result);
        if (bytes.length === 0) continue;
        try {
          const message = decodeInterruptMessage(bytes, this.ccid.descriptor.maxSlotIndex + 1);
          if (message.type === 'slot-change') {
            const slot = message.slots.find((s) => s.slot === this.slot);
            if (slot && !slot.present) this.lose(new TransportError('transport/card-removed', 'the card was taken out of the reader'));
          }
        } catch {
          // An interrupt message we cannot read is not worth ending the session over.
        }
      }
    };
    void loop();
  }
}
