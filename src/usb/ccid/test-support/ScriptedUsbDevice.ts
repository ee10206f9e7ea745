import { fromHex, toHex } from '../../../bytes';
import type {
  UsbConfigurationLike,
  UsbControlTransferParametersLike,
  UsbDeviceLike,
  UsbInTransferResultLike,
  UsbOutTransferResultLike,
} from '../../UsbDeviceLike';

/** One bulk-OUT message the host must send, byte for byte, and the bulk-IN reply it then gets. */
export interface ScriptStep {
  readonly out: string;
  readonly in: string;
}

/**
 * A USB device that plays a script written by hand from the CCID specification: the
 * configuration descriptor it was given, then for each bulk-OUT transfer the exact bytes expected
 * and the bytes to answer. A host that sends anything else fails the test at once.
 */
export class ScriptedUsbDevice implements UsbDeviceLike {
  readonly vendorId = 0x1209;
  readonly productId = 0x0010;
  readonly productName = 'scripted CCID reader';
  readonly serialNumber = null;
  opened = false;
  configuration: UsbConfigurationLike | null = null;
  readonly configurations: readonly UsbConfigurationLike[] = [];
  private readonly pendingIn: Uint8Array[] = [];
  private readonly waiting: ((r: UsbInTransferResultLike) => void)[] = [];
  private step = 0;

  constructor(
    private readonly configurationDescriptor: string,
    private readonly script: readonly ScriptStep[],
  ) {}

  /** True once every step of the script was played. */
  get finished(): boolean {
    return this.step === this.script.length;
  }

  async open(): Promise<void> {
    this.opened = true;
  }
  async close(): Promise<void> {
    this.opened = false;
  }
  async selectConfiguration(value: number): Promise<void> {
    this.configuration = { configurationValue: value, interfaces: [] };
  }
  async claimInterface(): Promise<void> {}
  async releaseInterface(): Promise<void> {}
  async clearHalt(): Promise<void> {}

  async controlTransferIn(_setup: UsbControlTransferParametersLike, length: number): Promise<UsbInTransferResultLike> {
    const bytes = fromHex(this.configurationDescriptor).slice(0, length);
    return { status: 'ok', data: new DataView(bytes.buffer) };
  }

  async transferOut(_endpoint: number, data: Uint8Array<ArrayBuffer>): Promise<UsbOutTransferResultLike> {
    const expected = this.script[this.step];
    if (!expected) throw new Error(`unscripted bulk-OUT message ${toHex(data)}`);
    if (toHex(data) !== toHex(fromHex(expected.out))) {
      throw new Error(`step ${this.step}: expected ${toHex(fromHex(expected.out))}, host sent ${toHex(data)}`);
    }
    this.step++;
    this.deliver(fromHex(expected.in));
    return { status: 'ok', bytesWritten: data.length };
  }

  transferIn(endpoint: number): Promise<UsbInTransferResultLike> {
    if (endpoint !== 1) return new Promise(() => undefined);
    const ready = this.pendingIn.shift();
    if (ready) return Promise.resolve({ status: 'ok', data: new DataView(ready.buffer) });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private deliver(bytes: Uint8Array): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter({ status: 'ok', data: new DataView(bytes.buffer) });
    else this.pendingIn.push(bytes);
  }
}
