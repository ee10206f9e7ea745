import { copyBytes } from '../../bytes';
import { TransportError } from '../../transport';
import { BulkPipes, WRITE_WITHIN_MS } from '../host/BulkPipes';
import { isDeviceLost, LinkTimeout } from '../host/usbSteps';
import type { UsbDeviceLike } from '../UsbDeviceLike';
import { BulkInAssembler } from './BulkInAssembler';
import type { Deadline } from './deadline';
import type { CcidInterface } from './descriptor';
import { decodeCcidReply, type CcidReply } from './replies';

/** How one command is taken. */
export interface CcidCommandOptions {
  /** Return a reply whose bmCommandStatus is "failed" instead of throwing. */
  readonly acceptFailed?: boolean;
  /** A T=1 WTX multiplier: the reply may take this many times `timeoutMs`. */
  readonly waitMultiplier?: number;
  /** During power-on an empty slot is an answer (`transport/card-removed` without ending the session). */
  readonly powerOn?: boolean;
}

/** What the link needs from the session that owns it. */
export interface CcidSession {
  /** Longest wait for one bulk-IN reply (WebUSB transfers have no timeout of their own). */
  readonly timeoutMs: number;
  /** The deadline of the command under way: the APDU's while one is, else a fresh one. */
  readonly deadline: () => Deadline;
  /** Rejects when the session ends, so a wait stops at once. */
  readonly gone: Promise<never>;
  /** Ends the session for `reason` and returns it, to be thrown. */
  readonly lose: (reason: TransportError) => TransportError;
}

/**
 * One PC_to_RDR message at a time and its reply (CCID 1.1 §6), over `BulkPipes`. bSeq rises with
 * every command; replies with another bSlot or bSeq are dropped (late answers to a command given up
 * on), time-extension replies move the deadline, and a reply of several packets is joined by
 * `BulkInAssembler`. Writes carry no zero-length packet: dwLength tells the reader where a message
 * ends (USB 2.0 §5.8.3 "exactly the amount of data expected"), and libccid sends none.
 */
export class CcidLink {
  /** bSlot of every command. */
  slot = 0;
  private seq = 0;
  private readonly pipes: BulkPipes;
  private readonly assembler: BulkInAssembler;
  private readonly queued: Uint8Array[] = [];

  constructor(
    device: UsbDeviceLike,
    ccid: CcidInterface,
    private readonly session: CcidSession,
  ) {
    const endpoint = (e: CcidInterface['bulkIn']) => ({ endpointNumber: e.number, packetSize: e.packetSize });
    // docs/browser-platform.md §4.10: ask for a whole message's worth, so a long reply can come in one transfer.
    this.pipes = new BulkPipes(device, { bulkIn: endpoint(ccid.bulkIn), bulkOut: endpoint(ccid.bulkOut) }, session.gone, ccid.descriptor.maxMessageLength, {
      zeroLengthPacket: false,
    });
    this.assembler = new BulkInAssembler(ccid.descriptor.maxMessageLength);
  }

  /**
   * Sends one PC_to_RDR message and waits for the reply with the same bSlot and bSeq, all within
   * one deadline. A time-extension reply (CCID 1.1 §6.2.6) moves the deadline, within its maximum,
   * and the wait goes on; an empty slot ends the session unless this is the power-on.
   */
  async command(build: (at: { slot: number; seq: number }) => Uint8Array, options: CcidCommandOptions = {}): Promise<CcidReply> {
    const { timeoutMs, lose } = this.session;
    const seq = this.seq;
    this.seq = (this.seq + 1) & 0xff;
    const deadline = this.session.deadline();
    const message = copyBytes(build({ slot: this.slot, seq }));
    await this.usb('bulk-OUT transfer', () => this.pipes.write(message, Math.min(WRITE_WITHIN_MS, deadline.remaining())));
    const wait = timeoutMs * Math.max(1, options.waitMultiplier ?? 1);
    for (;;) {
      const left = deadline.remaining();
      if (left <= 0) throw lose(new TransportError('transport/timeout', 'the card kept asking for more time and never answered'));
      const reply = await this.nextReply(Math.min(wait, left));
      if (reply.slot !== this.slot || reply.seq !== seq) continue;
      if (reply.commandStatus === 'time-extension') {
        deadline.extend(timeoutMs * Math.max(1, reply.timeExtension ?? 1));
        continue;
      }
      if (reply.iccStatus === 'absent') {
        if (options.powerOn) throw new TransportError('transport/card-removed', 'the slot is empty');
        throw lose(new TransportError('transport/card-removed', 'the card was taken out of the reader'));
      }
      if (reply.commandStatus === 'failed' && !options.acceptFailed) {
        throw new TransportError('transport/protocol', `the reader refused the command: ${reply.errorName ?? 'unknown'}`, {
          bError: reply.bError,
          messageType: reply.messageType,
        });
      }
      return reply;
    }
  }

  private async nextReply(timeoutMs: number): Promise<CcidReply> {
    for (;;) {
      const message = this.queued.shift();
      if (message) {
        try {
          return decodeCcidReply(message);
        } catch (error) {
          throw new TransportError('transport/protocol', `malformed CCID reply: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      const packet = await this.usb('bulk-IN transfer', () => this.pipes.read(timeoutMs));
      try {
        this.queued.push(...this.assembler.push(packet));
      } catch (error) {
        throw new TransportError('transport/protocol', `malformed CCID reply: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  /**
   * Runs one pipe operation and names what went wrong. After a lost reply, a stall or babble the
   * reader's and card's state is unknown: the session ends and the person reconnects.
   */
  private async usb<T>(step: string, work: () => Promise<T>): Promise<T> {
    const { lose } = this.session;
    try {
      return await work();
    } catch (error) {
      // The session already ended: its reason is the answer.
      if (error instanceof TransportError && error.code !== 'transport/protocol') throw error;
      if (error instanceof TransportError) throw lose(error);
      if (error instanceof LinkTimeout) throw lose(new TransportError('transport/timeout', 'the reader did not answer within the time allowed'));
      if (isDeviceLost(error)) throw lose(new TransportError('transport/device-lost', `the USB reader went away during ${step}`));
      throw new TransportError('transport/protocol', `${step} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
