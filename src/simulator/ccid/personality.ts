/** What one reader the fake CCID device pretends to be shows a host: its own module so each personality can live in its own file. */
export interface Personality {
  readonly interfaceClass: number;
  readonly features: number;
  readonly maxMessageLength: number;
  readonly packetSize: number;
  readonly vendorId: number;
  readonly productId: number;
  readonly productName: string;
  /** bMaxSlotIndex. */
  readonly maxSlotIndex: number;
  /** The slot the card sits in. */
  readonly cardSlot: number;
  /** How the reader passes bytes to the card. */
  readonly cardLink: 't1' | 't0' | 'apdu';
  /** dwProtocols bits: 1 = T=0, 2 = T=1. */
  readonly protocols: number;
  /** The ATR the reader reports when it is not the card's own (a contactless reader's PC/SC ATR). */
  readonly atr?: Uint8Array;
}
