import { TransportError } from '../../transport';
import type { UsbDeviceLike, UsbEndpointLike } from '../UsbDeviceLike';
import { isDeviceLost, LinkTimeout } from './usbSteps';

/** A vendor-class interface with one bulk pipe each way (the RC-S380's, the RC-S300's vendor interface). */
export interface BulkInterface {
  readonly configurationValue: number;
  readonly interfaceNumber: number;
  readonly interfaceClass: number;
  readonly bulkIn: UsbEndpointLike;
  readonly bulkOut: UsbEndpointLike;
}

/** What `BulkPipes` needs of an endpoint: the number WebUSB's transfer calls take, and wMaxPacketSize. */
export type BulkEndpoint = Pick<UsbEndpointLike, 'endpointNumber' | 'packetSize'>;

/** The two bulk pipes `BulkPipes` drives. */
export interface BulkPipeEnds {
  readonly bulkIn: BulkEndpoint;
  readonly bulkOut: BulkEndpoint;
}

/** How a link frames its writes. */
export interface BulkPipesOptions {
  /**
   * End a write of a whole number of packets with a zero-length packet (USB 2.0 §5.8.3), for a device
   * that cannot tell where a message ends otherwise. Default true. A CCID reader learns each message's
   * length from dwLength (CCID 1.1 §6.1), and libccid sends none: a stray empty transfer between
   * messages is something a reader's firmware need not expect.
   */
  readonly zeroLengthPacket?: boolean;
}

/**
 * How long one bulk-OUT write may take. A command frame is at most about a kilobyte: at USB full
 * speed that is well under a millisecond of bus time, so a second means the reader is not taking it.
 */
export const WRITE_WITHIN_MS = 1000;

/**
 * Bytes over a reader's two bulk pipes, as WebUSB allows (docs/browser-platform.md §4.10): writes end a
 * whole number of packets with a zero-length packet unless the link frames its own messages, every write
 * and every read is raced against a timer and the end of the session, a stalled pipe is cleared (USB 2.0
 * §9.4.5: it stays halted until then) and reported, and a read left pending by a timeout is reused by the
 * next read, since WebUSB cannot cancel it: bytes that arrive late still reach the stream. While idle, a
 * pending read notices an unplugged reader at once.
 */
export class BulkPipes {
  private inFlight: Promise<Uint8Array> | null = null;
  private readonly zeroLengthPacket: boolean;

  constructor(
    private readonly device: UsbDeviceLike,
    private readonly pipes: BulkPipeEnds,
    /** Rejects when the session ends, so a wait stops at once. */
    private readonly gone: Promise<never>,
    /** How much one bulk-IN transfer asks for, rounded up to whole packets: a whole reply's worth. */
    private readonly readSize: number,
    options: BulkPipesOptions = {},
  ) {
    this.zeroLengthPacket = options.zeroLengthPacket ?? true;
  }

  /**
   * Writes `bytes`, raced against `withinMs` (at most `WRITE_WITHIN_MS`) and the end of the session: a
   * reader that never takes a bulk-OUT transfer (NAKs for ever) must not leave `transmit` or `close`
   * waiting for ever (issue 15 §3). WebUSB cannot cancel the transfer; the session ends instead.
   */
  async write(bytes: Uint8Array, withinMs: number = WRITE_WITHIN_MS): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expiry = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new LinkTimeout()), Math.max(0, Math.min(WRITE_WITHIN_MS, withinMs)));
    });
    try {
      await Promise.race([this.transfer(bytes), expiry, this.gone]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async transfer(bytes: Uint8Array): Promise<void> {
    const endpoint = this.pipes.bulkOut.endpointNumber;
    const result = await this.device.transferOut(endpoint, bytes.slice());
    if (result.status === 'stall') {
      await this.device.clearHalt('out', endpoint).catch(() => undefined);
      throw new TransportError('transport/protocol', 'the reader stalled the bulk-OUT pipe');
    }
    // USB 2.0 §5.8.3: a transfer of whole packets ends with a zero-length packet, which WebUSB does
    // not add by itself (nfcpy clf/transport.py `USB.write` sends b'' in that case).
    const packet = this.pipes.bulkOut.packetSize;
    if (this.zeroLengthPacket && packet > 0 && bytes.length % packet === 0) await this.device.transferOut(endpoint, new Uint8Array(0));
  }

  /** One bulk-IN transfer's bytes, within `timeoutMs` (else `LinkTimeout`). */
  async read(timeoutMs: number): Promise<Uint8Array> {
    const pending = (this.inFlight ??= this.startRead());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expiry = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new LinkTimeout()), timeoutMs);
    });
    try {
      const bytes = await Promise.race([pending, expiry, this.gone]);
      this.inFlight = null;
      return bytes;
    } catch (error) {
      if (!(error instanceof LinkTimeout)) this.inFlight = null;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Keeps a bulk-IN read pending while idle; `onLost` runs if it fails because the reader was unplugged. */
  watch(onLost: () => void): void {
    this.inFlight ??= this.startRead();
    this.inFlight.catch((error: unknown) => {
      if (isDeviceLost(error)) onLost();
    });
  }

  private async startRead(): Promise<Uint8Array> {
    const endpoint = this.pipes.bulkIn.endpointNumber;
    const packet = Math.max(1, this.pipes.bulkIn.packetSize);
    const result = await this.device.transferIn(endpoint, Math.ceil(this.readSize / packet) * packet);
    if (result.status === 'stall') {
      await this.device.clearHalt('in', endpoint).catch(() => undefined);
      throw new TransportError('transport/protocol', 'the reader stalled the bulk-IN pipe');
    }
    if (result.status === 'babble') throw new TransportError('transport/protocol', 'the reader sent more than it may in one packet');
    const view = result.data;
    return view ? new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength)) : new Uint8Array(0);
  }
}
