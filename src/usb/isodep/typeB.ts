import { concatBytes, MalformedDataError } from '../../bytes';
import { frameSizeFromIndex, frameWaitingTimeMs } from './frameSize';

/**
 * ISO/IEC 14443-3 Type B anticollision commands, CRC_B left out: the reader chip appends and
 * checks it (Port-100 InSetProtocol "add CRC"/"check CRC", see port100/commands.ts).
 */

/** ISO/IEC 14443-3 §7.7: APf, the anticollision prefix of REQB/WUPB. */
const APF = 0x05;
/** ISO/IEC 14443-3 §7.7.4: PARAM bit 4 set makes REQB a WUPB (wakes cards in HALT too). */
const PARAM_WUPB = 0x08;

/**
 * WUPB with AFI 00 (every application family, §7.7.3) and N = 1 slot (PARAM bits 3..1 = 000):
 * 05 00 08. We wake rather than request so a card halted by an earlier session answers too.
 */
export function encodeWupb(afi = 0x00): Uint8Array {
  return Uint8Array.of(APF, afi, PARAM_WUPB);
}

/** REQB: the same with PARAM bit 4 clear (05 00 00); a halted card stays silent. */
export function encodeReqb(afi = 0x00): Uint8Array {
  return Uint8Array.of(APF, afi, 0x00);
}

/** ISO/IEC 14443-3 §7.9: what the card says about itself in ATQB. */
export interface Atqb {
  /** Pseudo-Unique PICC Identifier, 4 bytes, often random per power-up (§7.9.2). */
  readonly pupi: Uint8Array;
  /** Application Data, 4 bytes: AFI, CRC_B(AID) 2 bytes, number of applications (§7.9.3). */
  readonly applicationData: Uint8Array;
  /** Protocol Info, 3 bytes (4 in an extended ATQB), as received (§7.9.4). */
  readonly protocolInfo: Uint8Array;
  /** §7.9.4.1 b8: the card needs the same bit rate both ways. */
  readonly sameBitRateBothWays: boolean;
  /** §7.9.4.1 b7..b5 and b3..b1: extra rates (kbit/s) the card offers, card→reader and reader→card. */
  readonly bitRatesToReader: readonly number[];
  readonly bitRatesToCard: readonly number[];
  /** §7.9.4.2 b8..b5: FSCI, and FSC, the largest frame the card accepts (bytes, CRC included). */
  readonly fsci: number;
  readonly fsc: number;
  /** §7.9.4.2 b4..b1: 0001 = ISO/IEC 14443-4 compliant. */
  readonly protocolType: number;
  readonly iso14443_4: boolean;
  /** §7.9.4.3 b8..b5: FWI and the frame waiting time it means (ms). */
  readonly fwi: number;
  readonly fwtMs: number;
  /** §7.9.4.3 b4..b3: application data coding (ADC). */
  readonly adc: number;
  /** §7.9.4.3 b2/b1 (FO): the card accepts NAD / CID. */
  readonly nadSupported: boolean;
  readonly cidSupported: boolean;
}

const RATES = [212, 424, 847] as const;

function ratesFrom(bits: number): number[] {
  // b3 → 847, b2 → 424, b1 → 212 (the same order within each nibble).
  return RATES.filter((_, i) => (bits & (1 << i)) !== 0);
}

/** ISO/IEC 14443-3 §7.9: parses ATQB (CRC_B already removed): '50', PUPI, Application Data, Protocol Info. */
export function parseAtqb(bytes: Uint8Array): Atqb {
  const source = 'ATQB';
  if (bytes.length < 12) throw new MalformedDataError(source, bytes.length, `ATQB is at least 12 bytes, not ${bytes.length}`);
  if (bytes[0] !== 0x50) throw new MalformedDataError(source, 0, `first byte is ${bytes[0]!.toString(16)}, not 50`);
  const info = bytes.slice(9, Math.min(bytes.length, 13));
  const [rate, frame, timing] = [info[0]!, info[1]!, info[2]!];
  const fsci = frame >> 4;
  const fwi = timing >> 4;
  return {
    pupi: bytes.slice(1, 5),
    applicationData: bytes.slice(5, 9),
    protocolInfo: info,
    sameBitRateBothWays: (rate & 0x80) !== 0,
    bitRatesToReader: ratesFrom((rate >> 4) & 0x07),
    bitRatesToCard: ratesFrom(rate & 0x07),
    fsci,
    fsc: frameSizeFromIndex(fsci),
    protocolType: frame & 0x0f,
    // b4 must be 0 and b1 says ISO/IEC 14443-4; b3..b2 (minimum TR2) do not matter here.
    iso14443_4: (frame & 0x09) === 0x01,
    fwi,
    fwtMs: frameWaitingTimeMs(fwi),
    adc: (timing >> 2) & 0x03,
    nadSupported: (timing & 0x02) !== 0,
    cidSupported: (timing & 0x01) !== 0,
  };
}

/** A Type B bit rate in kbit/s: fc/128 and its doublings (ISO/IEC 14443-3 §7.9.4.1, §7.10.4). */
export type TypeBBitRate = 106 | 212 | 424 | 847;

const RATE_CODES: readonly TypeBBitRate[] = [106, 212, 424, 847];

/** The rates chosen for each direction after ATTRIB. */
export interface TypeBBitRates {
  /** PCD → PICC (DRI in ATTRIB Param 2). */
  readonly toCard: TypeBBitRate;
  /** PICC → PCD (DSI in ATTRIB Param 2). */
  readonly toReader: TypeBBitRate;
}

export const DEFAULT_TYPE_B_RATES: TypeBBitRates = { toCard: 106, toReader: 106 };

/**
 * The fastest rates both the card (ATQB Bit_Rate_capability, §7.9.4.1) and the reader support.
 * 106 kbit/s is always there; a card that says "same rate both ways" (b8) gets the fastest rate
 * it offers in both directions that the reader also has.
 */
export function chooseTypeBBitRates(atqb: Pick<Atqb, 'bitRatesToCard' | 'bitRatesToReader' | 'sameBitRateBothWays'>, readerRates: readonly number[]): TypeBBitRates {
  const usable = (offered: readonly number[]) => RATE_CODES.filter((r) => (r === 106 || offered.includes(r)) && (r === 106 || readerRates.includes(r)));
  const toCard = usable(atqb.bitRatesToCard);
  const toReader = usable(atqb.bitRatesToReader);
  if (atqb.sameBitRateBothWays) {
    const both = toCard.filter((r) => toReader.includes(r));
    const rate = both[both.length - 1] ?? 106;
    return { toCard: rate, toReader: rate };
  }
  return { toCard: toCard[toCard.length - 1] ?? 106, toReader: toReader[toReader.length - 1] ?? 106 };
}

/** ISO/IEC 14443-3 §7.10: what the reader asks for in ATTRIB. */
export interface AttribChoice {
  /** The card's PUPI from ATQB (§7.10.2 Identifier). */
  readonly pupi: Uint8Array;
  /** FSDI: the largest frame the reader accepts (§7.10.4 Param 2 b4..b1). */
  readonly fsdi: number;
  /** Card identifier 0..14 (§7.10.6 Param 4 b4..b1); 0 when the card does not support CID. */
  readonly cid?: number;
  /** Bit rates after the answer to ATTRIB (§7.10.4 Param 2 b8..b5); default 106 both ways. */
  readonly bitRates?: TypeBBitRates;
}

/**
 * ATTRIB: '1D', Identifier, Param 1 = 00 (default TR0/TR1, SOF and EOF kept, §7.10.3),
 * Param 2 = DSI (b8..b7, PICC → PCD) | DRI (b6..b5, PCD → PICC) | FSDI (b4..b1) with rate codes
 * 0 = 106, 1 = 212, 2 = 424, 3 = 847 kbit/s (§7.10.4; NFC Forum Digital 1.1 §14.6.1, as
 * STMicroelectronics RFAL `RFAL_ISODEP_ATTRIB_PARAM2_DSI_SHIFT` 6 / `_DRI_SHIFT` 4 encode it),
 * Param 3 = 01 (ISO/IEC 14443-4, echoing Protocol_Type, §7.10.5), Param 4 = CID (§7.10.6).
 * At 106 kbit/s with FSDI 8 this is the `1D <PUPI> 00 08 01 00` that aruneko/WebUSB-MyNumberCard
 * (src/Type4B.ts) sends to My Number Cards.
 */
export function encodeAttrib(choice: AttribChoice): Uint8Array {
  if (choice.pupi.length !== 4) throw new RangeError('PUPI is 4 bytes');
  const rates = choice.bitRates ?? DEFAULT_TYPE_B_RATES;
  const param2 = (RATE_CODES.indexOf(rates.toReader) << 6) | (RATE_CODES.indexOf(rates.toCard) << 4) | (choice.fsdi & 0x0f);
  return concatBytes(Uint8Array.of(0x1d), choice.pupi, Uint8Array.of(0x00, param2, 0x01, (choice.cid ?? 0) & 0x0f));
}

/** ISO/IEC 14443-3 §7.11: the card's answer to ATTRIB, first byte MBLI (b8..b5) | CID (b4..b1). */
export interface AttribResponse {
  /** Maximum Buffer Length Index: 0 = not stated; else the card buffers FSC × 2^(MBLI−1) bytes of a chain. */
  readonly mbli: number;
  readonly cid: number;
  /** Higher-layer response, if any. */
  readonly higherLayer: Uint8Array;
}

export function parseAttribResponse(bytes: Uint8Array): AttribResponse {
  if (bytes.length < 1) throw new MalformedDataError('answer to ATTRIB', 0, 'empty');
  const first = bytes[0]!;
  return { mbli: first >> 4, cid: first & 0x0f, higherLayer: bytes.slice(1) };
}

/** ISO/IEC 14443-3 §7.12: HLTB, '50' and the PUPI; the card answers '00' and goes to HALT. */
export function encodeHltb(pupi: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(0x50), pupi);
}
