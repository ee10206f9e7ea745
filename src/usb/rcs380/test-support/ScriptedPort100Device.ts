import { fromHex, toHex } from '../../../bytes';
import type { UsbConfigurationLike, UsbDeviceLike, UsbInTransferResultLike, UsbOutTransferResultLike } from '../../UsbDeviceLike';

/** One bulk-OUT write the host must make, byte for byte, and the bulk-IN transfers it then gets. */
export interface Port100ScriptStep {
  readonly out: string;
  /** Each string is one bulk-IN transfer (frames may be split across, or share, transfers). */
  readonly in: readonly string[];
}

const alternate = {
  alternateSetting: 0,
  interfaceClass: 0xff,
  interfaceSubclass: 0,
  interfaceProtocol: 0,
  endpoints: [
    { endpointNumber: 1, direction: 'in', type: 'bulk', packetSize: 64 },
    { endpointNumber: 2, direction: 'out', type: 'bulk', packetSize: 64 },
  ],
} as const;

/**
 * A USB device that plays a script written by hand from the Port-100 framing facts (nfcpy
 * rcs380.py, Linux port100.c): interface 0 of class FF with bulk-IN 1 and bulk-OUT 2, then for
 * each bulk-OUT write the exact bytes expected and the transfers to answer. Zero-length writes
 * (the end of a whole-packet frame) are allowed anywhere. Anything else fails the test at once.
 */
export class ScriptedPort100Device implements UsbDeviceLike {
  readonly vendorId = 0x054c;
  readonly productId = 0x06c1;
  readonly serialNumber = null;
  opened = false;
  configuration: UsbConfigurationLike | null = null;
  readonly configurations: readonly UsbConfigurationLike[] = [{ configurationValue: 1, interfaces: [{ interfaceNumber: 0, alternate, alternates: [alternate], claimed: false }] }];
  private readonly pendingIn: Uint8Array[] = [];
  private readonly waiting: ((r: UsbInTransferResultLike) => void)[] = [];
  private step = 0;

  constructor(private readonly script: readonly Port100ScriptStep[]) {}

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
  async selectConfiguration(): Promise<void> {
    this.configuration = this.configurations[0]!;
  }
  async claimInterface(): Promise<void> {}
  async releaseInterface(): Promise<void> {}
  async clearHalt(): Promise<void> {}
  async controlTransferIn(): Promise<UsbInTransferResultLike> {
    return { status: 'stall' };
  }

  async transferOut(_endpoint: number, data: Uint8Array<ArrayBuffer>): Promise<UsbOutTransferResultLike> {
    if (data.length === 0) return { status: 'ok', bytesWritten: 0 };
    const expected = this.script[this.step];
    if (!expected) throw new Error(`unscripted bulk-OUT write ${toHex(data)}`);
    if (toHex(data) !== toHex(fromHex(expected.out))) throw new Error(`step ${this.step}: expected ${toHex(fromHex(expected.out))}, host sent ${toHex(data)}`);
    this.step++;
    for (const chunk of expected.in) this.deliver(fromHex(chunk));
    return { status: 'ok', bytesWritten: data.length };
  }

  transferIn(): Promise<UsbInTransferResultLike> {
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
