import { fromHex, toHex } from '../../../bytes';
import type { UsbConfigurationLike, UsbDeviceLike, UsbInTransferResultLike, UsbOutTransferResultLike } from '../../UsbDeviceLike';

/** One bulk-OUT write the host must make, byte for byte, and the bulk-IN transfers it then gets. */
export interface EscapeScriptStep {
  readonly out: string;
  /** Each string is one bulk-IN transfer (a reply may be split across several). */
  readonly in: readonly string[];
}

const vendor = {
  alternateSetting: 0,
  interfaceClass: 0xff,
  interfaceSubclass: 0,
  interfaceProtocol: 0,
  endpoints: [
    { endpointNumber: 2, direction: 'in', type: 'bulk', packetSize: 64 },
    { endpointNumber: 2, direction: 'out', type: 'bulk', packetSize: 64 },
  ],
} as const;
const ccid = { ...vendor, interfaceClass: 0x0b, endpoints: [] } as const;

/**
 * A USB device that plays a script written by hand: interface 0 CCID (class 0B), interface 1 of
 * class FF with bulk EP 2 both ways (the RC-S300 layout, docs/browser-platform.md §3.4); for each
 * bulk-OUT write the exact bytes expected and the transfers to answer. Zero-length writes are
 * allowed anywhere. Anything else fails the test at once.
 */
export class ScriptedEscapeDevice implements UsbDeviceLike {
  readonly vendorId = 0x054c;
  readonly productId = 0x0dc8;
  readonly serialNumber = null;
  opened = false;
  configuration: UsbConfigurationLike | null = null;
  readonly configurations: readonly UsbConfigurationLike[] = [
    {
      configurationValue: 1,
      interfaces: [
        { interfaceNumber: 0, alternate: ccid, alternates: [ccid], claimed: false },
        { interfaceNumber: 1, alternate: vendor, alternates: [vendor], claimed: false },
      ],
    },
  ];
  readonly claimedInterfaces: number[] = [];
  private readonly pendingIn: Uint8Array[] = [];
  private readonly waiting: ((r: UsbInTransferResultLike) => void)[] = [];
  private step = 0;

  constructor(private readonly script: readonly EscapeScriptStep[]) {}

  /** How many steps of the script have been played. */
  get played(): number {
    return this.step;
  }

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
  async claimInterface(interfaceNumber: number): Promise<void> {
    this.claimedInterfaces.push(interfaceNumber);
  }
  async releaseInterface(): Promise<void> {}
  async clearHalt(): Promise<void> {}
  async controlTransferIn(): Promise<UsbInTransferResultLike> {
    return { status: 'stall' };
  }

  async transferOut(endpoint: number, data: Uint8Array<ArrayBuffer>): Promise<UsbOutTransferResultLike> {
    if (endpoint !== 2) throw new Error(`bulk-OUT to endpoint ${endpoint}, not the vendor interface's 2`);
    if (data.length === 0) return { status: 'ok', bytesWritten: 0 };
    const expected = this.script[this.step];
    if (!expected) throw new Error(`unscripted bulk-OUT write ${toHex(data)}`);
    if (toHex(data) !== toHex(fromHex(expected.out))) throw new Error(`step ${this.step}: expected ${toHex(fromHex(expected.out))}, host sent ${toHex(data)}`);
    this.step++;
    for (const chunk of expected.in) this.deliver(fromHex(chunk));
    return { status: 'ok', bytesWritten: data.length };
  }

  transferIn(endpoint: number): Promise<UsbInTransferResultLike> {
    if (endpoint !== 2) return Promise.reject(new Error(`bulk-IN from endpoint ${endpoint}`));
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
