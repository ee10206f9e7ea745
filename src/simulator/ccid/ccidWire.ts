/**
 * The reader side of the CCID 1.1 bulk messages, for the simulator's fake reader: decodes the
 * host's PC_to_RDR messages (§6.1) and encodes RDR_to_PC replies (§6.2), written from the 1.1
 * layout: bMessageType, dwLength (LE), bSlot, bSeq, then three message-specific bytes.
 */

/** CCID 1.1 §6.1: one host→reader message, header split out. */
export interface PcToRdrMessage {
  readonly messageType: number;
  readonly slot: number;
  readonly seq: number;
  /** The three message-specific header bytes (bytes 7..9). */
  readonly specific: readonly [number, number, number];
  readonly data: Uint8Array;
}

/** Returns the length of the first whole message in `buffer`, or null when more bytes are needed. */
export function pcToRdrMessageLength(buffer: Uint8Array): number | null {
  if (buffer.length < 10) return null;
  const length = (buffer[1]! | (buffer[2]! << 8) | (buffer[3]! << 16) | (buffer[4]! << 24)) >>> 0;
  return buffer.length >= 10 + length ? 10 + length : null;
}

/** CCID 1.1 §6.1: decodes one whole PC_to_RDR message. */
export function decodePcToRdr(message: Uint8Array): PcToRdrMessage {
  const length = pcToRdrMessageLength(message);
  if (length === null || length !== message.length) throw new RangeError(`not one whole CCID message (${message.length} bytes)`);
  return {
    messageType: message[0]!,
    slot: message[5]!,
    seq: message[6]!,
    specific: [message[7]!, message[8]!, message[9]!],
    data: message.slice(10),
  };
}

/** CCID 1.1 §6.2.6 Table 6.2-3: bmICCStatus. */
export type FakeIccStatus = 'active' | 'inactive' | 'absent';
/** CCID 1.1 §6.2.6: bmCommandStatus. */
export type FakeCommandStatus = 'ok' | 'failed' | 'time-extension';

/** CCID 1.1 §6.2: the fields every RDR_to_PC reply carries. */
export interface RdrToPcHeader {
  readonly slot: number;
  readonly seq: number;
  readonly icc: FakeIccStatus;
  readonly command?: FakeCommandStatus;
  /** bError: slot error when failed, BWT multiplier for a time extension. */
  readonly error?: number;
}

function reply(type: number, h: RdrToPcHeader, specific: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const icc = { active: 0, inactive: 1, absent: 2 }[h.icc];
  const command = { ok: 0, failed: 1, 'time-extension': 2 }[h.command ?? 'ok'];
  const out = new Uint8Array(10 + data.length);
  out[0] = type;
  out[1] = data.length & 0xff;
  out[2] = (data.length >> 8) & 0xff;
  out[3] = (data.length >> 16) & 0xff;
  out[4] = (data.length >>> 24) & 0xff;
  out[5] = h.slot;
  out[6] = h.seq;
  out[7] = (command << 6) | icc;
  out[8] = h.error ?? 0;
  out[9] = specific;
  out.set(data, 10);
  return out;
}

/** CCID 1.1 §6.2.1 RDR_to_PC_DataBlock (0x80); bChainParameter 0. */
export function encodeDataBlock(h: RdrToPcHeader, data: Uint8Array, chainParameter = 0): Uint8Array {
  return reply(0x80, h, chainParameter, data);
}

/** CCID 1.1 §6.2.2 RDR_to_PC_SlotStatus (0x81); bClockStatus 0 (running). */
export function encodeSlotStatus(h: RdrToPcHeader, clockStatus = 0): Uint8Array {
  return reply(0x81, h, clockStatus);
}

/** CCID 1.1 §6.2.3 RDR_to_PC_Parameters (0x82): bProtocolNum then the protocol data structure. */
export function encodeParametersReply(h: RdrToPcHeader, protocolNum: number, data: Uint8Array): Uint8Array {
  return reply(0x82, h, protocolNum, data);
}

/**
 * CCID 1.1 §6.3.1 RDR_to_PC_NotifySlotChange (0x50): two bits per slot (state, changed), slot 0
 * in the low bits; only `slot` is reported as changed.
 */
export function encodeNotifySlotChange(present: boolean, slot = 0): Uint8Array {
  const bits = ((present ? 0x01 : 0x00) | 0x02) << (2 * (slot % 4));
  return Uint8Array.of(0x50, bits);
}
