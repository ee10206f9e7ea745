import { concatBytes, MalformedDataError } from '../../bytes';
import { TransportError } from '../../transport';
import { decodeResponse, encodeCommand } from '../port100/commands';
import { decodeFrame, encodeFrame, frameLength, PORT100_ACK_FRAME, type Port100Frame } from '../port100/frame';
import { isDeviceLost, LinkTimeout } from '../host/usbSteps';
import type { UsbDeviceLike } from '../UsbDeviceLike';
import type { Port100Interface } from './vendorInterface';


/** How long the chip has to send its ACK frame for a command it received. */
const ACK_WITHIN_MS = 500;

/**
 * One Port-100 command at a time over the RC-S380's bulk pipes: write the command frame, read
 * the ACK frame, read the response frame (nfcpy rcs380.py `Chipset.send_command`; port100.c
 * `port100_send_frame_async` → `port100_recv_ack` → `port100_recv_response`). Frames may arrive
 * split over several transfers or together in one; the byte stream is cut by `frameLength`. A read
 * left pending by a timeout is reused by the next read, since WebUSB cannot cancel it.
 */
export class Port100Link {
  private stream: Uint8Array = new Uint8Array(0);
  private inFlight: Promise<Uint8Array> | null = null;

  constructor(
    private readonly device: UsbDeviceLike,
    private readonly pipes: Port100Interface,
    /** Settles (rejects) when the session ends, so a wait stops at once. */
    private readonly gone: Promise<never>,
  ) {}

  /** Sends command `code` and resolves with its results once the response arrives within `replyWithinMs`. */
  async command(code: number, parameters: Uint8Array, replyWithinMs: number): Promise<Uint8Array> {
    await this.write(encodeFrame(encodeCommand(code, parameters)));
    const ack = await this.readFrame(ACK_WITHIN_MS);
    if (ack.kind !== 'ack') throw new TransportError('transport/protocol', `the reader answered command ${hex(code)} without an ACK frame`);
    const response = await this.readFrame(replyWithinMs);
    if (response.kind !== 'data') throw new TransportError('transport/protocol', `the reader sent a second ACK instead of the response to ${hex(code)}`);
    try {
      return decodeResponse(code, response.data);
    } catch (error) {
      throw new TransportError('transport/protocol', error instanceof Error ? error.message : String(error));
    }
  }

  /** The ACK frame from the host: a soft reset at start-up and the way to cancel a command (port100.c `port100_abort_cmd`). */
  async sendAck(): Promise<void> {
    await this.write(PORT100_ACK_FRAME);
  }

  /** Reads and drops whatever an earlier session left in the pipe (nfcpy `Chipset.__init__`), for up to `ms`. */
  async drain(ms: number): Promise<void> {
    try {
      for (;;) await this.readChunk(ms);
    } catch (error) {
      if (!(error instanceof LinkTimeout)) throw error;
    }
    this.stream = new Uint8Array(0);
  }

  private async write(frame: Uint8Array): Promise<void> {
    const result = await this.device.transferOut(this.pipes.bulkOut.endpointNumber, frame.slice());
    if (result.status === 'stall') throw new TransportError('transport/protocol', 'the reader stalled the bulk-OUT pipe');
    // USB 2.0 §5.8.3: a transfer of whole packets ends with a zero-length packet, which WebUSB does
    // not add by itself (nfcpy clf/transport.py `USB.write` sends b'' in that case).
    const packet = this.pipes.bulkOut.packetSize;
    if (packet > 0 && frame.length % packet === 0) await this.device.transferOut(this.pipes.bulkOut.endpointNumber, new Uint8Array(0));
  }

  private async readFrame(timeoutMs: number): Promise<Port100Frame> {
    for (;;) {
      let length: number | null;
      try {
        length = frameLength(this.stream);
        if (length !== null && this.stream.length >= length) {
          const frame = this.stream.slice(0, length);
          this.stream = this.stream.slice(length);
          return decodeFrame(frame);
        }
      } catch (error) {
        this.stream = new Uint8Array(0);
        if (error instanceof MalformedDataError) throw new TransportError('transport/protocol', `malformed Port-100 frame: ${error.message}`);
        throw error;
      }
      this.stream = concatBytes(this.stream, await this.readChunk(timeoutMs));
    }
  }

  /**
   * Keeps a bulk-IN read pending while idle, so an unplugged reader is noticed at once (WebUSB
   * rejects it with NotFoundError); whatever it brings is kept for the next read.
   */
  watch(onLost: () => void): void {
    this.inFlight ??= this.startRead();
    this.inFlight.catch((error: unknown) => {
      if (isDeviceLost(error)) onLost();
    });
  }

  /** One bulk-IN transfer raced against a timer and the end of the session; a read left pending is reused. */
  private async readChunk(timeoutMs: number): Promise<Uint8Array> {
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

  private async startRead(): Promise<Uint8Array> {
    // Ask for a whole frame's worth so a long reply can come in one transfer (nfcpy reads 300).
    const packet = Math.max(1, this.pipes.bulkIn.packetSize);
    const result = await this.device.transferIn(this.pipes.bulkIn.endpointNumber, Math.ceil(1024 / packet) * packet);
    if (result.status === 'stall') {
      await this.device.clearHalt('in', this.pipes.bulkIn.endpointNumber).catch(() => undefined);
      throw new TransportError('transport/protocol', 'the reader stalled the bulk-IN pipe');
    }
    if (result.status === 'babble') throw new TransportError('transport/protocol', 'the reader sent more than it may in one packet');
    const view = result.data;
    return view ? new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength)) : new Uint8Array(0);
  }
}

function hex(code: number): string {
  return code.toString(16).padStart(2, '0').toUpperCase();
}
