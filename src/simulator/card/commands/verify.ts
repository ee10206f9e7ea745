import { SW, retriesStatus } from '../../../apdu';
import { bytesEqual } from '../../../bytes';
import { resolveEf } from './keyReference';
import { status, success, type CommandHandler } from './result';

/**
 * VERIFY (`00 20 00 P2`, docs/card-reference.md §2, §4, §5, §10). P2 = 80 (current EF) or 80|SFI.
 *
 * - No data (case 1, or a 5-byte command with P3 = 00 as T=0 readers send it, docs/test-rigs.md §B.8):
 *   the status query, `63Cx` with x tries left, spending nothing (`63C0` when blocked). It answers
 *   the counter even when the key is already verified in this session — the sources only say
 *   "possibly 9000 on some cards", and OpenSC needs SW1 = 63 to bind.
 * - Data on a blocked key (0 tries): `6984`, not ISO's 6983 (§4, §15.1).
 * - Right value: counter back to the maximum, key verified in the current DF session, `9000`.
 * - Wrong value: one try spent, `63Cx` with the tries now left (`63C0` for the try that blocks),
 *   and any earlier verification of this key is cleared (ISO 7816-4 §11.5.6).
 * - A value of the wrong LENGTH: the sources do not say (§10 "unknown"). It is treated as a
 *   wrong value and counted — the conservative choice; clients validate the format before
 *   sending (architecture rule 5), so only a broken client pays for it.
 * - A Le after the PIN bytes (case 4) is ignored: VERIFY returns no data either way.
 */
export const verify: CommandHandler = ({ parsed, session }) => {
  const { command } = parsed;
  if (command.p1 !== 0x00) return status(SW.INCORRECT_P1P2);
  const isQuery = command.data.length === 0 && (parsed.case === 1 || (parsed.case === 2 && !parsed.extended && command.ne === 256));
  // Case 2 with P3 ≠ 00 announces PIN bytes that never came; extended case 2 is no VERIFY either.
  if (command.data.length === 0 && !isQuery) return status(SW.WRONG_LENGTH);
  const reference = resolveEf(session, command.p2);
  if ('refused' in reference) return reference.refused;
  const { ef } = reference;
  if (ef.kind !== 'pin') return status(SW.INCOMPATIBLE_FILE_STRUCTURE);
  const tries = session.triesLeft(ef.pin);
  if (isQuery) return status(retriesStatus(Math.min(tries, 15)));
  if (tries === 0) return status(SW.REFERENCE_DATA_BLOCKED);
  const expected = session.pinValue(ef.pin);
  if (expected !== null && bytesEqual(command.data, expected)) {
    session.setTriesLeft(ef.pin, ef.maxTries);
    session.markVerified(ef.fid);
    return success();
  }
  session.setTriesLeft(ef.pin, tries - 1);
  session.clearVerified(ef.fid);
  return status(retriesStatus(Math.min(tries - 1, 15)));
};
