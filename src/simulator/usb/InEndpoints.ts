import type { UsbInTransferResultLike } from '../../usb/UsbDeviceLike';

interface Waiter {
  readonly length: number;
  readonly resolve: (r: UsbInTransferResultLike) => void;
  readonly reject: (e: unknown) => void;
}

/**
 * An emulated device's IN endpoints as the host sees them: messages go out as packets of the
 * endpoint's wMaxPacketSize, a message of a whole number of packets ends with a zero-length packet
 * (USB 2.0 §5.8.3), and each `transferIn` takes one packet — or reports babble when the packet is
 * larger than it asked for, as WebUSB does.
 */
export class InEndpoints {
  private readonly packets = new Map<number, Uint8Array[]>();
  private readonly waiters = new Map<number, Waiter[]>();

  constructor(
    /** wMaxPacketSize of each IN endpoint, by endpoint number. */
    private readonly packetSizes: ReadonlyMap<number, number>,
  ) {
    for (const endpoint of packetSizes.keys()) {
      this.packets.set(endpoint, []);
      this.waiters.set(endpoint, []);
    }
  }

  has(endpoint: number): boolean {
    return this.packetSizes.has(endpoint);
  }

  /** One message, cut into packets. */
  send(endpoint: number, message: Uint8Array): void {
    const size = this.packetSizes.get(endpoint)!;
    const packets = this.packets.get(endpoint)!;
    for (let i = 0; i < message.length; i += size) packets.push(message.slice(i, i + size));
    if (message.length % size === 0) packets.push(new Uint8Array(0));
    this.pump(endpoint);
  }

  /** One packet as it is, whatever its size (for faults: babble, a transfer cut short). */
  sendPacket(endpoint: number, packet: Uint8Array): void {
    this.packets.get(endpoint)!.push(packet);
    this.pump(endpoint);
  }

  /** A `transferIn` of up to `length` bytes: settles when a packet is there. */
  read(endpoint: number, length: number): Promise<UsbInTransferResultLike> {
    return new Promise((resolve, reject) => {
      this.waiters.get(endpoint)!.push({ length, resolve, reject });
      this.pump(endpoint);
    });
  }

  /** A fresh USB session: nothing left in any pipe. */
  clear(): void {
    for (const packets of this.packets.values()) packets.length = 0;
  }

  /** Rejects every transfer still waiting with `error`. */
  abort(error: unknown): void {
    for (const list of this.waiters.values()) {
      for (const w of list.splice(0)) w.reject(error);
    }
  }

  private pump(endpoint: number): void {
    const waiters = this.waiters.get(endpoint)!;
    const packets = this.packets.get(endpoint)!;
    while (waiters.length > 0 && packets.length > 0) {
      const waiter = waiters.shift()!;
      const packet = packets.shift()!;
      if (packet.length > waiter.length) {
        waiter.resolve({ status: 'babble', data: view(packet.slice(0, waiter.length)) });
      } else {
        waiter.resolve({ status: 'ok', data: view(packet) });
      }
    }
  }
}

export function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
