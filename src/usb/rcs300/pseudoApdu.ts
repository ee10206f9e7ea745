import { concatBytes } from '../../bytes';

/**
 * The RC-S300 vendor interface's transparent-session commands: PC/SC Part 3 Supplement
 * ("Transparent Exchange" / "Manage Session" / "Switch Protocol" pseudo-APDUs, CLA FF, each
 * carrying BER-TLV data objects) with Sony's instruction byte.
 *
 * Which INS (EXPERIMENTAL, unconfirmed on our hardware): the PC/SC Part 3 Supplement uses
 * `FF C2 00 P2`; every public program that drives the RC-S300's vendor interface sends
 * `FF 50 00 P2` instead — marimelon/rcs300-poc `src/felica/rcs300/RCS300.ts`,
 * Takashi-Matsumura/nfc-rcs300-readidm `lib/nfc/nfc-reader.ts`, con3code/pasorich, and an
 * ESP32 USB-host probe whose tests say "every pseudo APDU and every response below is a byte
 * sequence that was sent to, or came back from, a real reader". No public RC-S300 code was found
 * that gets an answer to `FF C2` on this interface, so we send `FF 50` (RCS300_INS).
 *
 * P2 selects the function (Supplement: 00 Manage Session, 01 Transparent Exchange, 02 Switch
 * Protocol), which all the sources above agree on.
 */
export const RCS300_INS = 0x50;

const SessionFunction = { manage: 0x00, exchange: 0x01, switchProtocol: 0x02 } as const;

/** PC/SC Part 3 Supplement data-object tags used in commands (confirmed by wsrf2009/contactless-driver `mod/src/pcsc.h`). */
export const CommandTag = {
  version: 0x80,
  startSession: 0x81,
  endSession: 0x82,
  rfOff: 0x83,
  rfOn: 0x84,
  switchProtocol: 0x8f,
  flags: 0x90,
  transceive: 0x95,
  /** Two-byte tag 5F 46. */
  timer: 0x5f46,
} as const;

/** Switch Protocol data object, first byte: the standard (wsrf2009 pcsc.h `SWCH_*`). */
export const SwitchStandard = { iso14443A: 0x00, iso14443B: 0x01, iso15693: 0x02, felica: 0x03 } as const;
/**
 * Second byte: the layer. 02 = frames only; 03 = the reader runs ISO/IEC 14443-3 selection (for
 * Type B: WUPB/ATQB, wsrf2009 `mod/src/pcsc.c` answers with Protocol Info); 04 = full activation.
 * The value `8F 02 01 03` ("typeB, layer3まで進める") comes from a Python client of Sony's RC-S660/S
 * (a UART reader with the same PC/SC Part 3 pseudo-APDUs, sent there with the Supplement's own
 * INS C2) — not from any RC-S300 program: no public RC-S300 code switches to Type B at all. A
 * WebUSB Type A write-up for the RC-S300 (docs/browser-platform.md §3.4) switches with `00 03` and then sends RATS
 * itself. So layer 3 for Type B on the RC-S300 is our inference; start-up falls back to layer 2.
 */
export type SwitchLayer = 2 | 3 | 4;

/**
 * Transmission and reception flags (tag 90, two bytes, most significant first as
 * wsrf2009 pcsc.c `MAKEWORD(b[i+3], b[i+2])` reads them). Bit 0: 1 = do not append CRC; bit 1:
 * 1 = do not check and strip CRC; bits 2–3 parity (Type A only); bit 4: 1 = do not add a protocol
 * prologue. We want the reader to own CRC_B and to leave our ISO-DEP PCB alone: 0x0010.
 * ⚠ Whether the RC-S300 accepts tag 90 at all is unknown; the reader tolerates a refusal.
 */
export const FLAGS_CRC_BY_READER_NO_PROLOGUE = 0x0010;

/** BER-TLV length (ISO/IEC 8825-1 §8.1.3): one byte below 128, else 81 xx or 82 xx xx. */
export function berLength(length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 0 || length > 0xffff) throw new RangeError(`BER length ${length} out of range`);
  if (length < 0x80) return Uint8Array.of(length);
  if (length <= 0xff) return Uint8Array.of(0x81, length);
  return Uint8Array.of(0x82, length >> 8, length & 0xff);
}

function tagBytes(tag: number): Uint8Array {
  return tag > 0xff ? Uint8Array.of(tag >> 8, tag & 0xff) : Uint8Array.of(tag);
}

/** One data object with a minimal BER length. */
function dataObject(tag: number, value: Uint8Array = new Uint8Array(0)): Uint8Array {
  return concatBytes(tagBytes(tag), berLength(value.length), value);
}

/** Timer (5F 46 04): microseconds, four bytes least significant first ("100 ms is 0x000186a0 microseconds, little endian": the ESP32 probe; Takashi-Matsumura sends A0 86 01 00). */
export function timerObject(microseconds: number): Uint8Array {
  const us = Math.max(1, Math.min(0xffffffff, Math.ceil(microseconds)));
  return dataObject(CommandTag.timer, Uint8Array.of(us & 0xff, (us >>> 8) & 0xff, (us >>> 16) & 0xff, us >>> 24));
}

/** Transmission and reception flags (90 02 hi lo). */
export function flagsObject(flags: number): Uint8Array {
  return dataObject(CommandTag.flags, Uint8Array.of((flags >> 8) & 0xff, flags & 0xff));
}

/**
 * Transceive (95): the frame to send, CRC left to the reader. The length is always in the
 * three-byte form `82 hi lo` — the form marimelon/rcs300-poc, Takashi-Matsumura and pasorich
 * send (`95 82 00 06 …`) and so the one known to work for every length we need (≤ 254).
 */
function transceiveObject(frame: Uint8Array): Uint8Array {
  if (frame.length > 0xffff) throw new RangeError('frame too long');
  return concatBytes(Uint8Array.of(CommandTag.transceive, 0x82, frame.length >> 8, frame.length & 0xff), frame);
}

/** Switch Protocol data object: 8F 02 standard layer. */
function switchProtocolObject(standard: number, layer: number): Uint8Array {
  return dataObject(CommandTag.switchProtocol, Uint8Array.of(standard, layer));
}

/**
 * Manage Session or Switch Protocol with a short Lc and Le = 00, byte for byte the public form:
 * `FF 50 00 00 02 81 00 00` (start), `… 82 …` (end), `… 83 …` (RF off), `… 84 …` (RF on),
 * `FF 50 00 02 04 8F 02 03 00 00` (switch to FeliCa).
 */
function encodeShortSessionCommand(p2: number, objects: Uint8Array): Uint8Array {
  if (objects.length > 0xff) throw new RangeError('use encodeTransparentExchange for long commands');
  return concatBytes(Uint8Array.of(0xff, RCS300_INS, 0x00, p2, objects.length), objects, Uint8Array.of(0x00));
}

/**
 * Transparent Exchange with an extended Lc (00 hi lo), as every public RC-S300 program sends it
 * (`FF 50 00 01 00 00 11 5F 46 04 … 95 82 00 06 … 00 00 00`): three trailing zero bytes, one
 * more than ISO/IEC 7816-4's two-byte extended Le. We copy the bytes known to be accepted
 * rather than the standard's form. ⚠ unconfirmed which of the two the reader requires.
 */
function encodeTransparentExchange(objects: Uint8Array): Uint8Array {
  if (objects.length > 0xffff) throw new RangeError('command too long');
  const header = Uint8Array.of(0xff, RCS300_INS, 0x00, SessionFunction.exchange, 0x00, objects.length >> 8, objects.length & 0xff);
  return concatBytes(header, objects, Uint8Array.of(0x00, 0x00, 0x00));
}

/** Manage Session carrying one empty object: start/end session, RF off/on. */
export function manageSession(tag: number): Uint8Array {
  return encodeShortSessionCommand(SessionFunction.manage, dataObject(tag));
}

export function switchProtocol(standard: number, layer: number): Uint8Array {
  return encodeShortSessionCommand(SessionFunction.switchProtocol, switchProtocolObject(standard, layer));
}

/** One RF frame out, the answer awaited for `waitMs` (the timer object precedes the transceive object, as in every public example). */
export function transceive(frame: Uint8Array, waitMs: number): Uint8Array {
  return encodeTransparentExchange(concatBytes(timerObject(waitMs * 1000), transceiveObject(frame)));
}

/** The flags alone, in their own Transparent Exchange (the Supplement keeps them for the session). */
export function setFlags(flags: number): Uint8Array {
  return encodeTransparentExchange(flagsObject(flags));
}

/**
 * `FF 56 00 00`: labelled "Firmware Version" in a public RC-S300 WebUSB snippet and sent first by
 * Takashi-Matsumura/nfc-rcs300-readidm. Not in PC/SC Part 3; its answer's layout is not
 * documented anywhere we found, so the reader reports the bytes before SW1 SW2 as hex.
 */
export const GET_FIRMWARE_VERSION = Uint8Array.of(0xff, 0x56, 0x00, 0x00);
