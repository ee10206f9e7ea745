/**
 * How long Type B frames take on the air, for the emulators' link-time model (issue 16 §2): what a
 * real reader and card would spend moving the bytes, not what our emulator spends.
 *
 * ISO/IEC 14443-2/-3 Type B: one etu is 128/fc at 106 kbit/s and halves with each doubling of the
 * rate (fc = 13.56 MHz); a character is 10 etu (start bit, 8 data bits, stop bit); a frame is SOF
 * (10–11 etu low, 2–3 etu high) + characters + CRC_B (two characters) + EOF (10–11 etu low). The
 * card waits at least TR0 = 64/fs after the reader's EOF and sends unmodulated subcarrier for at
 * least TR1 = 80/fs before its SOF (fs = fc/16). We take the minimum of each and no extra guard
 * time between characters (EGT 0), so the model is the fastest a compliant pair can go; the
 * reader's own pause before its next frame is modelled as PCD_GUARD_ETU.
 */

/** fc, the carrier frequency (ISO/IEC 14443-2 §6.1). */
const FC = 13_560_000;
const SOF_ETU = 12;
const EOF_ETU = 10;
const CHARACTER_ETU = 10;
/** CRC_B: two characters at the end of every frame (ISO/IEC 14443-3 §7.2). */
const CRC_B_BYTES = 2;
/** TR0 min = 64/fs = 1024/fc; TR1 min = 80/fs = 1280/fc (fs = fc/16). */
const TR0_FC = 1024;
const TR1_FC = 1280;
/** The reader's pause between the card's EOF and its own next SOF: 14 etu, a model value (≈ 132 µs at 106). */
const PCD_GUARD_ETU = 14;

/** One etu in microseconds at `kbps` (106, 212, 424, 847). */
export function etuMicros(kbps: number): number {
  const divisor = Math.round(kbps / 106); // 1, 2, 4, 8
  return (128 / divisor / FC) * 1e6;
}

/** A frame of `bytes` (CRC_B included) at `kbps`, SOF to EOF, in microseconds. */
export function frameMicros(bytes: number, kbps: number): number {
  return (SOF_ETU + CHARACTER_ETU * bytes + EOF_ETU) * etuMicros(kbps);
}

/** Where one exchange's time goes, in microseconds (their sum is `exchangeMicros`). */
export interface ExchangeParts {
  /** The frames' characters, CRC_B aside: 10 etu a byte at each direction's rate. */
  readonly characters: number;
  /** SOF, EOF and the two CRC_B characters of each frame. */
  readonly framing: number;
  /** TR0 and TR1 before the card's frame, and the reader's guard after it (nothing when the card is silent). */
  readonly turnaround: number;
}

/**
 * One exchange split into its parts: the reader's frame of `sentBytes` at `toCard` kbit/s, then
 * (if the card answered) TR0, TR1, the card's frame of `answerBytes` at `toReader` kbit/s and the
 * reader's guard. Frame sizes include CRC_B.
 */
export function exchangeParts(sentBytes: number, answerBytes: number | null, toCard: number, toReader: number): ExchangeParts {
  const frameOverheadEtu = SOF_ETU + EOF_ETU + CHARACTER_ETU * CRC_B_BYTES;
  const out = { characters: CHARACTER_ETU * (sentBytes - CRC_B_BYTES) * etuMicros(toCard), framing: frameOverheadEtu * etuMicros(toCard) };
  if (answerBytes === null) return { ...out, turnaround: 0 };
  return {
    characters: out.characters + CHARACTER_ETU * (answerBytes - CRC_B_BYTES) * etuMicros(toReader),
    framing: out.framing + frameOverheadEtu * etuMicros(toReader),
    turnaround: ((TR0_FC + TR1_FC) / FC) * 1e6 + PCD_GUARD_ETU * etuMicros(toReader),
  };
}

/**
 * One exchange: the reader's frame at `toCard` kbit/s, then (if the card answered) TR0, TR1 and
 * the card's frame at `toReader` kbit/s, then the reader's guard before it may send again.
 * Frame sizes include CRC_B. The card's own processing time is not link time and is left out.
 */
export function exchangeMicros(sentBytes: number, answerBytes: number | null, toCard: number, toReader: number): number {
  const { characters, framing, turnaround } = exchangeParts(sentBytes, answerBytes, toCard, toReader);
  return characters + framing + turnaround;
}

/**
 * The payload-only limit as characters (the reading `npm run bench`'s target uses, README
 * "Benchmarks"): `bytes` of payload, each a 10-etu character with no extra guard time, no SOF/EOF,
 * CRC_B, prologue or turnaround, in microseconds.
 */
export function payloadCharactersMicros(bytes: number, kbps: number): number {
  return bytes * CHARACTER_ETU * etuMicros(kbps);
}

/** The floor as raw bits: `bytes` of payload at `kbps` with no framing, no turnaround, 8 bits a byte, in microseconds. */
export function payloadOnlyMicros(bytes: number, kbps: number): number {
  return ((bytes * 8) / (kbps * 1000)) * 1e6;
}
