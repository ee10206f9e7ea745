import { concatBytes, MalformedDataError } from '../../bytes';
import { TransportError } from '../../transport';
import { decodeResponse, encodeCommand } from '../port100/commands';
import { decodeFrame, encodeFrame, frameLength, PORT100_ACK_FRAME, type Port100Frame } from '../port100/frame';
import { BulkPipes } from '../host/BulkPipes';
import { LinkTimeout } from '../host/usbSteps';
import type { UsbDeviceLike } from '../UsbDeviceLike';
import type { Port100Interface } from './vendorInterface';

/** How long the chip has to send its ACK frame for a command it received. */
const ACK_WITHIN_MS = 500;

/**
 * One Port-100 command at a time over the RC-S380's bulk pipes: write the command frame, read
 * the ACK frame, read the response frame (nfcpy rcs380.py `Chipset.send_command`; port100.c
 * `port100_send_frame_async` → `port100_recv_ack` → `port100_recv_response`). Frames may arrive
 * split over several transfers or together in one; the byte stream is cut by `frameLength`.
 */
export class Port100Link {
  private stream: Uint8Array = new Uint8Array(0);
  private readonly pipes: BulkPipes;

  constructor(device: UsbDeviceLike, pipes: Port100Interface, gone: Promise<never>) {
    // Ask for a whole frame's worth so a long reply can come in one transfer (nfcpy reads 300).
    this.pipes = new BulkPipes(device, pipes, gone, 1024);
  }

  /** Sends command `code` and resolves with its results once the response arrives within `replyWithinMs`. */
  async command(code: number, parameters: Uint8Array, replyWithinMs: number): Promise<Uint8Array> {
    await this.pipes.write(encodeFrame(encodeCommand(code, parameters)));
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
    await this.pipes.write(PORT100_ACK_FRAME);
  }

  /** Reads and drops whatever an earlier session left in the pipe (nfcpy `Chipset.__init__`), for up to `ms`. */
  async drain(ms: number): Promise<void> {
    try {
      for (;;) await this.pipes.read(ms);
    } catch (error) {
      if (!(error instanceof LinkTimeout)) throw error;
    }
    this.stream = new Uint8Array(0);
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
      this.stream = concatBytes(this.stream, await this.pipes.read(timeoutMs));
    }
  }

  /** While idle, notices an unplugged reader at once (a bulk-IN read kept pending). */
  watch(onLost: () => void): void {
    this.pipes.watch(onLost);
  }
}

function hex(code: number): string {
  return code.toString(16).padStart(2, '0').toUpperCase();
}
