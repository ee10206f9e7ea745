import { ByteReader, MalformedDataError } from '../../bytes';

/** CCID 1.1 §6.3, Table 6.3-1: bMessageType on the interrupt-IN pipe. */
const InterruptMessageType = { NotifySlotChange: 0x50, HardwareError: 0x51 } as const;

/** CCID 1.1 §6.3.1: one slot's two bits of bmSlotICCState. */
export interface SlotChange {
  readonly slot: number;
  readonly present: boolean;
  /** The state changed since the last report: the host must re-read the ATR even if present again. */
  readonly changed: boolean;
}

/** CCID 1.1 §6.3: a decoded interrupt-IN message. */
export type CcidInterruptMessage =
  | { readonly type: 'slot-change'; readonly slots: readonly SlotChange[] }
  | {
      readonly type: 'hardware-error';
      readonly slot: number;
      readonly seq: number;
      readonly code: number;
      /** bHardwareErrorCode 01h (§6.3.2): the card drew too much current and was powered off. */
      readonly overcurrent: boolean;
    };

const SOURCE = 'CCID interrupt message';

/**
 * CCID 1.1 §6.3.1 RDR_to_PC_NotifySlotChange (0x50: 2 bits per slot, bit 0 present, bit 1
 * changed, four slots a byte) and §6.3.2 RDR_to_PC_HardwareError (0x51: bSlot, bSeq,
 * bHardwareErrorCode). `slotCount` (bMaxSlotIndex + 1) trims the padding bits of the last byte.
 */
export function decodeInterruptMessage(message: Uint8Array, slotCount?: number): CcidInterruptMessage {
  const r = new ByteReader(message, SOURCE);
  const type = r.u8();
  if (type === InterruptMessageType.NotifySlotChange) {
    const bitmap = r.rest();
    const count = slotCount ?? bitmap.length * 4;
    if (bitmap.length * 4 < count || bitmap.length === 0) {
      throw new MalformedDataError(SOURCE, 1, `bmSlotICCState has ${bitmap.length} bytes, too few for ${Math.max(count, 1)} slots`);
    }
    const slots: SlotChange[] = [];
    for (let slot = 0; slot < count; slot++) {
      const bits = (bitmap[slot >> 2]! >> ((slot & 3) * 2)) & 0x03;
      slots.push({ slot, present: (bits & 1) !== 0, changed: (bits & 2) !== 0 });
    }
    return { type: 'slot-change', slots };
  }
  if (type === InterruptMessageType.HardwareError) {
    const slot = r.u8();
    const seq = r.u8();
    const code = r.u8();
    if (!r.atEnd) throw r.error(`HardwareError is 4 bytes, got ${message.length}`);
    return { type: 'hardware-error', slot, seq, code, overcurrent: code === 0x01 };
  }
  throw new MalformedDataError(SOURCE, 0, `bMessageType 0x${type.toString(16)} is not an interrupt message`);
}
