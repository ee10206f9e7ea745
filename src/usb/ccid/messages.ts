import { concatBytes, u32le } from '../../bytes';
import { u16le } from './littleEndian';
import { encodeProtocolData, type ProtocolParameters } from './parameters';

/** CCID 1.1 §6.1, Table 6.1-1: bMessageType of the host→reader (bulk-OUT) messages we send. */
const PcToRdr = {
  SetParameters: 0x61,
  IccPowerOn: 0x62,
  IccPowerOff: 0x63,
  GetSlotStatus: 0x65,
  GetParameters: 0x6c,
  ResetParameters: 0x6d,
  XfrBlock: 0x6f,
  Escape: 0x6b,
  Abort: 0x72,
  SetDataRateAndClockFrequency: 0x73,
} as const;

/** CCID 1.1 §6: every bulk message starts with this 10-byte header. */
export const CCID_HEADER_LENGTH = 10;

/** CCID 1.1 §6.1: bSlot and bSeq, the two header fields the host chooses for every command. */
export interface CcidAddress {
  readonly slot: number;
  /** Echoed by the reply so a late answer to an earlier command can be told apart. */
  readonly seq: number;
}

/** CCID 1.1 §6.1.1: bPowerSelect; 'auto' (00h) needs the reader's automatic-voltage feature. */
export type CcidVoltage = 'auto' | '5V' | '3V' | '1.8V';
const VOLTAGE: Record<CcidVoltage, number> = { auto: 0x00, '5V': 0x01, '3V': 0x02, '1.8V': 0x03 };

function byte(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new RangeError(`${what} ${value} is not a byte`);
  return value;
}

/** CCID 1.1 §6.1: the 10-byte header (dwLength little-endian) followed by the data. */
function message(type: number, at: CcidAddress, specific: readonly [number, number, number], data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const header = Uint8Array.of(type, 0, 0, 0, 0, byte(at.slot, 'bSlot'), byte(at.seq, 'bSeq'), ...specific);
  header.set(u32le(data.length), 1);
  return concatBytes(header, data);
}

/** CCID 1.1 §6.1.1 PC_to_RDR_IccPowerOn (0x62): the reply is a DataBlock carrying the ATR. */
export function encodeIccPowerOn(at: CcidAddress, voltage: CcidVoltage = 'auto'): Uint8Array {
  return message(PcToRdr.IccPowerOn, at, [VOLTAGE[voltage], 0, 0]);
}

/** CCID 1.1 §6.1.2 PC_to_RDR_IccPowerOff (0x63): the reply is a SlotStatus. */
export function encodeIccPowerOff(at: CcidAddress): Uint8Array {
  return message(PcToRdr.IccPowerOff, at, [0, 0, 0]);
}

/** CCID 1.1 §6.1.3 PC_to_RDR_GetSlotStatus (0x65). */
export function encodeGetSlotStatus(at: CcidAddress): Uint8Array {
  return message(PcToRdr.GetSlotStatus, at, [0, 0, 0]);
}

/**
 * CCID 1.1 §6.1.4 PC_to_RDR_XfrBlock (0x6F). `bwi` multiplies the reader's block waiting time for
 * this transfer only (how a T=1 WTX reaches the reader); `levelParameter` is wLevelParameter
 * (00 whole, 01 begins, 03 continues, 02 ends, 10 "give me more") for extended-APDU readers.
 */
export function encodeXfrBlock(at: CcidAddress, data: Uint8Array, options: { bwi?: number; levelParameter?: number } = {}): Uint8Array {
  const level = options.levelParameter ?? 0;
  if (!Number.isInteger(level) || level < 0 || level > 0xffff) throw new RangeError(`wLevelParameter ${level} is not 16 bits`);
  const [lo, hi] = u16le(level);
  return message(PcToRdr.XfrBlock, at, [byte(options.bwi ?? 0, 'bBWI'), lo!, hi!], data);
}

/** CCID 1.1 §6.1.5 PC_to_RDR_GetParameters (0x6C): the reply is RDR_to_PC_Parameters. */
export function encodeGetParameters(at: CcidAddress): Uint8Array {
  return message(PcToRdr.GetParameters, at, [0, 0, 0]);
}

/** CCID 1.1 §6.1.6 PC_to_RDR_ResetParameters (0x6D): back to the reader's defaults. */
export function encodeResetParameters(at: CcidAddress): Uint8Array {
  return message(PcToRdr.ResetParameters, at, [0, 0, 0]);
}

/** CCID 1.1 §6.1.7 PC_to_RDR_SetParameters (0x61): bProtocolNum then the protocol data structure. */
export function encodeSetParameters(at: CcidAddress, parameters: ProtocolParameters): Uint8Array {
  return message(PcToRdr.SetParameters, at, [parameters.protocol, 0, 0], encodeProtocolData(parameters));
}

/**
 * CCID 1.1 §6.1.13 PC_to_RDR_Abort (0x72): sent after the class-specific ABORT control request
 * (§5.3.1) with the same bSlot and bSeq.
 */
export function encodeAbort(at: CcidAddress): Uint8Array {
  return message(PcToRdr.Abort, at, [0, 0, 0]);
}

/** CCID 1.1 §6.1.14 PC_to_RDR_SetDataRateAndClockFrequency (0x73): kHz and bit/s, each 32-bit LE. */
export function encodeSetDataRateAndClockFrequency(at: CcidAddress, clockFrequencyKHz: number, dataRate: number): Uint8Array {
  return message(PcToRdr.SetDataRateAndClockFrequency, at, [0, 0, 0], concatBytes(u32le(clockFrequencyKHz), u32le(dataRate)));
}

/**
 * CCID 1.1 §6.1.8 PC_to_RDR_Escape (0x6B): vendor data the reader interprets itself; the reply is
 * RDR_to_PC_Escape (0x83, §6.2.4). The three message-specific bytes are RFU (00).
 */
export function encodeEscape(at: CcidAddress, data: Uint8Array): Uint8Array {
  return message(PcToRdr.Escape, at, [0, 0, 0], data);
}
