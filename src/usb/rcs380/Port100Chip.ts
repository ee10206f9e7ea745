import { TransportError } from '../../transport';
import {
  COMMAND_TYPE_1,
  decodeFirmwareVersion,
  IN_SET_PROTOCOL_TYPE_B,
  IN_SET_RF_TYPE_B_106,
  inSetRfTypeB,
  PORT100_COMMAND,
  port100StatusName,
  switchRfParameters,
} from '../port100/commands';
import type { TypeBBitRates } from '../isodep/typeB';
import { decodeInCommRf, encodeInCommRf, IN_COMM_RF_MAX_TIMEOUT_MS, type InCommRfResult } from '../port100/inCommRf';
import type { Port100Link } from './Port100Link';

/** How long a set-up command (no RF traffic) may take before the reader counts as silent. */
const SETUP_REPLY_MS = 1000;
/** nfcpy `Chipset.__init__` waits 10 ms per read while clearing leftovers. */
const DRAIN_MS = 10;
/**
 * How long the field stays off when a card must start over: enough for it to lose power and its
 * state (NFC Forum Digital's reset time is a few milliseconds; we leave twice that and more).
 */
const FIELD_RESET_MS = 10;

/**
 * The RC-S380's NFC Port-100 chip as the ISO/IEC 14443 Type B reader side needs it: start-up,
 * Type B RF and framing settings, the field on and off, and InCommRF. Each set-up result's status
 * byte must be 00 (nfcpy rcs380.py raises `StatusError` otherwise).
 */
export class Port100Chip {
  constructor(
    private readonly link: Port100Link,
    /** Extra time, beyond the RF timeout, for the USB round trip of an InCommRF. */
    private readonly usbMarginMs: number,
  ) {}

  /**
   * nfcpy `Chipset.__init__`: ACK (soft reset), clear leftovers, SetCommandType 1,
   * GetFirmwareVersion, SwitchRF off. Resolves with the firmware version ("1.11").
   */
  async initialise(): Promise<string> {
    await this.link.sendAck();
    await this.link.drain(DRAIN_MS);
    await this.setup(PORT100_COMMAND.setCommandType, Uint8Array.of(COMMAND_TYPE_1));
    const version = decodeFirmwareVersion(await this.link.command(PORT100_COMMAND.getFirmwareVersion, new Uint8Array(0), SETUP_REPLY_MS));
    await this.switchRf(false);
    return version;
  }

  /**
   * Type B at 106 kbit/s with CRC_B, SOF and EOF handled by the chip (port100.c
   * `in_rf_settings`/`in_protocols` for NFCB), then the field on (port100.c `port100_switch_rf`,
   * which the Linux digital stack sends at `dev_up`).
   */
  async configureTypeB(): Promise<void> {
    await this.setup(PORT100_COMMAND.inSetRf, IN_SET_RF_TYPE_B_106);
    await this.setup(PORT100_COMMAND.inSetProtocol, IN_SET_PROTOCOL_TYPE_B);
    await this.switchRf(true);
  }

  /**
   * Type B at other bit rates once ATTRIB asked for them (ISO/IEC 14443-3 §7.10.4): InSetRF with
   * nfcpy's 212B/424B rows; the framing settings (InSetProtocol) stay as they are — nfcpy
   * `sense_ttb` sends the same ones at every rate.
   */
  async setTypeBRates(rates: TypeBBitRates): Promise<void> {
    await this.setup(PORT100_COMMAND.inSetRf, inSetRfTypeB(rates.toCard, rates.toReader));
  }

  /** Field off, a pause, field on: the card powers up anew in IDLE at 106 kbit/s. */
  async resetField(): Promise<void> {
    await this.switchRf(false);
    await new Promise((resolve) => setTimeout(resolve, FIELD_RESET_MS));
    await this.switchRf(true);
  }

  async switchRf(on: boolean): Promise<void> {
    await this.setup(PORT100_COMMAND.switchRf, switchRfParameters(on));
  }

  /** Sends `data` over the field and waits up to `rfTimeoutMs` (at most 6553.5 ms) for the card. */
  async inCommRf(data: Uint8Array, rfTimeoutMs: number): Promise<InCommRfResult> {
    const results = await this.link.command(PORT100_COMMAND.inCommRf, encodeInCommRf(data, rfTimeoutMs), Math.min(rfTimeoutMs, IN_COMM_RF_MAX_TIMEOUT_MS) + this.usbMarginMs);
    try {
      return decodeInCommRf(results);
    } catch (error) {
      throw new TransportError('transport/protocol', error instanceof Error ? error.message : String(error));
    }
  }

  /** Calls `onLost` when the reader is unplugged while nothing else is reading (see `Port100Link.watch`). */
  watchForUnplug(onLost: () => void): void {
    this.link.watch(onLost);
  }

  /** Abandons the command under way (the chip stops it on an ACK frame). */
  async cancel(): Promise<void> {
    await this.link.sendAck();
  }

  private async setup(code: number, parameters: Uint8Array): Promise<void> {
    const results = await this.link.command(code, parameters, SETUP_REPLY_MS);
    const status = results[0];
    if (status !== 0x00) {
      throw new TransportError('transport/protocol', `the reader refused command ${code.toString(16)}: ${status === undefined ? 'no status' : port100StatusName(status)}`, { command: code });
    }
  }
}
