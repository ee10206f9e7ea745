import { SW } from '../../../apdu';
import type { CardSession } from '../CardSession';
import type { CardEf } from '../layout/types';
import { status, type CommandResult } from './result';

/** An EF a command refers to, or the status word that ends the command. */
export type EfReference = { readonly ef: CardEf } | { readonly refused: CommandResult };

/** SFI values 1–30 name EFs 0001–001E (docs/card-reference.md §0: "every EF ID is in 0001–001E"). */
function sfiOf(value: number): number | null {
  const sfi = value & 0x1f;
  return (value & 0xe0) === 0x80 && sfi >= 1 && sfi <= 30 ? sfi : null;
}

/**
 * The EF named by a P1 or P2 byte (docs/card-reference.md §0, §2): `80` = the current EF (none →
 * `6986`), `80|SFI` = EF 00SFI of the current DF, which becomes the current EF (missing → `6A82`),
 * `00` = the DF's default key where `allowDefault` (none → `6A88`); anything else `6A86`.
 */
export function resolveEf(session: CardSession, reference: number, allowDefault = false): EfReference {
  if (reference === 0x80) {
    const ef = session.currentEf;
    return ef ? { ef } : { refused: status(SW.NO_CURRENT_EF) };
  }
  if (reference === 0x00 && allowDefault) {
    const fid = session.currentDf.defaultKey;
    const ef = fid === null ? undefined : session.findEf(fid);
    return ef ? { ef } : { refused: status(SW.REFERENCED_DATA_NOT_FOUND) };
  }
  const sfi = sfiOf(reference);
  if (sfi === null) return { refused: status(SW.INCORRECT_P1P2) };
  const ef = session.findEf(sfi);
  if (!ef) return { refused: status(SW.FILE_NOT_FOUND) };
  session.selectEf(ef);
  return { ef };
}
