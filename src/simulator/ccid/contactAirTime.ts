import { parseAtr, type Atr } from '../../usb/atr';
import { DI_TABLE, FI_TABLE } from '../../usb/atrTables';

/**
 * How long a contact card's link takes, for the emulators' link-time model (issue 16 §2): what a
 * real reader and card would spend moving the characters, not what our emulator spends.
 *
 * ISO/IEC 7816-3:2006: one etu is F/(D·f) (§7.1) — F and D from TA1 once PPS agreed them or in
 * specific mode, else Fd 372 and Dd 1 — with f the reader's clock; we take the clock the reader
 * publishes as dwDefaultClock (CCID 1.1 §5.1), since neither our driver nor libccid asks for
 * another. A character is 10 etu (start bit, 8 data bits, parity) and the delay between the
 * leading edges of two characters in the same direction is at least the guard time (§7.2, §8.3):
 * 12 etu + N etu with N from TC1, except N = 255, the minimum: 12 etu for T=0 and 11 etu (CGT)
 * for T=1 (every My Number ATR has TC1 = FF). Between a T=1 block and the next one, sent the
 * other way, at least BGT = 22 etu pass leading edge to leading edge (§11.2); for T=0 and the PPS
 * exchange we take 16 etu at each change of direction. A T=1 block is NAD PCB LEN, the
 * information field and the EDC (one LRC byte or a two-byte CRC, §11.3).
 *
 * The card's processing time is taken as zero: it answers as early as the guard times allow. It
 * is the card's, not the link's, and no public figure exists for it. So this is the fastest a
 * compliant pair could go with the bytes our reader path sends.
 */

/** T=1's minimum delay between leading edges of blocks sent in opposite directions (BGT). */
export const T1_BGT_ETU = 22;
/** The turnaround taken for T=0 and PPS: 16 etu between characters in opposite directions. */
export const T0_TURNAROUND_ETU = 16;
/** Activation: RST held low at least 400 clock cycles, and the ATR at the earliest 400 cycles after RST rises (§6.2.2). */
const ACTIVATION_CLOCKS = 800;

/** The rate in force: Fi and Di (TA1 coding) and the clock in Hz. */
export interface ContactRate {
  readonly fiDi: number;
  readonly clockHz: number;
}

/** ISO/IEC 7816-3 Table 7 / Table 8: F and D of a TA1-coded byte; null for RFU indices. */
export function factorsOf(fiDi: number): { readonly fi: number; readonly di: number; readonly fMaxHz: number } | null {
  const f = FI_TABLE[fiDi >> 4];
  const di = DI_TABLE[fiDi & 0x0f];
  return f && di ? { fi: f.fi, di, fMaxHz: f.fMaxMHz * 1e6 } : null;
}

/** One etu in microseconds: F / (D · f). */
export function etuMicros(rate: ContactRate): number {
  const factors = factorsOf(rate.fiDi);
  if (!factors) throw new RangeError(`Fi/Di ${rate.fiDi.toString(16)} is RFU`);
  return (factors.fi / (factors.di * rate.clockHz)) * 1e6;
}

/** The minimum delay between leading edges of two characters in the same direction, in etu (§7.2, §8.3, §11.2). */
export function characterEtu(protocol: 0 | 1, extraGuardN: number): number {
  if (extraGuardN === 255) return protocol === 1 ? 11 : 12;
  return 12 + extraGuardN;
}

/** One stretch of characters in one direction. */
export interface Run {
  readonly toCard: boolean;
  readonly characters: number;
}

/**
 * The etu a sequence of runs takes, each run followed by the turnaround before the other side's
 * first character: (characters − 1) × guard + turnaround a run, leading edge to leading edge.
 */
export function runsEtu(runs: readonly Run[], guardEtu: number, turnaroundEtu: number): number {
  return runs.filter((r) => r.characters > 0).reduce((sum, r) => sum + (r.characters - 1) * guardEtu + turnaroundEtu, 0);
}

/** The T=1 blocks of one APDU when the reader runs T=1 (APDU-level readers): lengths in order, alternating sides. */
export function t1BlocksOfApdu(command: number, response: number, ifsc: number, ifsd: number, edcBytes: 1 | 2): Run[] {
  const block = (inf: number, toCard: boolean): Run => ({ toCard, characters: 3 + inf + edcBytes });
  const runs: Run[] = [];
  // Chained command: every I-block but the last is acknowledged by the card's R-block (§11.6.2).
  for (let sent = 0; ; ) {
    const inf = Math.min(ifsc, command - sent);
    runs.push(block(inf, true));
    sent += inf;
    if (sent >= command) break;
    runs.push(block(0, false));
  }
  for (let sent = 0; ; ) {
    const inf = Math.min(ifsd, response - sent);
    runs.push(block(inf, false));
    sent += inf;
    if (sent >= response) break;
    runs.push(block(0, true));
  }
  return runs;
}

/**
 * The T=0 characters of one TPDU as our emulator passes it (the card sees it as a short APDU):
 * the 5-byte header, then — when data goes either way — the INS procedure byte, the command data
 * from the reader or the response data from the card, and SW1 SW2 last.
 */
export function t0Runs(tpdu: number, response: number): Run[] {
  const commandData = Math.max(0, tpdu - 5);
  const responseData = Math.max(0, response - 2);
  if (commandData > 0) {
    return [
      { toCard: true, characters: 5 },
      { toCard: false, characters: 1 },
      { toCard: true, characters: commandData },
      { toCard: false, characters: response },
    ];
  }
  return [
    { toCard: true, characters: 5 },
    { toCard: false, characters: (responseData > 0 ? 1 : 0) + response },
  ];
}

/** What the reader side of the model needs to know: its clock, data rate and how it negotiates (CCID 1.1 §5.1). */
export interface ContactReader {
  /** dwDefaultClock and dwMaximumClock, kHz. */
  readonly defaultClockKHz: number;
  readonly maximumClockKHz: number;
  /** dwMaxDataRate, bit/s. */
  readonly maxDataRate: number;
  /** dwMaxIFSD. */
  readonly maxIfsd: number;
  readonly features: number;
}

/** Running totals: link time and characters each way. */
export interface ContactAir {
  micros: number;
  bytesToCard: number;
  bytesToReader: number;
}

/**
 * The emulator's contact link: the CCID emulator's card side (SlotCard.ts) tells it what crosses the contacts, it counts
 * the time at the rate in force. It keeps two totals: `air`, as negotiated (PPS included), and
 * `airAtStartRate`, the same exchanges at the rate in force after the ATR, without the PPS —
 * what a reader that cannot negotiate would spend.
 */
export class ContactLink {
  readonly air: ContactAir = { micros: 0, bytesToCard: 0, bytesToReader: 0 };
  readonly airAtStartRate: ContactAir = { micros: 0, bytesToCard: 0, bytesToReader: 0 };
  private atr: Atr | null = null;
  private fiDi = 0x11;
  private startFiDi = 0x11;
  private protocol: 0 | 1 = 1;
  /** An APDU-level reader sends S(IFS request) before its first block (dwFeatures 0x400). */
  private ifsdPending = false;

  constructor(private readonly reader: ContactReader) {}

  /** The clock the reader runs the card at. */
  get clockHz(): number {
    return this.reader.defaultClockKHz * 1000;
  }

  /** The rate in force now. */
  get rate(): ContactRate {
    return { fiDi: this.fiDi, clockHz: this.clockHz };
  }

  /**
   * The fastest rate the card allows on this reader: TA1's F and D (Fd, Dd when absent) at the
   * highest clock both the card (f(max) of TA1's F) and the reader (dwMaximumClock) allow.
   */
  fastestRate(): ContactRate & { readonly characterEtu: number } {
    const atr = this.requireAtr();
    const factors = factorsOf(atr.fiDi) ?? factorsOf(0x11)!;
    return {
      fiDi: factorsOf(atr.fiDi) ? atr.fiDi : 0x11,
      clockHz: Math.min(factors.fMaxHz, this.reader.maximumClockKHz * 1000),
      characterEtu: characterEtu(this.protocol, guardN(atr)),
    };
  }

  /** Cold reset and the ATR: activation and the ATR's characters at the initial rate. */
  powerOn(atrBytes: Uint8Array, apduLevel: boolean): void {
    const atr = parseAtr(atrBytes);
    this.atr = atr;
    // §6.3.1: specific mode runs at TA1 at once; negotiable mode at Fd/Dd until PPS.
    this.fiDi = atr.specificMode && factorsOf(atr.fiDi) ? atr.fiDi : 0x11;
    this.startFiDi = this.fiDi;
    const first = atr.specificMode ? atr.specificMode.protocol : atr.protocols[0];
    this.protocol = first === 0 ? 0 : 1;
    const etu = runsEtu([{ toCard: false, characters: atrBytes.length }], 12, 0);
    const activation = (ACTIVATION_CLOCKS / this.clockHz) * 1e6;
    for (const air of [this.air, this.airAtStartRate]) {
      air.micros += activation + (etu + 10) * etuMicros(this.rate);
      air.bytesToReader += atrBytes.length;
    }
    this.ifsdPending = apduLevel && this.protocol === 1 && (this.reader.features & 0x400) !== 0;
    // A reader that negotiates by itself (0x40) sends PPS for TA1 when its data rate allows it, as libccid would ask.
    if ((this.reader.features & 0x40) !== 0 && !atr.specificMode && this.ta1Reachable()) this.pps(ppsRequest(this.protocol, atr.fiDi), true);
  }

  /**
   * SetParameters: a reader that makes PPS itself (0x80) does so when the host asks for another
   * Fi/Di in negotiable mode; otherwise only the protocol is noted.
   */
  setParameters(protocol: 0 | 1, fiDi: number): void {
    const atr = this.requireAtr();
    if ((this.reader.features & 0x80) !== 0 && !atr.specificMode && fiDi !== this.fiDi && factorsOf(fiDi)) {
      this.pps(ppsRequest(protocol, fiDi), true);
    }
    this.protocol = protocol;
  }

  /** A PPS exchange at the rate in force; when answered, PPS1 (or the default) holds after it (§9.3). */
  pps(request: Uint8Array, answered: boolean): void {
    const runs: Run[] = [{ toCard: true, characters: request.length }];
    if (answered) runs.push({ toCard: false, characters: request.length });
    this.air.micros += runsEtu(runs, 12, T0_TURNAROUND_ETU) * etuMicros(this.rate);
    this.air.bytesToCard += request.length;
    if (!answered) return;
    this.air.bytesToReader += request.length;
    this.protocol = (request[1]! & 0x0f) === 0 ? 0 : 1;
    this.fiDi = (request[1]! & 0x10) !== 0 ? request[2]! : 0x11;
  }

  /** One T=1 block to the card and the card's block back (TPDU-level readers pass them as they are). */
  t1Exchange(toCard: Uint8Array, toReader: Uint8Array): void {
    this.count([{ toCard: true, characters: toCard.length }, { toCard: false, characters: toReader.length }]);
  }

  /** One TPDU and its answer under T=0. */
  t0Exchange(tpdu: Uint8Array, response: Uint8Array): void {
    this.count(t0Runs(tpdu.length, response.length));
  }

  /** One APDU and its answer where the reader runs the protocol (APDU-level readers). */
  apduExchange(command: Uint8Array, response: Uint8Array): void {
    if (this.protocol === 0) return this.t0Exchange(command, response);
    const t1 = this.requireAtr().t1 ?? { ifsc: 32, edc: 'lrc' as const };
    const edc = t1.edc === 'crc' ? 2 : 1;
    const runs: Run[] = [];
    if (this.ifsdPending) {
      // S(IFS request) with the reader's IFSD and the card's S(IFS response): one INF byte each.
      runs.push({ toCard: true, characters: 4 + edc }, { toCard: false, characters: 4 + edc });
      this.ifsdPending = false;
    }
    runs.push(...t1BlocksOfApdu(command.length, response.length, t1.ifsc, Math.min(254, this.reader.maxIfsd), edc));
    this.count(runs);
  }

  private count(runs: readonly Run[]): void {
    const guard = characterEtu(this.protocol, guardN(this.requireAtr()));
    const etu = runsEtu(runs, guard, this.protocol === 1 ? T1_BGT_ETU : T0_TURNAROUND_ETU);
    const toCard = runs.reduce((sum, r) => sum + (r.toCard ? r.characters : 0), 0);
    const toReader = runs.reduce((sum, r) => sum + (r.toCard ? 0 : r.characters), 0);
    for (const [air, fiDi] of [[this.air, this.fiDi], [this.airAtStartRate, this.startFiDi]] as const) {
      air.micros += etu * etuMicros({ fiDi, clockHz: this.clockHz });
      air.bytesToCard += toCard;
      air.bytesToReader += toReader;
    }
  }

  /** libccid's test: TA1's rate on the default clock is faster than the default and within dwMaxDataRate. */
  private ta1Reachable(): boolean {
    const factors = factorsOf(this.requireAtr().fiDi);
    if (!factors) return false;
    const rate = Math.floor((this.clockHz * factors.di) / factors.fi);
    return rate > Math.floor(this.clockHz / 372) && rate <= this.reader.maxDataRate;
  }

  private requireAtr(): Atr {
    if (!this.atr) throw new Error('the contact link has not been powered on');
    return this.atr;
  }
}

/** N of TC1: 255 (the minimum guard time) when TC1 = FF. */
function guardN(atr: Atr): number {
  return atr.minimumGuardTime ? 255 : atr.extraGuardTime;
}

/** §9.2: PPSS, PPS0 with PPS1 present, PPS1, PCK. */
function ppsRequest(protocol: 0 | 1, fiDi: number): Uint8Array {
  const body = [0xff, 0x10 | protocol, fiDi];
  return Uint8Array.of(...body, body.reduce((x, b) => x ^ b, 0));
}

/**
 * The payload-only limit on a contact link (docs: README "Benchmarks"): the APDU bytes sent as
 * characters at the fastest rate the card allows, one character a byte at the card's own guard
 * time — no block prologue or EDC, no turnaround, no PPS.
 */
export function contactPayloadCharactersMicros(bytes: number, fastest: ContactRate & { readonly characterEtu: number }): number {
  return bytes * fastest.characterEtu * etuMicros(fastest);
}

/** The same payload as raw bits: 8 etu a byte at the fastest rate, no character framing at all. */
export function contactPayloadBitsMicros(bytes: number, fastest: ContactRate): number {
  return bytes * 8 * etuMicros(fastest);
}
