import { BaseTransport, TransportError } from '../../transport';
import type { TypeBActivation } from '../isodep/activation';
import { typeBAtr } from '../isodep/contactlessAtr';
import { IsoDepProtocol, type FrameOutcome } from '../isodep/IsoDepProtocol';
import { isDeviceLost, LinkTimeout } from '../host/usbSteps';

/** What every host-side ISO-DEP reader lets the caller tune. */
export interface IsoDepReaderOptions {
  /** Longest any one APDU may take, S(WTX) and retransmissions included. Default 60 s. */
  readonly commandDeadlineMs?: number;
  /** While idle, check this often that the card is still in the field (R(NAK) presence check); 0 = never. Default 1000 ms. */
  readonly presenceCheckMs?: number;
}

/** A card's chain buffer (FSC × 2^(MBLI−1), ISO/IEC 14443-3 §7.11) must hold this for extended APDUs: header, Lc, 256 data bytes, Le. */
const EXTENDED_COMMAND_BYTES = 4 + 3 + 256 + 2;

/**
 * A `CardTransport` for readers where the host does what a PC/SC contactless reader does inside
 * (docs/browser-platform.md §3.3): the card was activated as ISO/IEC 14443-3 Type B, APDUs go through
 * the ISO-DEP block protocol (ISO/IEC 14443-4), and the ATR is the PC/SC Part 3 one made from the
 * ATQB. A reader (RC-S380's Port-100, RC-S300's transparent session) supplies how one frame
 * crosses the air, how the field is switched off and how its USB interface is let go.
 * Card work runs one piece at a time; every APDU has a deadline; a card that stops answering is
 * `transport/card-removed`, an unplugged reader `transport/device-lost`.
 */
export abstract class IsoDepReader extends BaseTransport {
  readonly extendedLength: boolean;
  protected readonly protocol: IsoDepProtocol;
  protected readonly atrBytes: Uint8Array;
  private released = false;
  private cardGone = false;
  private deviceGone = false;
  private idle: Promise<unknown> = Promise.resolve();
  private presenceTimer: ReturnType<typeof setTimeout> | undefined;

  protected constructor(
    readonly activation: TypeBActivation,
    private readonly timing: IsoDepReaderOptions,
    private readonly endWaits: (reason: TransportError) => void,
  ) {
    super();
    const { atqb, attrib, fsd } = activation;
    this.protocol = new IsoDepProtocol((frame, waitMs) => this.exchangeFrame(frame, waitMs), { fsc: atqb.fsc, fsd, fwtMs: atqb.fwtMs });
    this.atrBytes = typeBAtr(atqb, attrib.mbli);
    // ISO-DEP chaining carries an APDU of any length; only a card that states a smaller chain buffer limits it.
    this.extendedLength = attrib.mbli === 0 || atqb.fsc * 2 ** (attrib.mbli - 1) >= EXTENDED_COMMAND_BYTES;
  }

  get atr(): Uint8Array {
    return this.atrBytes.slice();
  }

  /** For the app's `navigator.usb` "disconnect" event: the reader is gone. */
  deviceLost(): void {
    this.lose(new TransportError('transport/device-lost', 'the USB reader was disconnected'));
  }

  /** Moves one frame over the air and back. */
  protected abstract exchangeFrame(frame: Uint8Array, waitMs: number): Promise<FrameOutcome>;
  /** Best effort at close: switch the field off, end whatever session the reader keeps. */
  protected abstract shutDownField(): Promise<void>;
  /** Lets the USB interface go. */
  protected abstract releaseUsb(): Promise<void>;
  /** Keeps a USB read pending that fails when the reader is unplugged. */
  protected abstract watchUsbForUnplug(onGone: () => void): void;
  /** A deadline passed: tell the reader to drop what it was doing (nothing by default). */
  protected cancelAfterDeadline(): void {}

  /** Call at the end of the subclass constructor: starts the presence check and the unplug watch. */
  protected begin(): void {
    this.schedulePresenceCheck();
    this.watchForUnplug();
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
      // Let the card go (ISO/IEC 14443-4 §8) before the field goes off.
      if (!this.cardGone) await this.protocol.deselect().catch(() => undefined);
      await this.shutDownField().catch(() => undefined);
    }
    this.endWaits(new TransportError('transport/closed', 'the card connection is closed'));
    await this.releaseUsb().catch(() => undefined);
  }

  /** Runs card work one piece at a time (APDUs and the idle presence check share the reader). */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.idle.then(work, work);
    this.idle = run.catch(() => undefined).finally(() => this.watchForUnplug());
    return run;
  }

  private watchForUnplug(): void {
    if (this.released || !this.connected) return;
    this.watchUsbForUnplug(() => this.lose(new TransportError('transport/device-lost', 'the USB reader was unplugged')));
  }

  private async withDeadline<T>(work: () => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new LinkTimeout()), this.timing.commandDeadlineMs ?? 60_000);
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
        this.cancelAfterDeadline();
        throw this.lose(new TransportError('transport/timeout', 'the reader did not answer within the time allowed'));
      }
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
    const every = this.timing.presenceCheckMs ?? 1000;
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
