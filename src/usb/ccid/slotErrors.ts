/**
 * CCID 1.1 §6.2.6, Table 6.2-2: the slot error register (bError) when bmCommandStatus says
 * "failed". Values 1..127 name the offset of the offending field in the command; 0x80..0xC0 are
 * the reader maker's own.
 */
export type CcidSlotErrorName =
  | 'CMD_ABORTED'
  | 'ICC_MUTE'
  | 'XFR_PARITY_ERROR'
  | 'XFR_OVERRUN'
  | 'HW_ERROR'
  | 'BAD_ATR_TS'
  | 'BAD_ATR_TCK'
  | 'ICC_PROTOCOL_NOT_SUPPORTED'
  | 'ICC_CLASS_NOT_SUPPORTED'
  | 'PROCEDURE_BYTE_CONFLICT'
  | 'DEACTIVATED_PROTOCOL'
  | 'BUSY_WITH_AUTO_SEQUENCE'
  | 'PIN_TIMEOUT'
  | 'PIN_CANCELLED'
  | 'CMD_SLOT_BUSY'
  | 'CMD_NOT_SUPPORTED'
  | 'BAD_PARAMETER'
  | 'USER_DEFINED'
  | 'RESERVED';

const NAMED: ReadonlyMap<number, CcidSlotErrorName> = new Map([
  [0xff, 'CMD_ABORTED'],
  [0xfe, 'ICC_MUTE'],
  [0xfd, 'XFR_PARITY_ERROR'],
  [0xfc, 'XFR_OVERRUN'],
  [0xfb, 'HW_ERROR'],
  [0xf8, 'BAD_ATR_TS'],
  [0xf7, 'BAD_ATR_TCK'],
  [0xf6, 'ICC_PROTOCOL_NOT_SUPPORTED'],
  [0xf5, 'ICC_CLASS_NOT_SUPPORTED'],
  [0xf4, 'PROCEDURE_BYTE_CONFLICT'],
  [0xf3, 'DEACTIVATED_PROTOCOL'],
  [0xf2, 'BUSY_WITH_AUTO_SEQUENCE'],
  [0xf0, 'PIN_TIMEOUT'],
  [0xef, 'PIN_CANCELLED'],
  [0xe0, 'CMD_SLOT_BUSY'],
  [0x00, 'CMD_NOT_SUPPORTED'],
]);

/** CCID 1.1 Table 6.2-2: the name of a bError value. */
export function ccidSlotErrorName(bError: number): CcidSlotErrorName {
  const named = NAMED.get(bError);
  if (named) return named;
  if (bError >= 0x01 && bError <= 0x7f) return 'BAD_PARAMETER';
  if (bError >= 0x80 && bError <= 0xc0) return 'USER_DEFINED';
  return 'RESERVED';
}

/**
 * A reader answered a command with bmCommandStatus = 1 "failed" (CCID 1.1 §6.2.6). The CcidReader
 * turns this into a `TransportError` with a code the UI understands (ICC_MUTE after power-on means
 * no card or a dead one; CMD_SLOT_BUSY means another host holds the slot).
 */
export class CcidCommandError extends Error {
  override readonly name = 'CcidCommandError';
  readonly code = 'ccid/command-failed';
  readonly errorName: CcidSlotErrorName;

  constructor(
    /** bMessageType of the reply (0x80..0x84). */
    readonly messageType: number,
    readonly bError: number,
    /** For BAD_PARAMETER: the offset of the field the reader refused. */
    readonly fieldOffset = bError >= 1 && bError <= 0x7f ? bError : null,
  ) {
    const errorName = ccidSlotErrorName(bError);
    super(`CCID reader reports ${errorName} (bError 0x${bError.toString(16).padStart(2, '0')}) in message 0x${messageType.toString(16)}`);
    this.errorName = errorName;
  }
}
