/**
 * One-shot faults the fake CCID reader can be told to commit (issue: reliability). Each applies to
 * the next reply that fits it and is then used up, so a test says exactly where the fault falls.
 */
export type FakeCcidFault =
  /** The reply to the next XfrBlock never comes (lost on the bus): the host must time out. */
  | { readonly kind: 'drop-reply' }
  /** The next bulk-IN transfer ends in a STALL handshake. */
  | { readonly kind: 'stall' }
  /** The next bulk-OUT transfer ends in a STALL handshake: the reader did not take the message. */
  | { readonly kind: 'stall-bulk-out' }
  /** The next reply carries another bSeq and nothing else follows. */
  | { readonly kind: 'wrong-seq' }
  /** The next XfrBlock is answered only by time-extension requests, forever. */
  | { readonly kind: 'endless-time-extension' }
  /** The next reply comes as a packet larger than the host asked for (babble). */
  | { readonly kind: 'oversize-packet' }
  /** The next reply is cut short: its header promises more bytes than ever arrive. */
  | { readonly kind: 'truncated-reply' }
  /** The card answers the next command with these bytes instead of its answer (inside the T=1 block, or as the APDU answer). */
  | { readonly kind: 'card-garbage'; readonly bytes: Uint8Array }
  /** The next T=1 block from the card has a wrong LRC (the host must ask for it again). */
  | { readonly kind: 'corrupt-block' }
  /** The card is pulled out while the next XfrBlock is under way (after the command reached the reader). */
  | { readonly kind: 'remove-card-during-command' }
  /** The reader is unplugged while the next XfrBlock is under way. */
  | { readonly kind: 'unplug-during-command' }
  /** The card's next T=1 block reaches the reader with a parity error: the reader answers XFR_PARITY_ERROR (bError FD). */
  | { readonly kind: 'parity-error' }
  /** From the next T=1 block on, the card answers every block with S(WTX request 1) and never with data. */
  | { readonly kind: 'endless-wtx' }
  /** The reader never takes the next bulk-OUT transfer (NAKs for ever). */
  | { readonly kind: 'stuck-bulk-out' };
