import { TransportError } from '../../transport';
import { IsoDepReader } from '../contactless/IsoDepReader';
import { UsbAccessError, type HostOs } from '../host/UsbAccessError';
import { claimReaderInterface, openDevice, sessionEnd, startUpStep } from '../host/usbSteps';
import type { FrameOutcome } from '../isodep/IsoDepProtocol';
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
  /**
   * Switch Protocol layer for Type B: 3 (the reader runs WUPB first) or 2 (frames only). Setting
   * this or `transmissionFlags` fixes the one start-up sequence to use; left out, start-up tries
   * START_UP_SEQUENCES in turn (layer 3 and 2, with flags 0x0010 and without).
   */
  readonly switchLayer?: 2 | 3;
  /** Transmission/reception flags object to send after RF on; null = send none. Default 0x0010. */
  readonly transmissionFlags?: number | null;
  readonly os?: HostOs;
}

/**
 * EXPERIMENTAL: a `CardTransport` over a Sony RC-S300 (054C:0DC8 /S, 0DC9 /P) through its
 * vendor-class interface (docs/browser-platform.md §3.3): PC/SC Part 3 transparent-session
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
export class Rcs300Reader extends IsoDepReader {
  readonly kind = 'rcs300';

  private constructor(
    private readonly device: UsbDeviceLike,
    private readonly pipes: Rcs300Interface,
    private readonly session: TransparentSession,
    private readonly started: Started,
    private readonly options: Rcs300ReaderOptions,
    endWaits: (reason: TransportError) => void,
  ) {
    super(started.activation, options, endWaits);
    this.begin();
  }

  /** Opens the device, claims the vendor interface, starts a transparent session, finds and activates a Type B card. */
  static async open(device: UsbDeviceLike, options: Rcs300ReaderOptions): Promise<Rcs300Reader> {
    const os = options.os ?? 'other';
    await openDevice(device, os);
    const pipes = findRcs300VendorInterface(device.configuration ? [device.configuration, ...device.configurations] : device.configurations);
    if (!pipes) throw new UsbAccessError('usb/not-a-reader', 'the device has no vendor-class interface with a bulk-IN and a bulk-OUT pipe');
    await claimReaderInterface(device, pipes, os);
    const { gone, endWaits } = sessionEnd();
    const session = new TransparentSession(new EscapeLink(device, pipes, gone), options.timeoutMs);
    try {
      const started = await startUpStep('start-up', () => startUp(session, options));
      return new Rcs300Reader(device, pipes, session, started, options, endWaits);
    } catch (error) {
      endWaits(new TransportError('transport/closed', 'start-up failed'));
      if (!(error instanceof TransportError && error.code === 'transport/device-lost')) {
        await device.releaseInterface(pipes.interfaceNumber).catch(() => undefined);
      }
      throw error;
    }
  }

  /** What the reader check view shows: the RC-S380's fields plus what this dialect used. */
  report(): Rcs300ReaderReport {
    return buildRcs300Report({
      usb: { interfaceNumber: this.pipes.interfaceNumber, interfaceClass: this.pipes.interfaceClass, packetSize: this.pipes.bulkIn.packetSize },
      atr: this.atrBytes,
      sendChunk: this.protocol.sendChunk,
      extendedLength: this.extendedLength,
      pseudoApduIns: RCS300_INS,
      ...this.started,
    });
  }

  /** One raw Type B frame through the transparent session's Transceive. */
  protected exchangeFrame(frame: Uint8Array, waitMs: number): Promise<FrameOutcome> {
    return this.session.transceive(frame, waitMs);
  }

  /** Field off, then end our session (the order of public code's `disconnect`). */
  protected async shutDownField(): Promise<void> {
    await this.session.rfOff().catch(() => undefined);
    await this.session.end();
  }

  protected async releaseUsb(): Promise<void> {
    await this.device.releaseInterface(this.pipes.interfaceNumber);
  }

  protected watchUsbForUnplug(onGone: () => void): void {
    this.session.watchForUnplug(onGone);
  }
}
