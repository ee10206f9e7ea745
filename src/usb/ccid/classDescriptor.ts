import { MalformedDataError, type ByteReader } from '../../bytes';
import { readU16le, readU32le } from './littleEndian';

/** CCID 1.1 §5.1: the Smart Card Device Class descriptor is 54 bytes of type 0x21. */
export const CCID_CLASS_DESCRIPTOR_TYPE = 0x21;
/** CCID 1.1 §5.1, Table 5.1-1: bLength of the class descriptor. */
export const CCID_CLASS_DESCRIPTOR_LENGTH = 54;

/** CCID 1.1 §5.1 dwFeatures bits 16..18: how much of ISO 7816-3/-4 the reader does itself. */
export type CcidExchangeLevel = 'character' | 'tpdu' | 'short-apdu' | 'extended-apdu';

/** CCID 1.1 §5.1, dwFeatures: each bit named for what it lets the host skip. */
export interface CcidFeatures {
  readonly raw: number;
  /** 0x00000002: the reader sets its parameters from the ATR. */
  readonly autoParametersFromAtr: boolean;
  /** 0x00000004: the reader powers the card when it is inserted. */
  readonly autoActivation: boolean;
  /** 0x00000008: the reader chooses the voltage (host may power on with "automatic"). */
  readonly autoVoltage: boolean;
  /** 0x00000010: the reader changes the clock frequency by itself. */
  readonly autoClock: boolean;
  /** 0x00000020: the reader changes the baud rate by itself. */
  readonly autoBaudRate: boolean;
  /** 0x00000040: the reader negotiates parameters by itself (host skips PPS and SetParameters). */
  readonly autoParameterNegotiation: boolean;
  /** 0x00000080: the reader does PPS by itself. */
  readonly autoPps: boolean;
  /** 0x00000100: the reader can stop the card's clock. */
  readonly clockStop: boolean;
  /** 0x00000200: T=1 NAD other than 00 accepted. */
  readonly nadOtherThanZero: boolean;
  /** 0x00000400: the reader sends S(IFS request) itself as the first T=1 exchange. */
  readonly autoIfsd: boolean;
  /** 0x00100000: USB remote wake-up on insertion/removal. */
  readonly usbWakeUp: boolean;
  readonly exchangeLevel: CcidExchangeLevel;
}

/** CCID 1.1 §5.1, Table 5.1-1: the Smart Card Device Class descriptor, decoded. */
export interface CcidClassDescriptor {
  /** BCD release, e.g. 0x0110 for CCID 1.1. */
  readonly bcdCcid: number;
  /** Number of slots minus one. */
  readonly maxSlotIndex: number;
  readonly voltages: { readonly v5: boolean; readonly v3: boolean; readonly v1_8: boolean };
  readonly protocols: { readonly t0: boolean; readonly t1: boolean; readonly raw: number };
  /** kHz. */
  readonly defaultClock: number;
  /** kHz. */
  readonly maximumClock: number;
  readonly numClockSupported: number;
  /** bit/s. */
  readonly dataRate: number;
  /** bit/s. */
  readonly maxDataRate: number;
  readonly numDataRatesSupported: number;
  /** Largest T=1 information field the reader accepts from the card. */
  readonly maxIfsd: number;
  readonly synchProtocols: number;
  readonly mechanical: number;
  readonly features: CcidFeatures;
  /** Largest whole CCID message, header included. */
  readonly maxMessageLength: number;
  /** CLA the reader uses for its own GET RESPONSE; 'echo' (0xFF) repeats the command's CLA. */
  readonly classGetResponse: number | 'echo';
  /** CLA the reader uses for ENVELOPE; 'echo' (0xFF) repeats the command's CLA. */
  readonly classEnvelope: number | 'echo';
  /** null when the reader has no display (wLcdLayout 0000). */
  readonly lcdLayout: { readonly lines: number; readonly charactersPerLine: number } | null;
  readonly pinSupport: { readonly verification: boolean; readonly modification: boolean };
  readonly maxBusySlots: number;
}

const EXCHANGE_LEVEL_MASK = 0x00070000;

/** CCID 1.1 §5.1 dwFeatures: decodes the flags; an exchange level outside the four defined ones is refused. */
export function decodeCcidFeatures(raw: number, source = 'dwFeatures', offset = 0): CcidFeatures {
  const bit = (mask: number): boolean => (raw & mask) !== 0;
  let exchangeLevel: CcidExchangeLevel;
  switch (raw & EXCHANGE_LEVEL_MASK) {
    case 0x00000000:
      exchangeLevel = 'character';
      break;
    case 0x00010000:
      exchangeLevel = 'tpdu';
      break;
    case 0x00020000:
      exchangeLevel = 'short-apdu';
      break;
    case 0x00040000:
      exchangeLevel = 'extended-apdu';
      break;
    default:
      throw new MalformedDataError(source, offset, `dwFeatures ${raw.toString(16)} names more than one exchange level`);
  }
  return {
    raw,
    autoParametersFromAtr: bit(0x02),
    autoActivation: bit(0x04),
    autoVoltage: bit(0x08),
    autoClock: bit(0x10),
    autoBaudRate: bit(0x20),
    autoParameterNegotiation: bit(0x40),
    autoPps: bit(0x80),
    clockStop: bit(0x100),
    nadOtherThanZero: bit(0x200),
    autoIfsd: bit(0x400),
    usbWakeUp: bit(0x00100000),
    exchangeLevel,
  };
}

/**
 * CCID 1.1 §5.1, Table 5.1-1: parses the 54-byte class descriptor at the reader's position. Errors
 * carry the absolute offset inside the configuration descriptor.
 */
export function parseCcidClassDescriptor(reader: ByteReader): CcidClassDescriptor {
  const start = reader.offset;
  const length = reader.u8();
  const type = reader.u8();
  if (type !== CCID_CLASS_DESCRIPTOR_TYPE) {
    throw new MalformedDataError(reader.source, start + 1, `descriptor type ${type} is not the CCID class type 0x21`);
  }
  if (length !== CCID_CLASS_DESCRIPTOR_LENGTH) {
    throw new MalformedDataError(reader.source, start, `CCID class descriptor has bLength ${length}, expected 54`);
  }
  const bcdCcid = readU16le(reader);
  const maxSlotIndex = reader.u8();
  const voltage = reader.u8();
  const protocols = readU32le(reader);
  const defaultClock = readU32le(reader);
  const maximumClock = readU32le(reader);
  const numClockSupported = reader.u8();
  const dataRate = readU32le(reader);
  const maxDataRate = readU32le(reader);
  const numDataRatesSupported = reader.u8();
  const maxIfsd = readU32le(reader);
  const synchProtocols = readU32le(reader);
  const mechanical = readU32le(reader);
  const featuresOffset = reader.offset;
  const featuresRaw = readU32le(reader);
  const maxMessageLength = readU32le(reader);
  const getResponse = reader.u8();
  const envelope = reader.u8();
  const lcd = readU16le(reader);
  const pin = reader.u8();
  const maxBusySlots = reader.u8();
  // Reported at dwFeatures' own offset, not after the descriptor.
  const features = decodeCcidFeatures(featuresRaw, reader.source, featuresOffset);
  return {
    bcdCcid,
    maxSlotIndex,
    voltages: { v5: (voltage & 1) !== 0, v3: (voltage & 2) !== 0, v1_8: (voltage & 4) !== 0 },
    protocols: { t0: (protocols & 1) !== 0, t1: (protocols & 2) !== 0, raw: protocols },
    defaultClock,
    maximumClock,
    numClockSupported,
    dataRate,
    maxDataRate,
    numDataRatesSupported,
    maxIfsd,
    synchProtocols,
    mechanical,
    features,
    maxMessageLength,
    classGetResponse: getResponse === 0xff ? 'echo' : getResponse,
    classEnvelope: envelope === 0xff ? 'echo' : envelope,
    lcdLayout: lcd === 0 ? null : { lines: lcd >> 8, charactersPerLine: lcd & 0xff },
    pinSupport: { verification: (pin & 1) !== 0, modification: (pin & 2) !== 0 },
    maxBusySlots,
  };
}
