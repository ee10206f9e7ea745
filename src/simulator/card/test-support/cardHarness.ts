import { parseResponse } from '../../../apdu';
import { fromHex, hex16, toHex } from '../../../bytes';
import type { SimulatedCard } from '../SimulatedCard';

/** One exchange as a test sees it. Test support only. */
export interface Exchange {
  readonly data: Uint8Array;
  /** The status word as four hex digits, e.g. `9000`, `63C2`. */
  readonly sw: string;
  /** The whole response in spaced hex. */
  readonly hex: string;
}

/** Sends a command given as hex (or bytes) and splits the answer. */
export function send(card: SimulatedCard, command: string | Uint8Array): Exchange {
  const response = card.respond(typeof command === 'string' ? fromHex(command) : command);
  const { data, sw } = parseResponse(response);
  return { data: data.slice(), sw: hex16(sw), hex: toHex(response) };
}

/** Just the status word of a command. */
export function sw(card: SimulatedCard, command: string | Uint8Array): string {
  return send(card, command).sw;
}

/** The spec's AIDs (docs/card-reference.md §0, §9.1), written out here rather than imported from the layout. */
export const AID = {
  jpki: 'D3 92 F0 00 26 01 00 00 00 01',
  text: 'D3 92 10 00 31 00 01 01 04 08',
  visual: 'D3 92 10 00 31 00 01 01 04 02',
  common: 'D3 92 10 00 31 00 01 01 01 00',
  juki: 'D3 92 10 00 31 00 01 01 04 01',
  isd: 'A0 00 00 01 51 00 00',
} as const;

/** `00 A4 04 0C Lc AID`: SELECT DF by name, no FCI. */
export function selectAp(card: SimulatedCard, aid: string): string {
  const bytes = fromHex(aid);
  return sw(card, `00 A4 04 0C ${toHex(Uint8Array.of(bytes.length))} ${aid}`);
}

/** `00 A4 02 0C 02 FID`: SELECT EF by FID. */
export function selectEf(card: SimulatedCard, fid: number): string {
  return sw(card, `00 A4 02 0C 02 ${hex16(fid)}`);
}

/** `00 20 00 80 Lc PIN` on the current key EF, PIN as ASCII. */
export function verifyPin(card: SimulatedCard, pin: string): string {
  const bytes = new TextEncoder().encode(pin);
  return sw(card, `00 20 00 80 ${toHex(Uint8Array.of(bytes.length))} ${toHex(bytes)}`);
}

/** Reads a whole transparent EF (already selected) in 256-byte chunks, as the canonical flows do. */
export function readAll(card: SimulatedCard): Uint8Array {
  const parts: number[] = [];
  for (let offset = 0; offset <= 0x7fff; offset += 256) {
    const answer = send(card, `00 B0 ${hex16(offset)} 00`);
    if (answer.sw !== '9000') break;
    parts.push(...answer.data);
    if (answer.data.length < 256) break;
  }
  return Uint8Array.from(parts);
}
