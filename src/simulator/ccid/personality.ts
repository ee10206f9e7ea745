/**
 * CCID 1.1 §5.1 Table 5.1-1: the class descriptor's fields, as a reader publishes them. Where
 * libccid's `readers/*.txt` has a dump of the reader, every field is taken from it (clock in kHz,
 * data rates in bit/s); FakeCcidDevice writes them out byte for byte.
 */
export interface PublishedDescriptor {
  /** BCD, e.g. 0x0110. */
  readonly bcdCcid: number;
  readonly voltageSupport: number;
  readonly defaultClock: number;
  readonly maximumClock: number;
  readonly numClockSupported: number;
  readonly dataRate: number;
  readonly maxDataRate: number;
  readonly numDataRatesSupported: number;
  readonly maxIfsd: number;
  readonly synchProtocols: number;
  readonly mechanical: number;
  readonly classGetResponse: number;
  readonly classEnvelope: number;
  readonly lcdLayout: number;
  readonly pinSupport: number;
  readonly maxBusySlots: number;
}

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
  /**
   * How the reader passes bytes to the card: `tpdu` — the host runs T=0 or T=1 and the reader
   * passes TPDUs or blocks in the protocol negotiated; `apdu` — the reader runs the protocol itself;
   * `qemu` — QEMU's reader hands the XfrBlock payload to its card as an APDU, whatever it is.
   */
  readonly cardLink: 'tpdu' | 'apdu' | 'qemu';
  /** dwProtocols bits: 1 = T=0, 2 = T=1. */
  readonly protocols: number;
  /** The rest of the class descriptor; absent fields take the generic values in FakeCcidDevice. */
  readonly published?: Partial<PublishedDescriptor>;
  /** The ATR the reader reports when it is not the card's own (a contactless reader's PC/SC ATR). */
  readonly atr?: Uint8Array;
  /** The contact card in the slot unless a test puts another in. */
  readonly defaultCard?: 'my-number' | 't0-only';
  /**
   * QEMU 7.2's bugs, kept so the driver is tested against them: bChainParameter left at a stale
   * value in every DataBlock, and RDR_to_PC_Parameters declaring dwLength 0 while carrying the structure.
   */
  readonly qemuQuirks?: boolean;
}
