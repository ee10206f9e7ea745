import { toHex } from '../../bytes';
import type {
  UsbConfigurationLike,
  UsbControlTransferParametersLike,
  UsbDeviceLike,
  UsbDirectionLike,
  UsbInTransferResultLike,
  UsbOutTransferResultLike,
} from '../../usb/UsbDeviceLike';

/** One USB call a driver made while it started the reader: what went out, what came back, when, how long. */
export interface UsbStep {
  readonly n: number;
  readonly call: string;
  /** The call's arguments other than data (endpoint, length, setup packet, interface…). */
  readonly args: Readonly<Record<string, string | number>>;
  /** Hex of the bytes sent (transferOut). */
  readonly out?: string;
  /** Hex of the bytes received (controlTransferIn, transferIn). */
  readonly in?: string;
  /** WebUSB's transfer status, when the call has one. */
  readonly status?: string;
  /** What the call rejected with (DOMException name and message). */
  readonly error?: string;
  /** Milliseconds from the first step to this call's start, and how long it took (null: still pending when start-up ended). */
  readonly atMs: number;
  readonly tookMs: number | null;
}

/** The steps a recording device is allowed to keep: start-up only, never the card's answers to APDUs. */
const MAX_STEPS = 2000;

function bytesOfView(view: DataView | null | undefined): Uint8Array {
  return view ? new Uint8Array(view.buffer, view.byteOffset, view.byteLength) : new Uint8Array(0);
}

function describe(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error) {
    const { name, message } = error as { name: unknown; message?: unknown };
    return `${String(name)}: ${String(message ?? '')}`;
  }
  return String(error);
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

/**
 * A `UsbDeviceLike` (WICG WebUSB `USBDevice`) in front of a reader's device that records every call
 * the driver makes while it starts the reader — the bytes of each start-up step and its timing, for
 * the reader report (issue 15 §5). `stop()` ends the recording once start-up is over: from then on
 * calls pass straight through and nothing is kept, so the card's answers to APDUs (which may carry
 * personal data) never enter the steps; a read still pending at `stop()` is kept without its bytes.
 */
export class RecordingUsbDevice implements UsbDeviceLike {
  private readonly recorded: UsbStep[] = [];
  private recording = true;
  private readonly started: number;

  constructor(
    private readonly inner: UsbDeviceLike,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  /** The steps recorded so far, in the order the calls started. */
  get steps(): readonly UsbStep[] {
    return this.recorded;
  }

  /** Start-up is over: record nothing more. */
  stop(): void {
    this.recording = false;
  }

  get vendorId(): number {
    return this.inner.vendorId;
  }
  get productId(): number {
    return this.inner.productId;
  }
  get productName(): string | null | undefined {
    return this.inner.productName;
  }
  get manufacturerName(): string | null | undefined {
    return this.inner.manufacturerName;
  }
  get serialNumber(): string | null | undefined {
    return this.inner.serialNumber;
  }
  get opened(): boolean {
    return this.inner.opened;
  }
  get configuration(): UsbConfigurationLike | null {
    return this.inner.configuration;
  }
  get configurations(): readonly UsbConfigurationLike[] {
    return this.inner.configurations;
  }

  open(): Promise<void> {
    return this.track('open', {}, () => this.inner.open());
  }
  close(): Promise<void> {
    return this.track('close', {}, () => this.inner.close());
  }
  selectConfiguration(configurationValue: number): Promise<void> {
    return this.track('selectConfiguration', { configurationValue }, () => this.inner.selectConfiguration(configurationValue));
  }
  claimInterface(interfaceNumber: number): Promise<void> {
    return this.track('claimInterface', { interfaceNumber }, () => this.inner.claimInterface(interfaceNumber));
  }
  releaseInterface(interfaceNumber: number): Promise<void> {
    return this.track('releaseInterface', { interfaceNumber }, () => this.inner.releaseInterface(interfaceNumber));
  }
  clearHalt(direction: UsbDirectionLike, endpointNumber: number): Promise<void> {
    return this.track('clearHalt', { direction, endpointNumber }, () => this.inner.clearHalt(direction, endpointNumber));
  }
  controlTransferIn(setup: UsbControlTransferParametersLike, length: number): Promise<UsbInTransferResultLike> {
    const args = { requestType: setup.requestType, recipient: setup.recipient, request: setup.request, value: setup.value, index: setup.index, length };
    return this.track('controlTransferIn', args, () => this.inner.controlTransferIn(setup, length), (r) => ({ in: toHex(bytesOfView(r.data)), status: r.status ?? 'ok' }));
  }
  transferIn(endpointNumber: number, length: number): Promise<UsbInTransferResultLike> {
    return this.track('transferIn', { endpointNumber, length }, () => this.inner.transferIn(endpointNumber, length), (r) => ({ in: toHex(bytesOfView(r.data)), status: r.status ?? 'ok' }));
  }
  transferOut(endpointNumber: number, data: Uint8Array<ArrayBuffer>): Promise<UsbOutTransferResultLike> {
    const out = this.recording ? toHex(data) : '';
    return this.track('transferOut', { endpointNumber }, () => this.inner.transferOut(endpointNumber, data), (r) => ({ out, status: r.status ?? 'ok' }), { out });
  }

  private track<T>(
    call: string,
    args: UsbStep['args'],
    work: () => Promise<T>,
    outcome: (result: T) => Partial<UsbStep> = () => ({}),
    pending: Partial<UsbStep> = {},
  ): Promise<T> {
    if (!this.recording || this.recorded.length >= MAX_STEPS) return work();
    const at = this.now();
    const index = this.recorded.length;
    const base: UsbStep = { n: index + 1, call, args, ...pending, atMs: round(at - this.started), tookMs: null };
    this.recorded.push(base);
    const settle = (extra: Partial<UsbStep>) => {
      // A read that ends after start-up carries the card's answer to an APDU: its bytes stay out.
      if (!this.recording) return;
      this.recorded[index] = { ...base, ...extra, tookMs: round(this.now() - at) };
    };
    let promise: Promise<T>;
    try {
      promise = work();
    } catch (error) {
      settle({ error: describe(error) });
      throw error;
    }
    return promise.then(
      (result) => {
        settle(outcome(result));
        return result;
      },
      (error: unknown) => {
        settle({ error: describe(error) });
        throw error;
      },
    );
  }
}
