import { fromHex } from '../bytes';
import { recordedHex } from './hexText';

/**
 * Transcript steps that recur in the hand-written vectors and the simulator's canonical flows
 * (docs/card-reference.md §2, §3, §13), spelled once: the `=> command` / `<= answer` lines the
 * reference gives, so a vector reads as the flow it writes down.
 */

/** SELECT DF by name, `00 A4 04 0C 0A <AID>`, answered `90 00` (§2, §9.1). */
export const SELECT_AP = {
  jpki: '=> 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01\n<= 90 00',
  text: '=> 00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08\n<= 90 00',
  visual: '=> 00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 02\n<= 90 00',
  common: '=> 00 A4 04 0C 0A D3 92 10 00 31 00 01 01 01 00\n<= 90 00',
  juki: '=> 00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 01\n<= 90 00',
} as const;

/** SELECT EF by file ID, `00 A4 02 0C 02 <FID>`, answered `90 00` (§2): `fid` as `00 18`. */
export function selectEf(fid: string): string {
  return `=> 00 A4 02 0C 02 ${fid}\n<= 90 00`;
}

/** The tries-left probe SELECT-then-command (§13.2): SELECT the key EF, `00 20 00 80` with no data, its answer (`63 C3`). */
export function probeAfterSelect(fid: string, answer: string): string {
  return `${selectEf(fid)}\n=> 00 20 00 80\n<= ${answer}`;
}

/**
 * The rest of a recorded object read on a short-only path (§3, §13.3): READ BINARY from `from`
 * to `to` in chunks that end on 256-byte boundaries (`00 B0 00 04 FC`, `00 B0 01 00 00`, …),
 * the last one with the exact remainder, each answered with that range of `recorded` + `90 00`.
 */
export function shortChunkReads(recorded: string, from: number, to: number): string {
  const steps: string[] = [];
  for (let offset = from; offset < to; ) {
    const end = Math.min(to, (Math.floor(offset / 256) + 1) * 256);
    const le = (end - offset) & 0xff;
    steps.push(`=> 00 B0 ${byteHex(offset >> 8)} ${byteHex(offset & 0xff)} ${byteHex(le)}\n<= ${recordedHex(recorded, offset, end)} 90 00`);
    offset = end;
  }
  return steps.join('\n');
}

function byteHex(value: number): string {
  return value.toString(16).toUpperCase().padStart(2, '0');
}

/**
 * §13.3 SELECT-then-READ of a DER object: SELECT EF `fid`, READ BINARY of the 4-byte header
 * (`30 82 LL LL`), then exactly the rest — one extended READ (`00 B0 00 04 00 LL LL`) where the
 * path carries extended APDUs, else §3's short chunks.
 */
export function derReadAfterSelect(fid: string, recorded: string, extendedLength: boolean): string {
  const bytes = fromHex(recorded);
  const total = ((bytes[2]! << 8) | bytes[3]!) + 4;
  const rest = extendedLength
    ? `=> 00 B0 00 04 00 ${byteHex((total - 4) >> 8)} ${byteHex((total - 4) & 0xff)}\n<= ${recordedHex(recorded, 4, total)} 90 00`
    : shortChunkReads(recorded, 4, total);
  return `${selectEf(fid)}\n=> 00 B0 00 00 04\n<= ${recordedHex(recorded, 0, 4)} 90 00\n${rest}`;
}
