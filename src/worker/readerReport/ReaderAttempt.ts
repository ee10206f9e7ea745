import type { CcidReaderReport } from '../../usb/ccid/CcidReader';
import type { Rcs300ReaderReport } from '../../usb/rcs300/Rcs300Reader';
import type { Rcs380ReaderReport } from '../../usb/rcs380/Rcs380Reader';
import type { UsbDeviceLike } from '../../usb/UsbDeviceLike';
import type { ReaderView } from '../../protocol';
import { RecordingUsbDevice, type UsbStep } from './RecordingUsbDevice';

/** What a reader driver reports of itself once started (plain data). */
export type DriverReport = CcidReaderReport | Rcs380ReaderReport | Rcs300ReaderReport;

/** Something the engine did instead of what it tried first, and why. */
interface ReportFallback {
  readonly from: string;
  readonly to: string;
  readonly because: string;
}

/**
 * One connection attempt to a USB reader as the reader report sees it (issue 15 §5): the device,
 * the driver's start-up recorded call by call (`RecordingUsbDevice`, start-up only), the route,
 * every fallback the engine took, what the driver reported, and the error if it failed — before or
 * after the connection. Collected by the engine (`readers.ts` records into it), never by the UI.
 */
export class ReaderAttempt {
  readonly startedAt = new Date().toISOString();
  private readonly recorders: RecordingUsbDevice[] = [];
  private device: UsbDeviceLike | null = null;
  view: ReaderView | null = null;
  driver: DriverReport | null = null;
  extendedLength: boolean | null = null;
  readonly fallbacks: ReportFallback[] = [];
  /** Why start-up failed, or why the connection was lost later (the first such reason). */
  error: { readonly code: string; readonly message: string; readonly when: 'start-up' | 'after start-up' } | null = null;

  constructor(private readonly now?: () => number) {}

  /** The device the driver gets: the same device, recording every call until `endStartUp`. */
  wrap(device: UsbDeviceLike): UsbDeviceLike {
    this.device = device;
    const recorder = new RecordingUsbDevice(device, this.now);
    this.recorders.push(recorder);
    return recorder;
  }

  /** The USB device tried (for its identity and descriptors), once `wrap` was called. */
  get usbDevice(): UsbDeviceLike | null {
    return this.device;
  }

  /** Every recorded step of every driver tried, numbered in order. */
  get steps(): UsbStep[] {
    const all = this.recorders.flatMap((r) => r.steps);
    return all.map((step, index) => ({ ...step, n: index + 1 }));
  }

  /** Start-up is over (either way): nothing more is recorded, so no APDU answer enters the steps. */
  endStartUp(): void {
    for (const recorder of this.recorders) recorder.stop();
  }

  /** Records why the attempt failed, or why the connection it made was lost; the first reason wins. */
  failed(error: unknown, when: 'start-up' | 'after start-up'): void {
    if (this.error) return;
    const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : 'unknown';
    const message = typeof error === 'object' && error !== null && 'message' in error ? String((error as { message: unknown }).message) : String(error);
    this.error = { code, message, when };
  }
}
