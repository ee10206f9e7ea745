import { toHex } from '../../bytes';
import type { TypeBActivation } from '../isodep/activation';

/** What the reader-check view shows for an RC-S380 (plain data, safe to post to the UI). */
export interface Rcs380ReaderReport {
  readonly reader: 'RC-S380';
  readonly interfaceNumber: number;
  readonly interfaceClass: number;
  readonly packetSize: number;
  /** GetFirmwareVersion, "major.minor" in hex as Sony tools print it ("1.11"). */
  readonly firmwareVersion: string;
  /** The synthetic PC/SC ATR (hex). */
  readonly atr: string;
  /** ATQB as the card sent it (hex fields) and what it says. */
  readonly atqb: {
    readonly pupi: string;
    readonly applicationData: string;
    readonly protocolInfo: string;
    readonly protocolType: number;
    readonly fsci: number;
    readonly fwi: number;
    readonly fwtMs: number;
    readonly bitRatesToCard: readonly number[];
    readonly bitRatesToReader: readonly number[];
    readonly sameBitRateBothWays: boolean;
    readonly cidSupported: boolean;
    readonly nadSupported: boolean;
  };
  /** From the answer to ATTRIB: 0 = the card does not say how much of a chain it buffers. */
  readonly mbli: number;
  /** FSC (card accepts) and FSD (we accept), bytes per frame with CRC. */
  readonly fsc: number;
  readonly fsd: number;
  /** The largest INF we put in one I-block (FSC − PCB − CRC_B). */
  readonly sendChunk: number;
  /** kbit/s of the slower direction, as ATTRIB set them (ISO/IEC 14443-3 §7.10.4). */
  readonly bitRateKbps: number;
  /** kbit/s each way, and the rates the card did not answer at (then 106 was used), if any. */
  readonly bitRates: { readonly toCard: number; readonly toReader: number };
  readonly fellBackFrom: { readonly toCard: number; readonly toReader: number } | null;
  /** WUPB polls it took to find the card. */
  readonly pollAttempts: number;
  readonly extendedLength: boolean;
}

export function buildReport(
  usb: { interfaceNumber: number; interfaceClass: number; packetSize: number },
  firmwareVersion: string,
  atr: Uint8Array,
  activation: TypeBActivation,
  sendChunk: number,
  extendedLength: boolean,
): Rcs380ReaderReport {
  const { atqb } = activation;
  return {
    reader: 'RC-S380',
    ...usb,
    firmwareVersion,
    atr: toHex(atr),
    atqb: {
      pupi: toHex(atqb.pupi),
      applicationData: toHex(atqb.applicationData),
      protocolInfo: toHex(atqb.protocolInfo),
      protocolType: atqb.protocolType,
      fsci: atqb.fsci,
      fwi: atqb.fwi,
      fwtMs: Math.round(atqb.fwtMs * 100) / 100,
      bitRatesToCard: atqb.bitRatesToCard,
      bitRatesToReader: atqb.bitRatesToReader,
      sameBitRateBothWays: atqb.sameBitRateBothWays,
      cidSupported: atqb.cidSupported,
      nadSupported: atqb.nadSupported,
    },
    mbli: activation.attrib.mbli,
    fsc: atqb.fsc,
    fsd: activation.fsd,
    sendChunk,
    bitRateKbps: Math.min(activation.bitRates.toCard, activation.bitRates.toReader),
    bitRates: activation.bitRates,
    fellBackFrom: activation.fellBackFrom,
    pollAttempts: activation.attempts,
    extendedLength,
  };
}
