import { bytesEqual, hex16, toHex } from '../../bytes';
import { parseCommand } from '../../apdu';
import { formatCommandHex, type ApduLogEntry } from '../../transport';
import { APPLETS, JPKI_FILES, type AppletId } from '../../cards/mynumber/identifiers';

/** One APDU of the session as the reader report keeps it: the command, and the answer's length and status word. */
export interface ReportExchange {
  readonly n: number;
  /** The command in hex; a VERIFY that carries a PIN is `00 20 00 80 ** PIN hidden **` (house rule 6). */
  readonly command: string;
  /** Bytes of the answer before its status word. */
  readonly responseLength: number | null;
  readonly sw: string | null;
  /** The answer's data, only where it is the same on every card (`dataKept`); otherwise null and why. */
  readonly responseData: string | null;
  readonly withheld?: string;
  readonly elapsedMs: number;
  readonly error?: { readonly code: string; readonly message: string };
}

const SELECT = 0xa4;
const VERIFY = 0x20;
const READ_BINARY = 0xb0;
const GET_RESPONSE = 0xc0;

/**
 * The files whose content is the same on every My Number Card, so their bytes say nothing about
 * anyone: the JPKI CA certificates and the token label (docs/card-reference.md §6.1, §6.3). Kept
 * whole in the report because a long chained read that matches them byte for byte is the best
 * proof a reader path works. Every other answer — certificates naming or dating the holder, card
 * numbers, anything a PIN opened — keeps only its length and status word.
 */
const SAME_ON_EVERY_CARD: readonly { applet: AppletId; fileId: number }[] = [
  { applet: 'jpki', fileId: JPKI_FILES.signCaCertificate },
  { applet: 'jpki', fileId: JPKI_FILES.authCaCertificate },
  { applet: 'jpki', fileId: JPKI_FILES.tokenInfo },
];

/**
 * Follows the log as the card would (docs/card-reference.md §2, §5) — which applet and EF are
 * selected, and whether any PIN was verified — and decides each answer's fate: data kept only for
 * a file of `SAME_ON_EVERY_CARD` read while no PIN was verified, and for SELECT answers (no file
 * content) before any PIN. Once a PIN has been verified nothing more is kept but lengths and
 * status words, so no response of a PIN-protected file can enter the report.
 */
export function reportExchanges(log: readonly ApduLogEntry[]): ReportExchange[] {
  let applet: AppletId | null = null;
  let fileId: number | null = null;
  let pinVerified = false;
  let lastWasPublicRead = false;
  return log.map((entry, index) => {
    const [, ins = 0, p1 = 0] = entry.command;
    const response = entry.response;
    const sw = response && response.length >= 2 ? (response[response.length - 2]! << 8) | response[response.length - 1]! : null;
    const data = response && response.length >= 2 ? response.subarray(0, response.length - 2) : null;
    let publicAnswer = false;
    if (ins === SELECT && p1 !== null) {
      if (sw === 0x9000) [applet, fileId] = selected(entry.command, p1, applet);
      publicAnswer = !pinVerified;
    } else if (ins === READ_BINARY && p1 !== null) {
      if (p1 & 0x80) fileId = p1 & 0x1f;
      publicAnswer = !pinVerified && isSameOnEveryCard(applet, fileId);
    } else if (ins === GET_RESPONSE) {
      publicAnswer = !pinVerified && lastWasPublicRead;
    }
    if (ins === VERIFY && entry.command.length > 5 && sw === 0x9000) pinVerified = true;
    if (ins === VERIFY && entry.sensitive && sw === 0x9000) pinVerified = true;
    lastWasPublicRead = publicAnswer && ins !== SELECT && sw !== null && sw >> 8 === 0x61;
    const keep = publicAnswer && data !== null;
    return {
      n: index + 1,
      command: formatCommandHex(entry.command),
      responseLength: data ? data.length : null,
      sw: sw === null ? null : hex16(sw),
      responseData: keep ? toHex(data) : null,
      ...(!keep && data && data.length > 0 ? { withheld: pinVerified ? 'answered while a PIN was verified' : 'file content that can differ from card to card' } : {}),
      elapsedMs: Math.round(entry.elapsedMs * 100) / 100,
      ...(entry.error ? { error: entry.error } : {}),
    };
  });
}

function isSameOnEveryCard(applet: AppletId | null, fileId: number | null): boolean {
  return SAME_ON_EVERY_CARD.some((f) => f.applet === applet && f.fileId === fileId);
}

/** SELECT by DF name (P1 04) picks an applet; by EF id (P1 02) a file in it; anything else forgets the place. */
function selected(command: readonly (number | null)[], p1: number, applet: AppletId | null): [AppletId | null, number | null] {
  let data: Uint8Array;
  try {
    data = parseCommand(Uint8Array.from(command.map((b) => b ?? 0))).command.data;
  } catch {
    return [null, null];
  }
  if (p1 === 0x04) return [(Object.keys(APPLETS) as AppletId[]).find((id) => bytesEqual(APPLETS[id].aid, data)) ?? null, null];
  if (p1 === 0x02 && data.length === 2) return [applet, (data[0]! << 8) | data[1]!];
  return [null, null];
}
