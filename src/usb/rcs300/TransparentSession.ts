import { MalformedDataError, toHex } from '../../bytes';
import { TransportError } from '../../transport';
import type { FrameOutcome } from '../isodep/IsoDepProtocol';
import { LinkTimeout } from '../host/usbSteps';
import type { EscapeLink } from './EscapeLink';
import { CommandTag, GET_FIRMWARE_VERSION, manageSession, setFlags, switchProtocol, SwitchStandard, transceive, type SwitchLayer } from './pseudoApdu';
import { decodeSessionResponse, objectValue, requireAccepted, ResponseTag, SessionCommandError, type SessionResponse } from './sessionResponse';

/** How long a command with no RF traffic may take. */
const SETUP_REPLY_MS = 1000;
/** FF 56 is a guess at a version query (see pseudoApdu.ts); it gets little time and may fail quietly. */
const FIRMWARE_REPLY_MS = 300;
/**
 * How long the field is left to settle after RF off and after RF on before the next command:
 * marimelon/rcs300-poc (`turnOffRf`, `turnOnRf`: `await sleep(30)` after each) waits 30 ms;
 * Takashi-Matsumura/nfc-rcs300-readidm waits 50 ms after every write, these two included. A card
 * needs the field off long enough to lose power (and its ISO-DEP state) and on long enough to
 * power up before it can answer WUPB (ISO/IEC 14443-3 §7: a PICC answers only once powered).
 */
const RF_SETTLE_MS = 30;

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, RF_SETTLE_MS));

/**
 * C0 status words that mean "the card did not answer this frame", not "the command was wrong":
 * 64 01 is what an RC-S300 answered for an exchange with nothing in the field (ESP32 probe
 * tests); 63 01 is reported as the RF timeout by one write-up (docs/browser-platform.md §3.4); 63 00 is the
 * Supplement's "no information". ⚠ Which of these the RC-S300 uses for a Type B timeout is unconfirmed.
 */
const NO_CARD_ANSWER = new Set([0x6401, 0x6301, 0x6300]);
/** C0 6F 00 "no precise diagnosis" on an exchange: treated as a damaged frame, which ISO-DEP retries. */
const DAMAGED_FRAME = new Set([0x6f00]);

/**
 * The reader's side of a PC/SC Part 3 transparent session on the RC-S300 vendor interface: the
 * start-up order every public RC-S300 program uses (end session, start session, RF off, RF on,
 * switch protocol: marimelon/rcs300-poc `initDevice`, Takashi-Matsumura `session300`), then
 * one RF frame per Transparent Exchange.
 */
export class TransparentSession {
  constructor(
    private readonly link: EscapeLink,
    /** Extra time, beyond the RF timer, for the USB round trip of an exchange. */
    private readonly usbMarginMs: number,
  ) {}

  /** `FF 56 00 00`: hex of whatever precedes 90 00, or null when the reader does not answer it that way. */
  async firmwareVersion(): Promise<string | null> {
    try {
      const data = await this.link.command(GET_FIRMWARE_VERSION, FIRMWARE_REPLY_MS);
      const n = data.length;
      if (n > 2 && data[n - 2] === 0x90 && data[n - 1] === 0x00) return toHex(data.subarray(0, n - 2));
      return null;
    } catch (error) {
      if (error instanceof TransportError && error.code === 'transport/device-lost') throw error;
      if (error instanceof TransportError || error instanceof LinkTimeout) return null;
      throw error;
    }
  }

  /**
   * End a session an earlier page (or an earlier start-up sequence) may have left open — a refusal
   * is fine — start ours, and cycle the field, letting it settle after each switch.
   */
  async start(): Promise<void> {
    await this.run('end transparent session', manageSession(CommandTag.endSession)).catch((error: unknown) => {
      if (!(error instanceof SessionCommandError)) throw error;
    });
    await this.runAccepted('start transparent session', manageSession(CommandTag.startSession));
    await this.rfOff();
    await settle();
    await this.runAccepted('RF on', manageSession(CommandTag.rfOn));
    await settle();
  }

  /** Asks the reader to own CRC_B and leave the prologue alone; false when it refuses the flags object. */
  async setFlags(flags: number): Promise<boolean> {
    try {
      await this.runAccepted('transmission and reception flags', setFlags(flags));
      return true;
    } catch (error) {
      if (error instanceof SessionCommandError) return false;
      throw error;
    }
  }

  /**
   * Switch Protocol to ISO/IEC 14443 Type B at `layer`. At layer 3 the reader polls itself and
   * says "no card answer" when the field is empty; that is 'no-card', not an error.
   */
  async switchToTypeB(layer: SwitchLayer): Promise<{ readonly result: 'switched'; readonly info: string | null } | { readonly result: 'no-card' }> {
    const response = await this.run('switch protocol', switchProtocol(SwitchStandard.iso14443B, layer));
    if (response.sw === 0x9000 && NO_CARD_ANSWER.has(response.status.sw)) return { result: 'no-card' };
    requireAccepted('switch protocol', response);
    const info = objectValue(response, ResponseTag.switchProtocol);
    return { result: 'switched', info: info ? toHex(info) : null };
  }

  /** One frame over the field (CRC_B by the reader), the card's frame back within `waitMs`. */
  async transceive(frame: Uint8Array, waitMs: number): Promise<FrameOutcome> {
    const response = await this.run('transparent exchange', transceive(frame, waitMs), waitMs + this.usbMarginMs);
    if (response.sw === 0x9000 && NO_CARD_ANSWER.has(response.status.sw)) return { kind: 'timeout' };
    if (response.sw === 0x9000 && DAMAGED_FRAME.has(response.status.sw)) return { kind: 'error' };
    requireAccepted('transparent exchange', response);
    // 96 02: response status; any bit (CRC, collision, parity, framing: wsrf2009 pcsc.c) is a damaged frame.
    const status = objectValue(response, ResponseTag.responseStatus);
    if (status && status.some((b) => b !== 0)) return { kind: 'error' };
    // 92 01: valid bits in the last byte; 0 = whole bytes. A partial byte is not an ISO-DEP block.
    const validBits = objectValue(response, ResponseTag.validBits);
    if (validBits && validBits[0] !== 0) return { kind: 'error' };
    const answer = objectValue(response, ResponseTag.iccResponse);
    if (!answer || answer.length === 0) return { kind: 'timeout' };
    return { kind: 'frame', bytes: answer };
  }

  async rfOff(): Promise<void> {
    await this.runAccepted('RF off', manageSession(CommandTag.rfOff));
  }

  async end(): Promise<void> {
    await this.runAccepted('end transparent session', manageSession(CommandTag.endSession));
  }

  watchForUnplug(onLost: () => void): void {
    this.link.watch(onLost);
  }

  private async runAccepted(what: string, command: Uint8Array): Promise<SessionResponse> {
    return requireAccepted(what, await this.run(what, command));
  }

  private async run(what: string, command: Uint8Array, replyWithinMs = SETUP_REPLY_MS): Promise<SessionResponse> {
    const data = await this.link.command(command, replyWithinMs);
    try {
      return decodeSessionResponse(data, 10);
    } catch (error) {
      if (error instanceof MalformedDataError) throw new TransportError('transport/protocol', `${what}: ${error.message}`);
      throw error;
    }
  }
}
