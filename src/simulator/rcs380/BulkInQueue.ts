import type { UsbInTransferResultLike } from '../../usb/UsbDeviceLike';

interface Waiter {
  readonly length: number;
  readonly resolve: (r: UsbInTransferResultLike) => void;
  readonly reject: (e: unknown) => void;
}

/**
 * The device side of a bulk-IN pipe: frames go out as packets of wMaxPacketSize, a short (or
 * zero-length) packet ending each (USB 2.0 §5.8.3); each `transferIn` takes one packet, and a
 * packet longer than the host asked for comes back as babble, as WebUSB reports it.
 */
export class BulkInQueue {
  private readonly waiters: Waiter[] = [];
  private readonly packets: Uint8Array[] = [];

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

  /** Drops what has not been read (a host ACK cancels the chip's answer; a replug empties the pipe). */
  clear(): void {
    this.packets.length = 0;
  }

  /** Fails every waiting transfer (unplug: NotFoundError; interface released: AbortError). */
  failAll(error: () => unknown): void {
    for (const w of this.waiters.splice(0)) w.reject(error());
  }

  private pump(): void {
    while (this.waiters.length > 0 && this.packets.length > 0) {
      const waiter = this.waiters.shift()!;
      const packet = this.packets.shift()!;
      const data = new DataView(packet.buffer, packet.byteOffset, Math.min(packet.byteLength, waiter.length));
      waiter.resolve({ status: packet.length > waiter.length ? 'babble' : 'ok', data });
    }
  }
}
