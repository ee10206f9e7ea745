import { SW, encodeTlv } from '../../../apdu';
import { concatBytes, startsWith, u16be } from '../../../bytes';
import type { CardSession } from '../CardSession';
import type { CardEf, DedicatedFile } from '../layout/types';
import { status, success, type CommandHandler, type CommandResult } from './result';

/** P2 of SELECT by name: first/next occurrence (00/02), with FCI or without (00/0C). */
const NAME_P2: readonly number[] = [0x00, 0x02, 0x0c, 0x0e];

/** FID of the ISO MF, which this card refuses (docs/card-reference.md §2 SELECT MF). */
const MF_FID = 0x3f00;

/**
 * SELECT (`00 A4`, docs/card-reference.md §2): by DF name with prefix matching (P1 04), EF by FID in the
 * current DF (P1 02), and the card's odd MF behaviour (P1 00). Any other P1 answers `6A86`.
 */
export const select: CommandHandler = ({ parsed, session }) => {
  const { p1, p2, data } = parsed.command;
  switch (p1) {
    case 0x04:
      return selectByName(session, p2, data);
    case 0x02:
      return selectEfByFid(session, p2, data);
    case 0x00:
      return selectMf(session, p2, data);
    default:
      return status(SW.INCORRECT_P1P2);
  }
};

/**
 * FCI template of a DF: `6F { 84 DF name }`. The card's full FCI is unknown (docs/card-reference.md
 * §15.10); the DF name is the one element ISO 7816-4 §7.4.1 makes meaningful here.
 */
function dfFci(df: DedicatedFile): Uint8Array {
  return encodeTlv(0x6f, encodeTlv(0x84, df.aid));
}

/** FCI of an EF: `6F { 83 FID [80 size] }` (ISO 7816-4 §7.4.3; the card's own is not documented). */
function efFci(ef: CardEf): Uint8Array {
  const fid = encodeTlv(0x83, u16be(ef.fid));
  const size = ef.kind === 'transparent' ? encodeTlv(0x80, u16be(ef.size)) : new Uint8Array(0);
  return encodeTlv(0x6f, concatBytes(fid, size));
}

/**
 * SELECT by DF name. P2 bits: 02 = next occurrence, 0C = no FCI (so 00, 02, 0C, 0E). A name
 * selects the first DF whose AID starts with it (JICSAP prefix matching); "next" continues after
 * the current DF when the current DF matches too. An empty name selects the ISD, as
 * GlobalPlatform specifies for SELECT without data. Failure leaves selection and security state.
 */
function selectByName(session: CardSession, p2: number, name: Uint8Array): CommandResult {
  if (!NAME_P2.includes(p2)) return status(SW.INCORRECT_P1P2);
  const candidates = [session.fs.isd, ...session.fs.applications];
  let from = 0;
  if (p2 & 0x02) {
    const current = candidates.indexOf(session.currentDf);
    if (startsWith(session.currentDf.aid, name)) from = current + 1;
  }
  const df = candidates.slice(from).find((candidate) => startsWith(candidate.aid, name));
  if (!df) return status(SW.FILE_NOT_FOUND);
  session.selectDf(df);
  return (p2 & 0x0c) === 0x0c ? success() : success(dfFci(df));
}

/** SELECT EF by 2-byte FID under the current DF; P2 00 (FCI) or 0C (none). Missing → `6A82`. */
function selectEfByFid(session: CardSession, p2: number, data: Uint8Array): CommandResult {
  if (p2 !== 0x00 && p2 !== 0x0c) return status(SW.INCORRECT_P1P2);
  if (data.length !== 2) return status(SW.WRONG_LENGTH);
  const ef = session.findEf((data[0]! << 8) | data[1]!);
  if (!ef) return status(SW.FILE_NOT_FOUND);
  session.selectEf(ef);
  return p2 === 0x0c ? success() : success(efFci(ef));
}

/**
 * P1 00 (docs/card-reference.md §2): with no data, `6A86` while the ISD is current (power-on) and `9000`
 * without any effect once an application is current; FID 3F00 → `6A82`. Any other FID is looked
 * up like P1 02 (ISO 7816-4 lets P1 00 name an EF of the current DF).
 */
function selectMf(session: CardSession, p2: number, data: Uint8Array): CommandResult {
  if (data.length === 0) return session.atIsd ? status(SW.INCORRECT_P1P2) : success();
  if (data.length !== 2) return status(SW.WRONG_LENGTH);
  if (((data[0]! << 8) | data[1]!) === MF_FID) return status(SW.FILE_NOT_FOUND);
  return selectEfByFid(session, p2, data);
}
