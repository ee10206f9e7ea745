import type { TypeBActivation } from '../isodep/activation';
import { buildReport, type Rcs380ReaderReport } from '../rcs380/report';
import type { SwitchLayer } from './pseudoApdu';
import type { FailedSequence } from './startUp';

/**
 * What the reader-check view shows for an RC-S300 (plain data, safe to post to the UI): the
 * RC-S380 report's fields (same Type B activation and ISO-DEP underneath) plus what is particular
 * to the transparent session.
 */
export interface Rcs300ReaderReport extends Omit<Rcs380ReaderReport, 'reader' | 'firmwareVersion'> {
  readonly reader: 'RC-S300';
  /** Until confirmed on hardware (issue 5): the pseudo-APDU dialect is inferred from FeliCa-only public code. */
  readonly experimental: true;
  /** Hex of the answer to `FF 56 00 00` before 90 00; null when the reader did not answer it. */
  readonly firmwareVersion: string | null;
  /** The INS byte of the pseudo-APDUs (Sony's 50, not PC/SC Part 3's C2). */
  readonly pseudoApduIns: number;
  /** Switch Protocol layer used for Type B, and the 8F object the reader answered with (hex), if any. */
  readonly switchLayer: SwitchLayer;
  readonly switchInfo: string | null;
  /** Whether the reader accepted the transmission/reception flags object (null: not sent). */
  readonly flagsAccepted: boolean | null;
  /** The start-up sequence that brought the card up ("layer 3, flags 0010"), and those that failed first, with the step. */
  readonly sequence: string;
  readonly failedSequences: readonly FailedSequence[];
}

export interface Rcs300ReportInputs {
  readonly usb: { interfaceNumber: number; interfaceClass: number; packetSize: number };
  readonly firmwareVersion: string | null;
  readonly atr: Uint8Array;
  readonly activation: TypeBActivation;
  readonly sendChunk: number;
  readonly extendedLength: boolean;
  readonly pseudoApduIns: number;
  readonly switchLayer: SwitchLayer;
  readonly switchInfo: string | null;
  readonly flagsAccepted: boolean | null;
  readonly sequence: string;
  readonly failedSequences: readonly FailedSequence[];
}

export function buildRcs300Report(i: Rcs300ReportInputs): Rcs300ReaderReport {
  const { reader: _reader, firmwareVersion: _firmware, ...common } = buildReport(i.usb, '', i.atr, i.activation, i.sendChunk, i.extendedLength);
  return {
    ...common,
    reader: 'RC-S300',
    experimental: true,
    firmwareVersion: i.firmwareVersion,
    pseudoApduIns: i.pseudoApduIns,
    switchLayer: i.switchLayer,
    switchInfo: i.switchInfo,
    flagsAccepted: i.flagsAccepted,
    sequence: i.sequence,
    failedSequences: i.failedSequences,
  };
}
