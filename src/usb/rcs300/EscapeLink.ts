import { MalformedDataError } from '../../bytes';
import { TransportError } from '../../transport';
import { BulkInAssembler } from '../ccid/BulkInAssembler';
import { encodeEscape } from '../ccid/messages';
import { decodeCcidReply } from '../ccid/replies';
import { BulkPipes } from '../host/BulkPipes';
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
 * public RC-S300 WebUSB sample), so the ICC status is ignored; only "failed" counts.
 */
export class EscapeLink {
  private seq = 0;
  private readonly assembler = new BulkInAssembler(MAX_REPLY);
  private readonly messages: Uint8Array[] = [];
  private readonly pipes: BulkPipes;

  constructor(device: UsbDeviceLike, pipes: Rcs300Interface, gone: Promise<never>) {
    this.pipes = new BulkPipes(device, pipes, gone, MAX_REPLY);
  }

  /** Sends `data` in an escape message and resolves with the reply's data within `replyWithinMs` (time extensions add to it). */
  async command(data: Uint8Array, replyWithinMs: number): Promise<Uint8Array> {
    const seq = this.seq;
    this.seq = (this.seq + 1) & 0xff;
    await this.pipes.write(encodeEscape({ slot: 0, seq }, data));
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

  /** While idle, notices an unplugged reader at once (a bulk-IN read kept pending; what it brings is kept). */
  watch(onLost: () => void): void {
    this.pipes.watch(onLost);
  }

  private async nextMessage(timeoutMs: number): Promise<Uint8Array> {
    for (;;) {
      const ready = this.messages.shift();
      if (ready) return ready;
      const chunk = await this.pipes.read(timeoutMs);
      try {
        this.messages.push(...this.assembler.push(chunk));
      } catch (error) {
        if (error instanceof MalformedDataError) throw new TransportError('transport/protocol', error.message);
        throw error;
      }
    }
  }
}
