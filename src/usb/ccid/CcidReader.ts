import { copyBytes } from '../../bytes';
import { BaseTransport, TransportError } from '../../transport';
import { parseAtr, type Atr } from '../atr';
import { T1Protocol } from '../t1/T1Protocol';
import type { UsbDeviceLike, UsbInTransferResultLike } from '../UsbDeviceLike';
import { BulkInAssembler } from './BulkInAssembler';
import { findCcidInterfaces, type CcidInterface } from './descriptor';
import { decodeInterruptMessage } from './interrupt';
import { encodeIccPowerOff, encodeIccPowerOn, encodeSetParameters, encodeXfrBlock } from './messages';
import { t1ParametersFromAtr } from './parametersFromAtr';
import { decodeCcidReply, type CcidReply } from './replies';

/** How the reader driver behaves. */
export interface CcidReaderOptions {
  /** Longest wait for one bulk-IN reply (WebUSB transfers have no timeout of their own). */
  readonly timeoutMs: number;
  /** Slot to use; default 0. */
  readonly slot?: number;
}

/** USB 2.0 §9.4.3: GET_DESCRIPTOR, descriptor type CONFIGURATION in the high byte of wValue. */
const GET_DESCRIPTOR = 0x06;
const CONFIGURATION_DESCRIPTOR = 0x0200;

/** WebUSB rejects with these DOMException names when the device went away. */
function isDeviceLost(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null && 'name' in error ? (error as { name: unknown }).name : undefined;
  return name === 'NotFoundError' || name === 'NetworkError';
}

function bytesOf(result: UsbInTransferResultLike): Uint8Array {
  const view = result.data;
  if (!view) return new Uint8Array(0);
  return new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
}

class Timeout extends Error {}

/**
 * A `CardTransport` over a USB CCID reader (CCID 1.1; browser-platform.md §4.3–§4.7): TPDU-level
 * readers get T=1 blocks from `T1Protocol` inside XfrBlock, short/extended APDU-level readers get
 * the APDU in one XfrBlock. Replies with another bSeq are dropped, time-extension replies keep the
 * wait going, and every bulk-IN read is bounded by `timeoutMs`.
 */
export class CcidReader extends BaseTransport {
  readonly kind = 'ccid';
  readonly extendedLength: boolean;
  private atrBytes: Uint8Array = new Uint8Array(0);
  private seq = 0;
  private readonly assembler: BulkInAssembler;
  private readonly queued: Uint8Array[] = [];
  private bulkInFlight: Promise<UsbInTransferResultLike> | null = null;
  private t1: T1Protocol | null = null;
  private released = false;
  private readonly slot: number;

  private constructor(
    private readonly device: UsbDeviceLike,
    readonly ccid: CcidInterface,
    private readonly options: CcidReaderOptions,
  ) {
    super();
    this.slot = options.slot ?? 0;
    this.extendedLength = ccid.descriptor.features.exchangeLevel === 'extended-apdu';
    this.assembler = new BulkInAssembler(ccid.descriptor.maxMessageLength);
  }

  get atr(): Uint8Array {
    return this.atrBytes.slice();
  }

  /**
   * Reads the configuration descriptor, finds the CCID interface, selects the configuration,
   * claims the interface, powers the slot on and prepares the exchange level.
   */
  static async open(device: UsbDeviceLike, options: CcidReaderOptions): Promise<CcidReader> {
    const guard = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
      try {
        return await work();
      } catch (error) {
        if (error instanceof TransportError) throw error;
        if (isDeviceLost(error)) throw new TransportError('transport/device-lost', `the reader went away during ${step}`);
        throw new TransportError('transport/protocol', `${step} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    if (!device.opened) await guard('open', () => device.open());
    const setup = { requestType: 'standard', recipient: 'device', request: GET_DESCRIPTOR, value: CONFIGURATION_DESCRIPTOR, index: 0 } as const;
    const head = bytesOf(await guard('GET_DESCRIPTOR', () => device.controlTransferIn(setup, 9)));
    if (head.length < 9) throw new TransportError('transport/protocol', `configuration descriptor header is ${head.length} bytes`);
    const total = head[2]! | (head[3]! << 8);
    const configuration = bytesOf(await guard('GET_DESCRIPTOR', () => device.controlTransferIn(setup, total)));
    const ccid = await guard('reading the CCID descriptor', async () => findCcidInterfaces(configuration)[0]);
    if (!ccid) throw new TransportError('transport/protocol', 'the device has no CCID interface');
    const configurationValue = configuration[5]!;
    if (device.configuration?.configurationValue !== configurationValue) {
      await guard('selectConfiguration', () => device.selectConfiguration(configurationValue));
    }
    await guard('claimInterface', () => device.claimInterface(ccid.interfaceNumber));
    const reader = new CcidReader(device, ccid, options);
    try {
      await reader.start();
    } catch (error) {
      await reader.release().catch(() => undefined);
      throw error instanceof TransportError ? error : new TransportError('transport/protocol', `reader start-up failed: ${String(error)}`);
    }
    return reader;
  }

  /** For the app's `navigator.usb` "disconnect" event: the reader is gone. */
  deviceLost(): void {
    this.disconnect(new TransportError('transport/device-lost', 'the USB reader was disconnected'));
  }

  private async start(): Promise<void> {
    const level = this.ccid.descriptor.features.exchangeLevel;
    if (level === 'character') throw new TransportError('transport/protocol', 'character-level CCID readers are not supported');
    const powerOn = await this.command((at) => encodeIccPowerOn(at));
    if (powerOn.type !== 'data-block') throw new TransportError('transport/protocol', 'IccPowerOn did not answer with a DataBlock');
    let atr: Atr;
    try {
      atr = parseAtr(powerOn.data);
    } catch (error) {
      throw new TransportError('transport/protocol', `the card's ATR is malformed: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.atrBytes = atr.raw.slice();
    this.watchInterrupts();
    if (level !== 'tpdu') return;
    const parameters = t1ParametersFromAtr(atr);
    if (!parameters) throw new TransportError('transport/protocol', 'TPDU-level readers are supported for T=1 cards only');
    const features = this.ccid.descriptor.features;
    if (!features.autoParametersFromAtr && !features.autoParameterNegotiation) {
      await this.command((at) => encodeSetParameters(at, parameters));
    }
    this.t1 = new T1Protocol((block, { waitMultiplier }) => this.sendBlock(block, waitMultiplier), {
      ifsc: parameters.ifsc,
      ifsd: Math.max(1, Math.min(254, this.ccid.descriptor.maxIfsd)),
      negotiateIfsd: !features.autoIfsd,
      edc: parameters.edc,
    });
  }

  protected async exchange(command: Uint8Array): Promise<Uint8Array> {
    if (this.t1) return this.t1.transmit(command.slice());
    const reply = await this.command((at) => encodeXfrBlock(at, command.slice()));
    if (reply.type !== 'data-block') throw new TransportError('transport/protocol', 'XfrBlock did not answer with a DataBlock');
    if (reply.chainParameter !== 0) throw new TransportError('transport/protocol', 'chained reader responses are not supported yet');
    return reply.data;
  }

  private async sendBlock(block: Uint8Array, waitMultiplier: number): Promise<Uint8Array> {
    const bwi = waitMultiplier > 1 ? Math.min(255, waitMultiplier) : 0;
    const reply = await this.command((at) => encodeXfrBlock(at, block, { bwi }), { allowMute: true, waitMultiplier });
    if (reply.commandStatus === 'failed') return new Uint8Array(0);
    if (reply.type !== 'data-block') throw new TransportError('transport/protocol', 'XfrBlock did not answer with a DataBlock');
    return reply.data;
  }

  protected async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    // Best effort: power the card down (the verified state goes with it); the reader may be gone.
    if (this.atrBytes.length > 0 && !this.lostDevice) {
      await this.command((at) => encodeIccPowerOff(at)).catch(() => undefined);
    }
    await this.device.releaseInterface(this.ccid.interfaceNumber).catch(() => undefined);
  }

  private lostDevice = false;

  private lose(reason: TransportError): TransportError {
    if (reason.code === 'transport/device-lost') this.lostDevice = true;
    this.disconnect(reason);
    return reason;
  }

  /** Wraps a WebUSB call: a vanished device becomes `transport/device-lost`. */
  private async usb<T>(step: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof TransportError) throw error;
      if (error instanceof Timeout) throw new TransportError('transport/timeout', `the reader did not answer within the time allowed`);
      if (isDeviceLost(error)) throw this.lose(new TransportError('transport/device-lost', `the USB reader went away during ${step}`));
      throw new TransportError('transport/protocol', `${step} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Sends one PC_to_RDR message and waits for the reply with the same bSlot and bSeq (others are
   * dropped); time-extension replies restart the wait.
   */
  private async command(
    build: (at: { slot: number; seq: number }) => Uint8Array,
    options: { allowMute?: boolean; waitMultiplier?: number } = {},
  ): Promise<CcidReply> {
    const seq = this.seq;
    this.seq = (this.seq + 1) & 0xff;
    const message = copyBytes(build({ slot: this.slot, seq }));
    await this.usb('bulk-OUT transfer', () => this.device.transferOut(this.ccid.bulkOut.number, message));
    const timeoutMs = this.options.timeoutMs * Math.max(1, options.waitMultiplier ?? 1);
    for (;;) {
      const reply = await this.nextReply(timeoutMs);
      if (reply.slot !== this.slot || reply.seq !== seq) continue;
      if (reply.commandStatus === 'time-extension') continue;
      if (reply.iccStatus === 'absent') {
        throw this.lose(new TransportError('transport/card-removed', 'the card was taken out of the reader'));
      }
      if (reply.commandStatus === 'failed') {
        if (options.allowMute && reply.errorName === 'ICC_MUTE') return reply;
        throw new TransportError('transport/protocol', `the reader refused the command: ${reply.errorName ?? 'unknown'}`, {
          bError: reply.bError,
          messageType: reply.messageType,
        });
      }
      return reply;
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
      const packet = bytesOf(await this.readBulkIn(timeoutMs));
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
      pending = this.device.transferIn(this.ccid.bulkIn.number, this.ccid.bulkIn.packetSize);
      this.bulkInFlight = pending;
      const settled = pending;
      const clear = (): void => {
        if (this.bulkInFlight === settled) this.bulkInFlight = null;
      };
      settled.then(clear, clear);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expiry = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Timeout()), timeoutMs);
    });
    try {
      const inFlight = pending;
      return await this.usb('bulk-IN transfer', () => Promise.race([inFlight, expiry]));
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
