import { ByteReader, MalformedDataError } from '../../bytes';
import { readU32le } from './littleEndian';
import { CCID_HEADER_LENGTH } from './messages';
import { decodeProtocolData, type ProtocolParameters } from './parameters';
import { CcidCommandError, ccidSlotErrorName, type CcidSlotErrorName } from './slotErrors';

/** CCID 1.1 §6.2, Table 6.2-1: bMessageType of the reader→host (bulk-IN) messages. */
export const RdrToPc = {
  DataBlock: 0x80,
  SlotStatus: 0x81,
  Parameters: 0x82,
  Escape: 0x83,
  DataRateAndClockFrequency: 0x84,
} as const;

/** CCID 1.1 §6.2.6 Table 6.2-3, bmICCStatus (bStatus bits 1..0). */
export type IccStatus = 'present-active' | 'present-inactive' | 'absent';
/** CCID 1.1 §6.2.6 Table 6.2-3, bmCommandStatus (bStatus bits 7..6). */
export type CommandStatus = 'ok' | 'failed' | 'time-extension';
/** CCID 1.1 §6.2.2 bClockStatus. */
export type ClockStatus = 'running' | 'stopped-low' | 'stopped-high' | 'stopped-unknown';

/** CCID 1.1 §6.2: header fields every reply shares, with bStatus split and bError named. */
interface ReplyBase {
  readonly messageType: number;
  readonly slot: number;
  readonly seq: number;
  readonly iccStatus: IccStatus;
  readonly commandStatus: CommandStatus;
  readonly bError: number;
  /** Only when commandStatus is 'failed'. */
  readonly errorName: CcidSlotErrorName | null;
  /** Only when commandStatus is 'time-extension': bError is then the BWT multiplier (§6.2.6). */
  readonly timeExtension: number | null;
}

/** CCID 1.1 §6.2.1–6.2.5: one reply from the bulk-IN pipe. */
export type CcidReply =
  | (ReplyBase & { readonly type: 'data-block'; readonly data: Uint8Array; readonly chainParameter: number })
  | (ReplyBase & { readonly type: 'slot-status'; readonly clockStatus: ClockStatus })
  | (ReplyBase & { readonly type: 'parameters'; readonly protocolNum: number; readonly parameters: ProtocolParameters | null })
  | (ReplyBase & { readonly type: 'escape'; readonly data: Uint8Array })
  | (ReplyBase & { readonly type: 'data-rate-and-clock'; readonly clockFrequencyKHz: number | null; readonly dataRate: number | null });

const ICC: readonly (IccStatus | null)[] = ['present-active', 'present-inactive', 'absent', null];
const COMMAND: readonly (CommandStatus | null)[] = ['ok', 'failed', 'time-extension', null];
const CLOCK: readonly ClockStatus[] = ['running', 'stopped-low', 'stopped-high', 'stopped-unknown'];
const SOURCE = 'CCID reply';

/**
 * CCID 1.1 §6.2: decodes one whole bulk-IN message. dwLength must match the bytes exactly (use
 * `BulkInAssembler` for multi-packet messages); RFU status values and unknown types are refused.
 */
export function decodeCcidReply(message: Uint8Array): CcidReply {
  if (message.length < CCID_HEADER_LENGTH) throw errorAt(message.length, `a CCID header needs 10 bytes, got ${message.length}`);
  const r = new ByteReader(message, SOURCE);
  const type = r.u8();
  const length = readU32le(r);
  if (length !== message.length - CCID_HEADER_LENGTH && !isQemuParametersReply(message)) {
    throw errorAt(1, `dwLength ${length} but ${message.length - CCID_HEADER_LENGTH} data bytes follow the header`);
  }
  const slot = r.u8();
  const seq = r.u8();
  const status = r.u8();
  const iccStatus = ICC[status & 0x03] ?? null;
  const commandStatus = COMMAND[status >> 6] ?? null;
  if (!iccStatus || !commandStatus || (status & 0x3c) !== 0) throw errorAt(7, `bStatus 0x${status.toString(16)} uses RFU bits`);
  const bError = r.u8();
  const specific = r.u8();
  const base: ReplyBase = {
    messageType: type,
    slot,
    seq,
    iccStatus,
    commandStatus,
    bError,
    errorName: commandStatus === 'failed' ? ccidSlotErrorName(bError) : null,
    timeExtension: commandStatus === 'time-extension' ? bError : null,
  };
  const data = r.rest();
  switch (type) {
    case RdrToPc.DataBlock:
      return { ...base, type: 'data-block', data, chainParameter: specific };
    case RdrToPc.SlotStatus:
      return { ...base, type: 'slot-status', clockStatus: CLOCK[specific & 0x03]! };
    case RdrToPc.Parameters:
      // A failed SetParameters may come back with no structure at all.
      return {
        ...base,
        type: 'parameters',
        protocolNum: specific,
        parameters: data.length === 0 ? null : decodeProtocolData(specific, data, SOURCE, CCID_HEADER_LENGTH),
      };
    case RdrToPc.Escape:
      return { ...base, type: 'escape', data };
    case RdrToPc.DataRateAndClockFrequency: {
      if (data.length !== 0 && data.length !== 8) throw errorAt(CCID_HEADER_LENGTH, `expected 8 data bytes, got ${data.length}`);
      const d = new ByteReader(data, SOURCE, CCID_HEADER_LENGTH);
      const clockFrequencyKHz = data.length ? readU32le(d) : null;
      return { ...base, type: 'data-rate-and-clock', clockFrequencyKHz, dataRate: data.length ? readU32le(d) : null };
    }
    default:
      throw errorAt(0, `bMessageType 0x${type.toString(16)} is not a bulk-IN reply`);
  }
}

/** CCID 1.1 §6.2.3: the protocol data structure that follows RDR_to_PC_Parameters, by bProtocolNum. */
export function parametersStructureLength(protocolNum: number): number | null {
  return protocolNum === 0 ? 5 : protocolNum === 1 ? 7 : null;
}

/**
 * QEMU 7.2's reader (hw/usb/dev-smartcard-reader.c `ccid_write_parameters`) sends
 * RDR_to_PC_Parameters with dwLength 0 and the whole protocol data structure after the header
 * anyway. Taken as it is meant: a Parameters reply declaring 0 bytes and carrying exactly the
 * structure for its bProtocolNum.
 */
export function isQemuParametersReply(message: Uint8Array): boolean {
  if (message.length < CCID_HEADER_LENGTH || message[0] !== RdrToPc.Parameters) return false;
  const declared = (message[1]! | (message[2]! << 8) | (message[3]! << 16) | (message[4]! << 24)) >>> 0;
  return declared === 0 && message.length - CCID_HEADER_LENGTH === parametersStructureLength(message[9]!);
}

function errorAt(offset: number, reason: string): MalformedDataError {
  return new MalformedDataError(SOURCE, offset, reason);
}

/** CCID 1.1 §6.2.6: throws `CcidCommandError` when bmCommandStatus is "failed"; otherwise returns the reply. */
export function requireCommandOk<T extends CcidReply>(reply: T): T {
  if (reply.commandStatus === 'failed') {
    throw new CcidCommandError(reply.messageType, reply.bError);
  }
  return reply;
}
