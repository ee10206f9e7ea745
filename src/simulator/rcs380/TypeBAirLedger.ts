import { exchangeParts } from './typeBAirTime';

/** What one kind of exchange cost over a run, in microseconds (issue 16 §2's per-exchange breakdown). */
export interface ExchangeKindTotals {
  exchanges: number;
  micros: number;
  /** APDU bytes: the INF of I-blocks both ways, 10 etu each. */
  payload: number;
  /** Every other character: PCBs, R- and S-blocks, WUPB, ATQB, ATTRIB and its answer. */
  protocol: number;
  /** SOF, EOF and CRC_B. */
  framing: number;
  /** TR0, TR1 and the reader's guard. */
  turnaround: number;
}

/**
 * The Type B link-time model's running account for one emulated reader (typeBAirTime.ts): total
 * microseconds and bytes on the air both ways (CRC_B included), and the same time split by kind
 * of exchange — activation, I-blocks, the R(ACK)s of chaining, S(WTX), S(DESELECT) — and by part,
 * so a bench can say where the time goes. Kinds are told by the reader's frame (ISO/IEC 14443-3
 * §7 commands; ISO/IEC 14443-4 §7.1.1 PCB coding, no CID or NAD, as our driver sends them).
 */
export class TypeBAirLedger {
  micros = 0;
  bytesToCard = 0;
  bytesToReader = 0;
  readonly byKind = new Map<string, ExchangeKindTotals>();

  /** One frame to the card and its answer (both with CRC_B; null when the card was silent), at the rates in force. */
  count(toCard: readonly number[], answer: readonly number[] | null, sendKbps: number, receiveKbps: number): void {
    const parts = exchangeParts(toCard.length, answer?.length ?? null, sendKbps, receiveKbps);
    const micros = parts.characters + parts.framing + parts.turnaround;
    this.micros += micros;
    this.bytesToCard += toCard.length;
    this.bytesToReader += answer?.length ?? 0;
    const kind = exchangeKind(toCard[0]);
    const rates = sendKbps === receiveKbps ? `${sendKbps}` : `${sendKbps}/${receiveKbps}`;
    const key = `${kind} at ${rates} kbit/s`;
    const totals = this.byKind.get(key) ?? { exchanges: 0, micros: 0, payload: 0, protocol: 0, framing: 0, turnaround: 0 };
    const payloadBytes = { sent: isoDepBlock(kind) ? infLength(toCard) : 0, answered: isoDepBlock(kind) && answer ? infLength(answer) : 0 };
    const payload = payloadBytes.sent * characterMicros(sendKbps) + payloadBytes.answered * characterMicros(receiveKbps);
    totals.exchanges++;
    totals.micros += micros;
    totals.payload += payload;
    totals.protocol += parts.characters - payload;
    totals.framing += parts.framing;
    totals.turnaround += parts.turnaround;
    this.byKind.set(key, totals);
  }
}

/** One 10-etu character at `kbps`, from the model itself (a 3-byte frame less a 2-byte one). */
function characterMicros(kbps: number): number {
  return exchangeParts(3, null, kbps, kbps).characters;
}

/** The kind of exchange the reader's frame starts. */
function exchangeKind(first: number | undefined): string {
  if (first === undefined) return 'empty frame';
  if (first === 0x05) return 'WUPB/REQB';
  if (first === 0x1d) return 'ATTRIB';
  if (first === 0x50) return 'HLTB';
  if ((first & 0xe2) === 0x02) return (first & 0x10) !== 0 ? 'I-block, chained' : 'I-block';
  if ((first & 0xe6) === 0xa2) return (first & 0x10) !== 0 ? 'R(NAK)' : 'R(ACK)';
  if ((first & 0xf7) === 0xf2) return 'S(WTX)';
  if ((first & 0xf7) === 0xc2) return 'S(DESELECT)';
  return 'other';
}

function isoDepBlock(kind: string): boolean {
  return kind.startsWith('I-block') || kind === 'R(ACK)' || kind === 'R(NAK)' || kind === 'S(WTX)';
}

/** INF bytes of a frame (CRC_B included) that is an I-block; 0 for R- and S-blocks. */
function infLength(frame: readonly number[]): number {
  const pcb = frame[0];
  if (pcb === undefined || (pcb & 0xe2) !== 0x02) return 0;
  return Math.max(0, frame.length - 1 - 2);
}
