import { MalformedDataError } from '../../bytes';
import { TransportError } from '../../transport';
import { BulkInAssembler } from '../ccid/BulkInAssembler';
import { encodeEscape } from '../ccid/messages';
import { decodeCcidReply } from '../ccid/replies';
import { isDeviceLost, LinkTimeout } from '../host/usbSteps';
import type { UsbDeviceLike } from '../UsbDeviceLike';
import type { Rcs300Interface } from './vendorInterface';

/**
 * The largest reply we accept. The vendor interface has no CCID class descriptor to state
 * dwMaxCCIDMessageLength; the RC-S300's CCID interface states 522 (libccid readers/
 * SONY_FeliCa_RC-S300_S.txt). A 254-byte card frame wrapped in C0/92/96/97 objects needs ~285.
 */
const MAX_REPLY = 10 + 1024;
/** CCID 1.1 §6.2.6 time extensions in a row before the reader counts as stuck. */
const MAX_TIME_EXTENSIONS = 20;

/**
 * One PC_to_RDR_Escape at a time over the vendor interface's bulk pipes (CCID 1.1 §6.1.8 /
 * §6.2.4, slot 0, bSeq counting up: marimelon/rcs300-poc `RCS300Packet.ts` `SendPacket`). The
 * reply is RDR_to_PC_Escape (83) with the same bSeq; replies with another bSeq (late answers to
 * a command we gave up on) are dropped. bStatus says "no ICC present" (02) on the vendor slot even
 * while a card answers (a captured reply `83 24 00 00 00 00 06 02 00 00 C0 03 00 90 00 …` in a
 * public RC-S300 WebUSB sample), so the ICC status is ignored; only "failed" counts. A read left
 * pending by a timeout is reused by the next read, since WebUSB cannot cancel it.
 */
export class EscapeLink {
  private seq = 0;
  private readonly assembler = new BulkInAssembler(MAX_REPLY);
  private readonly messages: Uint8Array[] = [];
  private inFlight: Promise<Uint8Array> | null = null;

  constructor(
    private readonly device: UsbDeviceLike,
    private readonly pipes: Rcs300Interface,
    /** Rejects when the session ends, so a wait stops at once. */
    private readonly gone: Promise<never>,
  ) {}

  /** Sends `data` in an escape message and resolves with the reply's data within `replyWithinMs` (time extensions add to it). */
  async command(data: Uint8Array, replyWithinMs: number): Promise<Uint8Array> {
    const seq = this.seq;
    this.seq = (this.seq + 1) & 0xff;
    await this.write(encodeEscape({ slot: 0, seq }, data));
    let extensions = 0;
    for (;;) {
      const message = await this.nextMessage(replyWithinMs);
      let reply;
      try {
        reply = decodeCcidReply(message);
      } catch (error) {
        if (error instanceof MalformedDataError) throw new TransportError('transport/protocol', `malformed reply on the vendor interface: ${error.message}`);
        throw error;
      }
      if (reply.slot !== 0 || reply.seq !== seq) continue;
      if (reply.commandStatus === 'time-extension') {
        if (++extensions > MAX_TIME_EXTENSIONS) throw new TransportError('transport/timeout', 'the reader kept asking for more time');
        continue;
      }
      if (reply.commandStatus === 'failed') {
        throw new TransportError('transport/protocol', `the reader failed the escape command: ${reply.errorName ?? reply.bError}`, { bError: reply.bError });
      }
      if (reply.type !== 'escape') throw new TransportError('transport/protocol', `the reader answered an escape with message type ${reply.messageType.toString(16)}`);
      return reply.data;
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

  private async write(message: Uint8Array): Promise<void> {
    const result = await this.device.transferOut(this.pipes.bulkOut.endpointNumber, message.slice());
    if (result.status === 'stall') throw new TransportError('transport/protocol', 'the reader stalled the bulk-OUT pipe');
    // USB 2.0 §5.8.3: a transfer of whole packets ends with a zero-length packet, which WebUSB does not add.
    const packet = this.pipes.bulkOut.packetSize;
    if (packet > 0 && message.length % packet === 0) await this.device.transferOut(this.pipes.bulkOut.endpointNumber, new Uint8Array(0));
  }

  private async nextMessage(timeoutMs: number): Promise<Uint8Array> {
    for (;;) {
      const ready = this.messages.shift();
      if (ready) return ready;
      const chunk = await this.readChunk(timeoutMs);
      try {
        this.messages.push(...this.assembler.push(chunk));
      } catch (error) {
        if (error instanceof MalformedDataError) throw new TransportError('transport/protocol', error.message);
        throw error;
      }
    }
  }

  /** One bulk-IN transfer raced against a timer and the end of the session. */
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
    const packet = Math.max(1, this.pipes.bulkIn.packetSize);
    const result = await this.device.transferIn(this.pipes.bulkIn.endpointNumber, Math.ceil(MAX_REPLY / packet) * packet);
    if (result.status === 'stall') {
      await this.device.clearHalt('in', this.pipes.bulkIn.endpointNumber).catch(() => undefined);
      throw new TransportError('transport/protocol', 'the reader stalled the bulk-IN pipe');
    }
    if (result.status === 'babble') throw new TransportError('transport/protocol', 'the reader sent more than it may in one packet');
    const view = result.data;
    return view ? new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength)) : new Uint8Array(0);
  }
}
