import type { Personality } from './personality';
import { RCS300_CCID } from './rcs300CcidPersonality';

export type { Personality } from './personality';

/**
 * The readers the fake CCID device can pretend to be. Each is described by the facts a host reads
 * from it — interface class, dwFeatures, dwMaxCCIDMessageLength, packet size, slots — taken from
 * libccid's reader dumps (docs/browser-platform.md §4.8); the descriptors themselves are written by hand
 * in FakeCcidDevice.ts.
 */

/** Which reader the fake pretends to be. */
export type FakeCcidPersonality =
  /** SCR3310-NTTCom: vendor class 0xFF, TPDU level (host does T=1), auto parameters from ATR, 271-byte messages. */
  | 'scr3310'
  /** A class-0x0B reader at extended-APDU level like the ACR1252U: 522-byte messages, so long answers come chained. */
  | 'extended-apdu'
  /** A class-0x0B reader at short-APDU level (ACR3901U, uTrust 3720 style): no extended APDUs. */
  | 'short-apdu'
  /** A TPDU-level reader holding a T=0 card: the driver's T=0 path (My Number cards are T=1 only). */
  | 't0'
  /** A two-slot TPDU reader with the card in the second slot (bMaxSlotIndex 1). */
  | 'two-slot'
  /** The RC-S300's CCID interface: APDU level, the reader does Type B and ISO-DEP (rcs300CcidPersonality.ts). */
  | 'rcs300-ccid';


/** dwFeatures 0x000100BA: auto parameters from ATR, voltage, clock, baud rate, PPS; TPDU level. */
const TPDU_AUTO = 0x000100ba;

export const PERSONALITIES: Record<FakeCcidPersonality, Personality> = {
  scr3310: {
    interfaceClass: 0xff, features: TPDU_AUTO, maxMessageLength: 271, packetSize: 64,
    vendorId: 0x04e6, productId: 0x511a, productName: 'SCR3310-NTTCom (simulated)',
    maxSlotIndex: 0, cardSlot: 0, cardLink: 't1', protocols: 0x03,
  },
  'extended-apdu': {
    // 0x000404FE: every automatic feature, automatic IFSD exchange, extended APDU level.
    interfaceClass: 0x0b, features: 0x000404fe, maxMessageLength: 522, packetSize: 64,
    vendorId: 0x072f, productId: 0x223e, productName: 'ACR1252U-style extended-APDU reader (simulated)',
    maxSlotIndex: 0, cardSlot: 0, cardLink: 'apdu', protocols: 0x03,
  },
  'short-apdu': {
    interfaceClass: 0x0b, features: 0x000204fe, maxMessageLength: 271, packetSize: 64,
    vendorId: 0x1209, productId: 0x0002, productName: 'Short-APDU CCID reader (simulated)',
    maxSlotIndex: 0, cardSlot: 0, cardLink: 'apdu', protocols: 0x03,
  },
  t0: {
    interfaceClass: 0x0b, features: TPDU_AUTO, maxMessageLength: 271, packetSize: 64,
    vendorId: 0x1209, productId: 0x0003, productName: 'TPDU reader with a T=0 card (simulated)',
    maxSlotIndex: 0, cardSlot: 0, cardLink: 't0', protocols: 0x01,
  },
  'two-slot': {
    interfaceClass: 0x0b, features: TPDU_AUTO, maxMessageLength: 271, packetSize: 64,
    vendorId: 0x1209, productId: 0x0004, productName: 'Two-slot TPDU reader (simulated)',
    maxSlotIndex: 1, cardSlot: 1, cardLink: 't1', protocols: 0x03,
  },
  'rcs300-ccid': RCS300_CCID,
};

/**
 * ISO/IEC 7816-3 §8.2: an ATR offering only T=0 (T0 = 60: TB1 and TC1 follow, no TD1, no TCK).
 * For the `t0` personality only: the My Number Card itself answers `3B E0 00 FF 81 31 FE 45 14`.
 */
export const T0_ONLY_ATR = Uint8Array.of(0x3b, 0x60, 0x00, 0x00);
