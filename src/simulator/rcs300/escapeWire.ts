/**
 * The reader's side of the CCID bulk framing on the RC-S300 vendor interface, written apart from
 * the host codec (src/usb/ccid) so the two cannot share a mistake. CCID 1.1 §6: ten header bytes —
 * bMessageType, dwLength (four bytes, least significant first), bSlot, bSeq, three message-specific
 * bytes — then dwLength data bytes. The host sends PC_to_RDR_Escape (6B, §6.1.8); the reader
 * answers RDR_to_PC_Escape (83, §6.2.4) whose bStatus reads 02 "no ICC present" on this slot even
 * while a card answers (a captured reply `83 24 00 00 00 00 06 02 00 00` in a public WebUSB sample).
 */
export type HostMessage =
  | { readonly type: 'incomplete' }
  | { readonly type: 'message'; readonly size: number; readonly messageType: number; readonly slot: number; readonly seq: number; readonly data: number[] };

/** Reads one whole host message from the start of `bytes` (which may hold a partial one). */
export function readHostMessage(bytes: readonly number[]): HostMessage {
  if (bytes.length < 10) return { type: 'incomplete' };
  const length = bytes[1]! + bytes[2]! * 0x100 + bytes[3]! * 0x10000 + bytes[4]! * 0x1000000;
  if (bytes.length < 10 + length) return { type: 'incomplete' };
  return { type: 'message', size: 10 + length, messageType: bytes[0]!, slot: bytes[5]!, seq: bytes[6]!, data: bytes.slice(10, 10 + length) };
}

/** bStatus of an escape reply: ICC status 2 (no ICC), command status 0 (ok) or 2 (time extension, bits 7..6 = 10). */
const ESCAPE_STATUS_OK = 0x02;
export const ESCAPE_STATUS_TIME_EXTENSION = 0x82;

/** RDR_to_PC_Escape: 83, dwLength, bSlot, bSeq, bStatus, bError, bRFU, data. */
export function escapeReply(slot: number, seq: number, data: readonly number[], status = ESCAPE_STATUS_OK, error = 0): number[] {
  const n = data.length;
  return [0x83, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff, slot, seq, status, error, 0x00, ...data];
}

/** RDR_to_PC_SlotStatus (81) with "command failed" and bError 0 "command not supported" (CCID 1.1 §6.2.6), for messages the vendor slot does not take. */
export function commandNotSupported(slot: number, seq: number): number[] {
  return [0x81, 0, 0, 0, 0, slot, seq, 0x42, 0x00, 0x00];
}
