import { SW } from '../../../apdu';
import { concatBytes } from '../../../bytes';
import { resolveEf } from './keyReference';
import { status, success, type CommandHandler } from './result';

/**
 * READ RECORD (`00 B2`, docs/card-reference.md §2, §9.2): P2 = (SFI << 3) | mode, SFI 0 = the current
 * EF; mode 04 reads record P1, mode 05 reads records P1 to the last, concatenated. Records are
 * numbered from 1; a missing one (or record 0: no record pointer is ever set) → `6A83`. Other
 * modes → `6A86`. Only record EFs answer (`6981` otherwise).
 */
export const readRecord: CommandHandler = ({ parsed, session }) => {
  const { p1, p2, data, ne } = parsed.command;
  if (data.length > 0 || ne === null) return status(SW.WRONG_LENGTH);
  const mode = p2 & 0x07;
  if (mode !== 0x04 && mode !== 0x05) return status(SW.INCORRECT_P1P2);
  const sfi = p2 >> 3;
  let ef = session.currentEf;
  if (sfi !== 0) {
    const reference = resolveEf(session, 0x80 | sfi);
    if ('refused' in reference) return reference.refused;
    ef = reference.ef;
  }
  if (!ef) return status(SW.NO_CURRENT_EF);
  if (ef.kind !== 'record') return status(SW.INCOMPATIBLE_FILE_STRUCTURE);
  if (!session.satisfies(ef.read)) return status(SW.SECURITY_STATUS_NOT_SATISFIED);
  if (p1 === 0 || p1 > ef.records.length) return status(SW.RECORD_NOT_FOUND);
  const wanted = mode === 0x04 ? ef.records.slice(p1 - 1, p1) : ef.records.slice(p1 - 1);
  return success(concatBytes(...wanted));
};
