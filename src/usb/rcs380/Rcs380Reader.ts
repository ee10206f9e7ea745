import { TransportError } from '../../transport';
import { IsoDepReader } from '../contactless/IsoDepReader';
import { UsbAccessError, type HostOs } from '../host/UsbAccessError';
import { claimReaderInterface, openDevice, sessionEnd, startUpStep } from '../host/usbSteps';
import { activateTypeB, type TypeBActivation } from '../isodep/activation';
import type { FrameOutcome } from '../isodep/IsoDepProtocol';
import type { TypeBBitRates } from '../isodep/typeB';
import { PORT100_TYPE_B_RATES } from '../port100/commands';
import { IN_COMM_RF_STATUS } from '../port100/inCommRf';
import type { UsbDeviceLike } from '../UsbDeviceLike';
import { Port100Chip } from './Port100Chip';
import { Port100Link } from './Port100Link';
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
  /** FSDI announced in ATTRIB; default 8 (256 bytes): the largest that fits the ~290 RF bytes the chip carries, FSDI 9 being 512. */
  readonly fsdi?: number;
  /** Longest any one APDU may take, S(WTX) and retransmissions included. Default 60 s. */
  readonly commandDeadlineMs?: number;
  /** Type B rates above 106 kbit/s to offer the card in ATTRIB; default 212 and 424 (the Port-100's, nfcpy). [] keeps 106. */
  readonly bitRates?: readonly number[];
  /** While idle, check this often that the card is still in the field (R(NAK) presence check); 0 = never. Default 1000 ms. */
  readonly presenceCheckMs?: number;
  readonly os?: HostOs;
}

/**
 * A `CardTransport` over a Sony RC-S380 (NFC Port-100, vendor interface, docs/browser-platform.md
 * §3.3): the host does what a PC/SC contactless reader does inside — Type B activation
 * (ISO/IEC 14443-3) and the ISO-DEP block protocol (ISO/IEC 14443-4) — through InCommRF, and
 * makes up the PC/SC Part 3 ATR. Every USB read is bounded; a card that stops answering is
 * `transport/card-removed`, an unplugged reader `transport/device-lost`.
 */
export class Rcs380Reader extends IsoDepReader {
  readonly kind = 'rcs380';

  private constructor(
    private readonly device: UsbDeviceLike,
    private readonly pipes: Port100Interface,
    private readonly chip: Port100Chip,
    private readonly firmwareVersion: string,
    activation: TypeBActivation,
    options: Rcs380ReaderOptions,
    endWaits: (reason: TransportError) => void,
  ) {
    super(activation, options, endWaits);
    this.begin();
  }

  /** Opens the device, claims the vendor interface, starts the chip, finds and activates a Type B card. */
  static async open(device: UsbDeviceLike, options: Rcs380ReaderOptions): Promise<Rcs380Reader> {
    const os = options.os ?? 'other';
    await openDevice(device, os);
    const pipes = findPort100Interface(device.configuration ? [device.configuration, ...device.configurations] : device.configurations);
    if (!pipes) throw new UsbAccessError('usb/not-a-reader', 'the device has no interface with a bulk-IN and a bulk-OUT pipe');
    await claimReaderInterface(device, pipes, os);
    const { gone, endWaits } = sessionEnd();
    const chip = new Port100Chip(new Port100Link(device, pipes, gone), options.timeoutMs);
    try {
      const firmwareVersion = await startUpStep('start-up', () => chip.initialise());
      await startUpStep('Type B set-up', () => chip.configureTypeB());
      const exchange = async (frame: Uint8Array, waitMs: number): Promise<FrameOutcome> => outcomeOf(await chip.inCommRf(frame, waitMs));
      const bitRates = {
        rates: (options.bitRates ?? PORT100_TYPE_B_RATES).filter((r) => PORT100_TYPE_B_RATES.includes(r)),
        set: (rates: TypeBBitRates) => chip.setTypeBRates(rates),
        resetField: () => chip.resetField(),
      };
      const activation = await startUpStep('polling', () =>
        activateTypeB(exchange, { attempts: options.pollAttempts ?? 10, intervalMs: options.pollIntervalMs ?? 100, fsdi: options.fsdi ?? 8, bitRates }),
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

  /** What the reader check view shows: firmware, ATQB, frame sizes and rate in use. */
  report(): Rcs380ReaderReport {
    const usb = { interfaceNumber: this.pipes.interfaceNumber, interfaceClass: this.pipes.interfaceClass, packetSize: this.pipes.bulkIn.packetSize };
    return buildReport(usb, this.firmwareVersion, this.atrBytes, this.activation, this.protocol.sendChunk, this.extendedLength);
  }

  /** One InCommRF; chip-side failures that no retransmission mends end the exchange. */
  protected async exchangeFrame(frame: Uint8Array, waitMs: number): Promise<FrameOutcome> {
    return outcomeOf(await this.chip.inCommRf(frame, waitMs));
  }

  /** Field off, then cancel anything the chip still holds. */
  protected async shutDownField(): Promise<void> {
    await this.chip.switchRf(false).catch(() => undefined);
    await this.chip.cancel();
  }

  protected async releaseUsb(): Promise<void> {
    await this.device.releaseInterface(this.pipes.interfaceNumber);
  }

  protected watchUsbForUnplug(onGone: () => void): void {
    this.chip.watchForUnplug(onGone);
  }

  /** An ACK frame makes the chip drop the command it is working on (port100.c `port100_abort_cmd`). */
  protected override cancelAfterDeadline(): void {
    void this.chip.cancel().catch(() => undefined);
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
