/**
 * USB readers as the start screen lists them and the reader check describes them (house rule 9:
 * plain data only; the facts travel as keys the UI says in its language).
 */

/** How a granted USB device can be reached (usb/knownReaders.ts). */
export type ReaderRouteView = 'ccid-vendor' | 'ccid-class' | 'port100' | 'rcs300' | 'unsupported';

/** A USB reader this origin was granted, as the start screen lists it. */
export interface ReaderView {
  /** `VVVV:PPPP:serial` or `VVVV:PPPP#n`. */
  readonly id: string;
  readonly name: string;
  /** Four hex digits each. */
  readonly vendorId: string;
  readonly productId: string;
  readonly serialNumber: string | null;
  readonly route: ReaderRouteView;
  /** A driver not yet confirmed on hardware with public facts this thin (the RC-S300's vendor interface). */
  readonly experimental: boolean;
  /** null when it can be used here; otherwise the error code that explains why not. */
  readonly blockedBy: 'usb/protected-class' | 'usb/not-a-reader' | null;
}

/** The reader check view, by kind of reader. */
export type ReaderCheckView = CcidCheckView | ContactlessCheckView;

/** A dwFeatures bit the reader check names (CCID 1.1 §5.1, Table 5.1-1); the UI says it from its catalogs. */
export type CcidFeatureKey =
  | 'autoParametersFromAtr' | 'autoActivation' | 'autoVoltage' | 'autoClock' | 'autoBaudRate'
  | 'autoParameterNegotiation' | 'autoPps' | 'clockStop' | 'nadOtherThanZero' | 'autoIfsd' | 'usbWakeUp';

/** The card a known ATR names (usb/knownAtrs.ts), as a key the UI says in the chosen language. */
export type KnownCardKey = 'jukicard-contact' | 'contact-ta1-13' | 'contact-c5' | 'contact-specific' | 'contactless';

/**
 * One fact of the reader check: which fact (`key`) and its value, typed — never display text, so
 * each language is only a catalog (ui/model/readerFactText.ts says it). Technical tokens (hex,
 * T=1, ms, a driver's sequence and step names) travel as they are.
 */
export type ReaderFact =
  | { readonly key: 'pupi' | 'applicationData' | 'protocolInfo' | 'historicalBytes' | 'protocolsOffered' | 'fiDi' | 'ifsc' | 'bwiCwi' | 'edc' | 'mbli' | 'wupbPolls'; readonly value: string }
  | { readonly key: 'fscFsc'; readonly fsci: number; readonly fsc: number }
  | { readonly key: 'fwiFwt'; readonly fwi: number; readonly fwtMs: number }
  | { readonly key: 'knownCard'; readonly card: KnownCardKey | null }
  | { readonly key: 'iso14443_4'; readonly compliant: boolean }
  | { readonly key: 'cidNad'; readonly cid: boolean; readonly nad: boolean }
  | { readonly key: 'bitRate'; readonly toCard: number; readonly toReader: number; readonly fellBackFrom: { readonly toCard: number; readonly toReader: number } | null }
  | { readonly key: 'startUpSequence'; readonly sequence: string; readonly failed: readonly { readonly sequence: string; readonly step: string }[] }
  | {
      readonly key: 'negotiated';
      readonly protocol: 'T=0' | 'T=1';
      /** Fi/Di in force, two hex digits (TA1 coding). */
      readonly fiDi: string;
      /** Specific mode (TA2), a PPS we sent (its hex), or none from the host. */
      readonly pps: { readonly mode: 'specific' } | { readonly mode: 'sent'; readonly bytes: string } | { readonly mode: 'none' };
      readonly setParameters: boolean;
      /** 'auto' when the reader chose, else the class it powered the card at. */
      readonly voltage: 'auto' | '5V' | '3V' | '1.8V';
    };

/** A CCID reader: what it says about itself and what the driver does with it (CCID 1.1 §5.1). */
export interface CcidCheckView {
  readonly kind: 'ccid';
  readonly reader: ReaderView;
  readonly interfaceNumber: number;
  /** Two hex digits: 0B or FF. */
  readonly interfaceClass: string;
  readonly bcdCcid: string;
  readonly maxSlotIndex: number;
  readonly slot: number;
  readonly voltages: readonly string[];
  readonly protocols: readonly string[];
  /** dwFeatures as 8 hex digits, and the bits set that the check names. */
  readonly features: string;
  readonly featureKeys: readonly CcidFeatureKey[];
  readonly exchangeLevel: 'character' | 'tpdu' | 'short-apdu' | 'extended-apdu';
  readonly maxMessageLength: number;
  readonly maxIfsd: number;
  readonly packetSize: number;
  readonly atr: string;
  /** ATR facts: protocols offered, Fi/Di, IFSC, BWI, CWI, EDC, the known card, what was negotiated. */
  readonly atrFacts: readonly ReaderFact[];
  readonly protocolInUse: 'T=0' | 'T=1';
  readonly extendedLength: boolean;
}

/** The RC-S380: its chip, the card's ATQB, and the ISO-DEP frame sizes in use (ISO/IEC 14443-3/-4). */
export interface ContactlessCheckView {
  readonly kind: 'contactless';
  readonly reader: ReaderView;
  /** As the reader reports it; null when it did not answer. */
  readonly firmwareVersion: string | null;
  readonly experimental: boolean;
  readonly interfaceClass: string;
  readonly packetSize: number;
  /** The PC/SC Part 3 ATR MynaLens builds from the ATQB. */
  readonly atr: string;
  /** ATQB and ATTRIB facts. */
  readonly cardFacts: readonly ReaderFact[];
  /** Card's and our largest frame, bytes. */
  readonly fsc: number;
  readonly fsd: number;
  readonly bitRateKbps: number;
  readonly extendedLength: boolean;
}
