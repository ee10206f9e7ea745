import type { Personality } from './personality';
import { RCS300_CCID } from './rcs300CcidPersonality';

export type { Personality } from './personality';

/**
 * The readers the fake CCID device can pretend to be. Where libccid has a dump of the reader
 * (`readers/*.txt`, docs/browser-platform.md §4.8) every descriptor field is the published one;
 * the descriptors themselves are written out by hand in FakeCcidDevice.ts.
 */

/** Which reader the fake pretends to be. */
export type FakeCcidPersonality =
  /** SCR3310-NTTCom (libccid SCR3310-NTTCom.txt): vendor class 0xFF, TPDU level, dwFeatures 0x000101BA, IFSD 252, 271-byte messages. */
  | 'scr3310'
  /** ACS ACR39U (ACS_ACR39U_ICC_Reader.txt): TPDU level, dwFeatures 0x000100B2 — no automatic voltage, so the host walks bPowerSelect. */
  | 'acr39u'
  /** ACS ACR1252U (ACS_ACR1252_Reader.txt): extended-APDU level, dwFeatures 0x000404BA, T=1 only, 522-byte messages, so long answers come chained. */
  | 'extended-apdu'
  /** A class-0x0B reader at short-APDU level (ACR3901U, uTrust 3720 style): no extended APDUs. */
  | 'short-apdu'
  /** A TPDU-level reader holding a T=0 card: the driver's T=0 path (My Number cards are T=1 only). */
  | 't0'
  /** QEMU's emulated reader (hw/usb/dev-smartcard-reader.c): T=0 only, TPDU level, passes XfrBlock payloads to its card as APDUs. */
  | 'qemu'
  /** A two-slot TPDU reader with the card in the second slot (bMaxSlotIndex 1). */
  | 'two-slot'
  /** The RC-S300's CCID interface: APDU level, the reader does Type B and ISO-DEP (rcs300CcidPersonality.ts). */
  | 'rcs300-ccid';

/** A generic TPDU reader: dwFeatures 0x000100BA (parameters from ATR, voltage, clock, baud rate, PPS). */
const TPDU_AUTO = 0x000100ba;

export const PERSONALITIES: Record<FakeCcidPersonality, Personality> = {
  scr3310: {
    interfaceClass: 0xff, features: 0x000101ba, maxMessageLength: 271, packetSize: 64,
    vendorId: 0x04e6, productId: 0x511a, productName: 'SCR3310-NTTCom (simulated)',
    maxSlotIndex: 0, cardSlot: 0, cardLink: 'tpdu', protocols: 0x03,
    published: {
      bcdCcid: 0x0110, voltageSupport: 0x07, defaultClock: 4800, maximumClock: 8000, numClockSupported: 0,
      dataRate: 12903, maxDataRate: 412903, numDataRatesSupported: 0, maxIfsd: 252, synchProtocols: 0, mechanical: 0,
      classGetResponse: 0xff, classEnvelope: 0xff, lcdLayout: 0, pinSupport: 0, maxBusySlots: 1,
    },
  },
  acr39u: {
    interfaceClass: 0x0b, features: 0x000100b2, maxMessageLength: 271, packetSize: 64,
    vendorId: 0x072f, productId: 0xb100, productName: 'ACR39U ICC Reader (simulated)',
    maxSlotIndex: 0, cardSlot: 0, cardLink: 'tpdu', protocols: 0x03,
    published: {
      bcdCcid: 0x0110, voltageSupport: 0x07, defaultClock: 4800, maximumClock: 16000, numClockSupported: 0,
      dataRate: 12903, maxDataRate: 826000, numDataRatesSupported: 0, maxIfsd: 247, synchProtocols: 0, mechanical: 0,
      classGetResponse: 0xff, classEnvelope: 0xff, lcdLayout: 0, pinSupport: 0, maxBusySlots: 1,
    },
  },
  'extended-apdu': {
    interfaceClass: 0x0b, features: 0x000404ba, maxMessageLength: 522, packetSize: 64,
    vendorId: 0x072f, productId: 0x223e, productName: 'ACR1252 Reader (simulated)',
    maxSlotIndex: 0, cardSlot: 0, cardLink: 'apdu', protocols: 0x02,
    published: {
      bcdCcid: 0x0100, voltageSupport: 0x07, defaultClock: 4000, maximumClock: 4000, numClockSupported: 0,
      dataRate: 10752, maxDataRate: 250000, numDataRatesSupported: 0, maxIfsd: 254, synchProtocols: 0, mechanical: 0,
      classGetResponse: 0x00, classEnvelope: 0x00, lcdLayout: 0, pinSupport: 0, maxBusySlots: 1,
    },
  },
  'short-apdu': {
    interfaceClass: 0x0b, features: 0x000204fe, maxMessageLength: 271, packetSize: 64,
    vendorId: 0x1209, productId: 0x0002, productName: 'Short-APDU CCID reader (simulated)',
    maxSlotIndex: 0, cardSlot: 0, cardLink: 'apdu', protocols: 0x03,
  },
  t0: {
    interfaceClass: 0x0b, features: TPDU_AUTO, maxMessageLength: 271, packetSize: 64,
    vendorId: 0x1209, productId: 0x0003, productName: 'TPDU reader with a T=0 card (simulated)',
    maxSlotIndex: 0, cardSlot: 0, cardLink: 'tpdu', protocols: 0x03, defaultCard: 't0-only',
  },
  qemu: {
    // hw/usb/dev-smartcard-reader.c `qemu_ccid_descriptor`: dwProtocols 0001, dwFeatures 000104FE,
    // dwMaxCCIDMessageLength 00010012; vendor 08E6, product 4433 (a Gemplus id, for openct).
    interfaceClass: 0x0b, features: 0x000104fe, maxMessageLength: 0x00010012, packetSize: 64,
    vendorId: 0x08e6, productId: 0x4433, productName: 'QEMU USB CCID (simulated)',
    maxSlotIndex: 0, cardSlot: 0, cardLink: 'qemu', protocols: 0x01, qemuQuirks: true,
    published: {
      bcdCcid: 0x0110, voltageSupport: 0x07, defaultClock: 4000, maximumClock: 0x00010000, numClockSupported: 0,
      dataRate: 9600, maxDataRate: 115200, numDataRatesSupported: 0, maxIfsd: 254, synchProtocols: 0, mechanical: 0,
      classGetResponse: 0xff, classEnvelope: 0xff, lcdLayout: 0, pinSupport: 0x01, maxBusySlots: 1,
    },
  },
  'two-slot': {
    interfaceClass: 0x0b, features: TPDU_AUTO, maxMessageLength: 271, packetSize: 64,
    vendorId: 0x1209, productId: 0x0004, productName: 'Two-slot TPDU reader (simulated)',
    maxSlotIndex: 1, cardSlot: 1, cardLink: 'tpdu', protocols: 0x03,
  },
  'rcs300-ccid': RCS300_CCID,
};
