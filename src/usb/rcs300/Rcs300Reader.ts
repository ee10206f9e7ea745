import { BaseTransport, TransportError } from '../../transport';
import { claimFailure, openFailure, UsbAccessError, type HostOs } from '../host/UsbAccessError';
import type { TypeBActivation } from '../isodep/activation';
import { typeBAtr } from '../isodep/contactlessAtr';
import { IsoDepProtocol } from '../isodep/IsoDepProtocol';
import { isDeviceLost, LinkTimeout } from '../rcs380/Port100Link';
import type { UsbDeviceLike } from '../UsbDeviceLike';
import { EscapeLink } from './EscapeLink';
import { RCS300_INS } from './pseudoApdu';
import { buildRcs300Report, type Rcs300ReaderReport } from './report';
import { startUp, type Started } from './startUp';
import { TransparentSession } from './TransparentSession';
import { findRcs300VendorInterface, type Rcs300Interface } from './vendorInterface';

export type { Rcs300ReaderReport } from './report';

/** How the RC-S300 driver behaves (EXPERIMENTAL until confirmed on hardware, issue 5). */
export interface Rcs300ReaderOptions {
  /** Extra wait for each USB reply beyond the RF time the card is given (WebUSB transfers have no timeout). */
  readonly timeoutMs: number;
  /** Poll attempts before "no card" (default 10), and the pause between them (default 100 ms). */
  readonly pollAttempts?: number;
  readonly pollIntervalMs?: number;
  /** FSDI announced in ATTRIB; default 8 (256 bytes). */
  readonly fsdi?: number;
  /** Longest any one APDU may take, S(WTX) and retransmissions included. Default 60 s. */
  readonly commandDeadlineMs?: number;
  /** While idle, check this often that the card is still in the field (R(NAK) presence check); 0 = never. Default 1000 ms. */
  readonly presenceCheckMs?: number;
  /** Switch Protocol layer for Type B: 3 (default; the reader runs WUPB first) or 2 (frames only). */
  readonly switchLayer?: 2 | 3;
  /** Transmission/reception flags object to send after RF on; null = send none. Default 0x0010. */
  readonly transmissionFlags?: number | null;
  readonly os?: HostOs;
}

/** A card's chain buffer must hold this for extended APDUs (see Rcs380Reader). */
const EXTENDED_COMMAND_BYTES = 4 + 3 + 256 + 2;

/**
 * EXPERIMENTAL: a `CardTransport` over a Sony RC-S300 (054C:0DC8 /S, 0DC9 /P) through its
 * vendor-class interface (browser-platform.md §3.3): PC/SC Part 3 transparent-session
 * pseudo-APDUs in CCID escape messages, the reader moving raw Type B frames (CRC_B its own) while
 * the host does Type B activation and ISO-DEP — as `Rcs380Reader` does over Port-100 — and makes
 * up the PC/SC Part 3 ATR. Every USB read is bounded; a card that stops answering is
 * `transport/card-removed`, an unplugged reader `transport/device-lost`.
 *
 * Not confirmed on hardware (public RC-S300 code is FeliCa or Type A only; sources in each file):
 * INS 50 rather than C2 for these commands; Type B switch value 01 03 and what the reader does at
 * layer 3; whether the flags object 90 is accepted and bit 4 means "no prologue"; the status words
 * for a Type B timeout or CRC error; the frame size the reader carries; the layout of the FF 56
 * answer; the extended Transparent Exchange with three trailing zeros copied from public code.
 */
export class Rcs300Reader extends BaseTransport {
  readonly kind = 'rcs300';
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
    private readonly pipes: Rcs300Interface,
    private readonly session: TransparentSession,
    private readonly started: Started,
    private readonly options: Rcs300ReaderOptions,
    private readonly endWaits: (reason: TransportError) => void,
  ) {
    super();
    const { atqb, attrib, fsd } = started.activation;
    this.protocol = new IsoDepProtocol((frame, waitMs) => this.session.transceive(frame, waitMs), { fsc: atqb.fsc, fsd, fwtMs: atqb.fwtMs });
    this.atrBytes = typeBAtr(atqb, attrib.mbli);
    this.extendedLength = attrib.mbli === 0 || atqb.fsc * 2 ** (attrib.mbli - 1) >= EXTENDED_COMMAND_BYTES;
    this.schedulePresenceCheck();
    this.watchForUnplug();
  }

  get activation(): TypeBActivation {
    return this.started.activation;
  }

  get atr(): Uint8Array {
    return this.atrBytes.slice();
  }

  /** Opens the device, claims the vendor interface, starts a transparent session, finds and activates a Type B card. */
  static async open(device: UsbDeviceLike, options: Rcs300ReaderOptions): Promise<Rcs300Reader> {
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
    const pipes = findRcs300VendorInterface(device.configuration ? [device.configuration, ...device.configurations] : device.configurations);
    if (!pipes) throw new UsbAccessError('usb/not-a-reader', 'the device has no vendor-class interface with a bulk-IN and a bulk-OUT pipe');
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
    const session = new TransparentSession(new EscapeLink(device, pipes, gone), options.timeoutMs);
    try {
      const started = await guard('start-up', () => startUp(session, options));
      return new Rcs300Reader(device, pipes, session, started, options, endWaits);
    } catch (error) {
      endWaits(new TransportError('transport/closed', 'start-up failed'));
      if (!(error instanceof TransportError && error.code === 'transport/device-lost')) {
        await device.releaseInterface(pipes.interfaceNumber).catch(() => undefined);
      }
      throw error;
    }
  }

  /** For the app's `navigator.usb` "disconnect" event: the reader is gone. */
  deviceLost(): void {
    this.lose(new TransportError('transport/device-lost', 'the USB reader was disconnected'));
  }

  /** What the reader check view shows: version answer, ATQB, frame sizes, session particulars. */
  report(): Rcs300ReaderReport {
    return buildRcs300Report({
      usb: { interfaceNumber: this.pipes.interfaceNumber, interfaceClass: this.pipes.interfaceClass, packetSize: this.pipes.bulkIn.packetSize },
      atr: this.atrBytes,
      sendChunk: this.protocol.sendChunk,
      extendedLength: this.extendedLength,
      pseudoApduIns: RCS300_INS,
      switchLayer: this.options.switchLayer ?? 3,
      ...this.started,
    });
  }

  protected async exchange(command: Uint8Array): Promise<Uint8Array> {
    return this.serially(() => this.guarded(() => this.withDeadline(() => this.protocol.transmit(command.slice()))));
  }

  protected async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    clearTimeout(this.presenceTimer);
    await this.idle.catch(() => undefined);
    if (!this.deviceGone) {
      // Best effort: let the card go (ISO/IEC 14443-4 §8), field off, end our session (public code's `disconnect` order).
      if (!this.cardGone) await this.protocol.deselect().catch(() => undefined);
      await this.session.rfOff().catch(() => undefined);
      await this.session.end().catch(() => undefined);
    }
    this.endWaits(new TransportError('transport/closed', 'the card connection is closed'));
    await this.device.releaseInterface(this.pipes.interfaceNumber).catch(() => undefined);
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.idle.then(work, work);
    this.idle = run.catch(() => undefined).finally(() => this.watchForUnplug());
    return run;
  }

  private watchForUnplug(): void {
    if (this.released || !this.connected) return;
    this.session.watchForUnplug(() => this.lose(new TransportError('transport/device-lost', 'the USB reader was unplugged')));
  }

  private async withDeadline<T>(work: () => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new LinkTimeout()), this.options.commandDeadlineMs ?? 60_000);
    });
    try {
      return await Promise.race([work(), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof LinkTimeout) throw this.lose(new TransportError('transport/timeout', 'the reader did not answer within the time allowed'));
      if (isDeviceLost(error)) throw this.lose(new TransportError('transport/device-lost', 'the USB reader was unplugged'));
      if (error instanceof TransportError) {
        if (['transport/card-removed', 'transport/device-lost', 'transport/timeout'].includes(error.code)) throw this.lose(error);
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
