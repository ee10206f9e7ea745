import { BaseTransport, TransportError } from '../../transport';
import { claimFailure, openFailure, UsbAccessError, type HostOs } from '../host/UsbAccessError';
import { activateTypeB, type TypeBActivation } from '../isodep/activation';
import { typeBAtr } from '../isodep/contactlessAtr';
import { IsoDepProtocol, type FrameOutcome } from '../isodep/IsoDepProtocol';
import { IN_COMM_RF_STATUS } from '../port100/inCommRf';
import type { UsbDeviceLike } from '../UsbDeviceLike';
import { Port100Chip } from './Port100Chip';
import { isDeviceLost, LinkTimeout, Port100Link } from './Port100Link';
import { buildReport, type Rcs380ReaderReport } from './report';
import { findPort100Interface, type Port100Interface } from './vendorInterface';

export type { Rcs380ReaderReport } from './report';

/** How the RC-S380 driver behaves. */
export interface Rcs380ReaderOptions {
  /** Extra wait for each USB reply beyond the RF time the card is given (WebUSB transfers have no timeout). */
  readonly timeoutMs: number;
  /** WUPB polls before "no card" (default 10), and the pause between them (default 100 ms). */
  readonly pollAttempts?: number;
  readonly pollIntervalMs?: number;
  /** FSDI announced in ATTRIB; default 8 (256 bytes, within the ~290 RF bytes the chip carries). */
  readonly fsdi?: number;
  /** Longest any one APDU may take, S(WTX) and retransmissions included. Default 60 s. */
  readonly commandDeadlineMs?: number;
  /** While idle, check this often that the card is still in the field (R(NAK) presence check); 0 = never. Default 1000 ms. */
  readonly presenceCheckMs?: number;
  readonly os?: HostOs;
}

/** A card's chain buffer (FSC × 2^(MBLI−1), ISO/IEC 14443-3 §7.11) must hold this for extended APDUs: header, Lc, 256 data bytes, Le. */
const EXTENDED_COMMAND_BYTES = 4 + 3 + 256 + 2;

/**
 * A `CardTransport` over a Sony RC-S380 (NFC Port-100, vendor interface, browser-platform.md
 * §3.3): the host does what a PC/SC contactless reader does inside — Type B activation
 * (ISO/IEC 14443-3) and the ISO-DEP block protocol (ISO/IEC 14443-4) — through InCommRF, and
 * makes up the PC/SC Part 3 ATR. Every USB read is bounded; a card that stops answering is
 * `transport/card-removed`, an unplugged reader `transport/device-lost`.
 */
export class Rcs380Reader extends BaseTransport {
  readonly kind = 'rcs380';
  readonly extendedLength: boolean;
  private readonly protocol: IsoDepProtocol;
  private readonly atrBytes: Uint8Array;
  private released = false;
  private cardGone = false;
  private deviceGone = false;
  private idle: Promise<unknown> = Promise.resolve();
  private presenceTimer: ReturnType<typeof setTimeout> | undefined;

  private constructor(
    private readonly device: UsbDeviceLike,
    private readonly pipes: Port100Interface,
    private readonly chip: Port100Chip,
    private readonly firmwareVersion: string,
    readonly activation: TypeBActivation,
    private readonly options: Rcs380ReaderOptions,
    private readonly endWaits: (reason: TransportError) => void,
  ) {
    super();
    const { atqb, attrib, fsd } = activation;
    this.protocol = new IsoDepProtocol((frame, waitMs) => this.exchangeFrame(frame, waitMs), { fsc: atqb.fsc, fsd, fwtMs: atqb.fwtMs });
    this.atrBytes = typeBAtr(atqb, attrib.mbli);
    // ISO-DEP chaining carries an APDU of any length; only a card that states a smaller chain buffer limits it.
    this.extendedLength = attrib.mbli === 0 || atqb.fsc * 2 ** (attrib.mbli - 1) >= EXTENDED_COMMAND_BYTES;
    this.schedulePresenceCheck();
    this.watchForUnplug();
  }

  get atr(): Uint8Array {
    return this.atrBytes.slice();
  }

  /** Opens the device, claims the vendor interface, starts the chip, finds and activates a Type B card. */
  static async open(device: UsbDeviceLike, options: Rcs380ReaderOptions): Promise<Rcs380Reader> {
    const os = options.os ?? 'other';
    const guard = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
      try {
        return await work();
      } catch (error) {
        if (error instanceof TransportError || error instanceof UsbAccessError) throw error;
        if (isDeviceLost(error)) throw new TransportError('transport/device-lost', `the reader went away during ${step}`);
        if (error instanceof LinkTimeout) throw new TransportError('transport/timeout', `the reader did not answer during ${step}`);
        throw new TransportError('transport/protocol', `${step} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    if (!device.opened) await guard('open', () => device.open().catch((error: unknown) => Promise.reject(openFailure(error, os) ?? error)));
    const pipes = findPort100Interface(device.configuration ? [device.configuration, ...device.configurations] : device.configurations);
    if (!pipes) throw new UsbAccessError('usb/not-a-reader', 'the device has no interface with a bulk-IN and a bulk-OUT pipe');
    if (device.configuration?.configurationValue !== pipes.configurationValue) {
      await guard('selectConfiguration', () => device.selectConfiguration(pipes.configurationValue));
    }
    await guard('claimInterface', () =>
      device.claimInterface(pipes.interfaceNumber).catch((error: unknown) => Promise.reject(claimFailure(error, os, pipes.interfaceClass) ?? error)),
    );
    let endWaits: (reason: TransportError) => void = () => undefined;
    const gone = new Promise<never>((_, reject) => {
      endWaits = reject;
    });
    gone.catch(() => undefined);
    const chip = new Port100Chip(new Port100Link(device, pipes, gone), options.timeoutMs);
    try {
      const firmwareVersion = await guard('start-up', () => chip.initialise());
      await guard('Type B set-up', () => chip.configureTypeB());
      const exchange = async (frame: Uint8Array, waitMs: number): Promise<FrameOutcome> => outcomeOf(await chip.inCommRf(frame, waitMs));
      const activation = await guard('polling', () =>
        activateTypeB(exchange, { attempts: options.pollAttempts ?? 10, intervalMs: options.pollIntervalMs ?? 100, fsdi: options.fsdi ?? 8 }),
      );
      if (!activation) throw new UsbAccessError('usb/no-card', 'no My Number Card answered on the reader');
      return new Rcs380Reader(device, pipes, chip, firmwareVersion, activation, options, endWaits);
    } catch (error) {
      endWaits(new TransportError('transport/closed', 'start-up failed'));
      await chip.switchRf(false).catch(() => undefined);
      await device.releaseInterface(pipes.interfaceNumber).catch(() => undefined);
      throw error;
    }
  }

  /** For the app's `navigator.usb` "disconnect" event: the reader is gone. */
  deviceLost(): void {
    this.lose(new TransportError('transport/device-lost', 'the USB reader was disconnected'));
  }

  /** What the reader check view shows: firmware, ATQB, frame sizes and rate in use. */
  report(): Rcs380ReaderReport {
    const usb = { interfaceNumber: this.pipes.interfaceNumber, interfaceClass: this.pipes.interfaceClass, packetSize: this.pipes.bulkIn.packetSize };
    return buildReport(usb, this.firmwareVersion, this.atrBytes, this.activation, this.protocol.sendChunk, this.extendedLength);
  }

  protected async exchange(command: Uint8Array): Promise<Uint8Array> {
    return this.serially(() => this.withDeadline(() => this.guarded(() => this.protocol.transmit(command.slice()))));
  }

  protected async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    clearTimeout(this.presenceTimer);
    await this.idle.catch(() => undefined);
    if (!this.deviceGone) {
      // Best effort: let the card go (ISO/IEC 14443-4 §8), switch the field off, cancel anything pending.
      if (!this.cardGone) await this.protocol.deselect().catch(() => undefined);
      await this.chip.switchRf(false).catch(() => undefined);
      await this.chip.cancel().catch(() => undefined);
    }
    this.endWaits(new TransportError('transport/closed', 'the card connection is closed'));
    await this.device.releaseInterface(this.pipes.interfaceNumber).catch(() => undefined);
  }

  /** One InCommRF; chip-side failures that no retransmission mends end the exchange. */
  private async exchangeFrame(frame: Uint8Array, waitMs: number): Promise<FrameOutcome> {
    return outcomeOf(await this.chip.inCommRf(frame, waitMs));
  }

  /** Runs card work one piece at a time (APDUs and the idle presence check share the chip). */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.idle.then(work, work);
    this.idle = run.catch(() => undefined).finally(() => this.watchForUnplug());
    return run;
  }

  private watchForUnplug(): void {
    if (this.released || !this.connected) return;
    this.chip.watchForUnplug(() => this.lose(new TransportError('transport/device-lost', 'the USB reader was unplugged')));
  }

  private async withDeadline<T>(work: () => Promise<T>): Promise<T> {
    const deadlineMs = this.options.commandDeadlineMs ?? 60_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new LinkTimeout()), deadlineMs);
    });
    try {
      return await Promise.race([work(), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Maps what can go wrong under an exchange to the session's end with a typed reason. */
  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof LinkTimeout) {
        void this.chip.cancel().catch(() => undefined);
        throw this.lose(new TransportError('transport/timeout', 'the reader did not answer within the time allowed'));
      }
      if (isDeviceLost(error)) throw this.lose(new TransportError('transport/device-lost', 'the USB reader was unplugged'));
      if (error instanceof TransportError) {
        if (error.code === 'transport/card-removed' || error.code === 'transport/device-lost') throw this.lose(error);
        throw error;
      }
      throw new TransportError('transport/protocol', `unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private lose(reason: TransportError): TransportError {
    if (reason.code === 'transport/device-lost') this.deviceGone = true;
    if (reason.code === 'transport/card-removed') this.cardGone = true;
    clearTimeout(this.presenceTimer);
    this.disconnect(reason);
    this.endWaits(reason);
    return reason;
  }

  /** Between APDUs nothing else would notice a card lifted away; an R(NAK) presence check does (ISO/IEC 14443-4 §7.5.4). */
  private schedulePresenceCheck(): void {
    const every = this.options.presenceCheckMs ?? 1000;
    if (every <= 0) return;
    this.presenceTimer = setTimeout(() => {
      if (this.released || !this.connected) return;
      void this.serially(() => this.guarded(() => this.protocol.isPresent()))
        .then((present) => {
          if (!present) this.lose(new TransportError('transport/card-removed', 'the card left the reader'));
        })
        .catch(() => undefined)
        .finally(() => {
          if (this.connected && !this.released) this.schedulePresenceCheck();
        });
    }, every);
  }
}

/** InCommRF results as the ISO-DEP layer sees them; a field switched off or an overheated chip cannot be retried. */
function outcomeOf(result: Awaited<ReturnType<Port100Chip['inCommRf']>>): FrameOutcome {
  if (result.kind === 'frame') return { kind: 'frame', bytes: result.data };
  if (result.kind === 'timeout') return { kind: 'timeout' };
  const fatal = IN_COMM_RF_STATUS.rfOffError | IN_COMM_RF_STATUS.temperatureError | IN_COMM_RF_STATUS.transmitTimeout;
  if ((result.status & fatal) !== 0) throw new TransportError('transport/protocol', `the reader reported ${result.names.join(', ')}`, { status: result.status });
  return { kind: 'error' };
}
