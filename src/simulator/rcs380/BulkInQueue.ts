import type { UsbInTransferResultLike } from '../../usb/UsbDeviceLike';

interface Waiter {
  readonly length: number;
  readonly resolve: (r: UsbInTransferResultLike) => void;
  readonly reject: (e: unknown) => void;
}

/**
 * The device side of a bulk-IN pipe: frames go out as packets of wMaxPacketSize, a short (or
 * zero-length) packet ending each (USB 2.0 §5.8.3). A `transferIn` completes as a host controller
 * completes it (USB 2.0 §5.8.3, "a bulk transfer is complete when the endpoint does exactly one
 * of: has transferred exactly the amount of data expected, transfers a packet with a payload size
 * less than wMaxPacketSize"): it gathers packets until it holds the length asked for or a short
 * packet arrives. A packet longer than the room left comes back as babble, as WebUSB reports it.
 */
export class BulkInQueue {
  private readonly waiters: Waiter[] = [];
  private readonly packets: Uint8Array[] = [];
  /** What the transfer at the head of `waiters` has gathered so far. */
  private gathered: Uint8Array[] = [];
  private gatheredLength = 0;

  constructor(private readonly packetSize: number) {}

  /** A `transferIn` from the host. */
  take(length: number): Promise<UsbInTransferResultLike> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ length, resolve, reject });
      this.pump();
    });
  }

  send(frame: Uint8Array): void {
    for (let i = 0; i < frame.length; i += this.packetSize) this.packets.push(frame.slice(i, i + this.packetSize));
    if (frame.length % this.packetSize === 0) this.packets.push(new Uint8Array(0));
    this.pump();
  }

  /** Drops what has not been sent yet (a host ACK cancels the chip's answer; a replug empties the pipe). */
  clear(): void {
    this.packets.length = 0;
  }

  /** Fails every waiting transfer (unplug: NotFoundError; interface released: AbortError). */
  failAll(error: () => unknown): void {
    this.gathered = [];
    this.gatheredLength = 0;
    for (const w of this.waiters.splice(0)) w.reject(error());
  }

  private pump(): void {
    while (this.waiters.length > 0 && this.packets.length > 0) {
      const waiter = this.waiters[0]!;
      const packet = this.packets.shift()!;
      const room = waiter.length - this.gatheredLength;
      if (packet.length > room) {
        this.complete('babble', packet.subarray(0, room));
        continue;
      }
      this.gathered.push(packet);
      this.gatheredLength += packet.length;
      if (packet.length < this.packetSize || this.gatheredLength === waiter.length) this.complete('ok');
    }
  }

  private complete(status: 'ok' | 'babble', overflow?: Uint8Array): void {
    const waiter = this.waiters.shift()!;
    const parts = overflow ? [...this.gathered, overflow] : this.gathered;
    const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const p of parts) {
      data.set(p, offset);
      offset += p.length;
    }
    this.gathered = [];
    this.gatheredLength = 0;
    waiter.resolve({ status, data: new DataView(data.buffer) });
  }
}
