/**
 * One-shot faults the RC-S300 emulator can be told to commit. Each applies to the next frame or
 * command that fits it and is then used up, so a test says exactly where the fault falls.
 */
export type FakeRcs300Fault =
  /** The card never hears the next frame sent over the field (the reader reports no card answer, C0 … 64 01). */
  | { readonly kind: 'lose-command' }
  /**
   * The card takes `ms` milliseconds to answer the next frame (ISO/IEC 14443-4 §7.2: it may take up
   * to FWT). Within the reader's RF timeout the answer comes after `ms`; beyond it the reader reports
   * no answer when its timeout runs out and the late answer is lost (the card has moved on: a R(NAK)
   * gets its last block again). Timed on the emulator's clock, so fake timers run it at once.
   */
  | { readonly kind: 'slow-card'; readonly ms: number }
  /** The card answers the next frame but the answer is lost on the air (C0 … 64 01). */
  | { readonly kind: 'lose-response' }
  /** The card's next answer arrives with a bit flipped: the reader's CRC_B check fails (96 02 01 00). */
  | { readonly kind: 'corrupt-response' }
  /** Before its next answer to a whole command the card sends this many S(WTX) requests. */
  | { readonly kind: 'wtx'; readonly wtxm: number; readonly times?: number }
  /** The card asks for more time for ever. */
  | { readonly kind: 'endless-wtx' }
  /** The card leaves the field right after sending its next chained I-block (mid-chain). */
  | { readonly kind: 'remove-card-mid-chain' }
  /** The reader never answers the next escape message. */
  | { readonly kind: 'drop-usb-reply' }
  /** The reader's next escape reply is cut short: its data objects run past the end. */
  | { readonly kind: 'garble-usb-reply' }
  /** Before the next reply the reader sends a time extension (CCID bStatus 80h). */
  | { readonly kind: 'ccid-time-extension' }
  /** Before the next reply the reader sends a reply carrying the previous bSeq. */
  | { readonly kind: 'stale-reply' }
  /** The reader is unplugged while the next Transparent Exchange is under way. */
  | { readonly kind: 'unplug-during-command' };
