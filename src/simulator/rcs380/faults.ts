/**
 * One-shot faults the RC-S380 emulator can be told to commit. Each applies to the next frame or
 * command that fits it and is then used up, so a test says exactly where the fault falls.
 */
export type FakeRcs380Fault =
  /** The card never hears the next frame sent over the field (the chip reports a receive timeout). */
  | { readonly kind: 'lose-command' }
  /** The card answers the next frame but the answer is lost on the air (receive timeout). */
  | { readonly kind: 'lose-response' }
  /** The card's next answer arrives with a bit flipped: the chip's CRC_B check fails. */
  | { readonly kind: 'corrupt-response' }
  /** Before its next answer to a whole command the card sends this many S(WTX) requests. */
  | { readonly kind: 'wtx'; readonly wtxm: number; readonly times?: number }
  /** The card asks for more time for ever. */
  | { readonly kind: 'endless-wtx' }
  /** The card leaves the field right after sending its next chained I-block (mid-chain). */
  | { readonly kind: 'remove-card-mid-chain' }
  /**
   * The card takes `ms` milliseconds to answer the next frame (ISO/IEC 14443-4 §7.2: it may take up
   * to FWT). Within the reader's RF timeout the answer comes after `ms`; beyond it the reader reports
   * no answer when its timeout runs out and the late answer is lost (the card has moved on: a R(NAK)
   * gets its last block again). Timed on the emulator's clock, so fake timers run it at once.
   */
  | { readonly kind: 'slow-card'; readonly ms: number }
  /** The chip acknowledges the next command and never sends its response. */
  | { readonly kind: 'drop-usb-reply' }
  /** The chip's next response frame has a wrong data checksum. */
  | { readonly kind: 'corrupt-usb-frame' }
  /** The chip never takes the next bulk-OUT transfer (it NAKs for ever): the host's write must time out. */
  | { readonly kind: 'hang-bulk-out' }
  /** The reader is unplugged while the next InCommRF is under way. */
  | { readonly kind: 'unplug-during-command' };
