import { SW } from '../../../apdu';
import { matchesPinFormat } from '../layout/pins';
import type { PinEf } from '../layout/types';
import { resolveEf } from './keyReference';
import { status, success, type CommandHandler, type CommandContext, type CommandResult } from './result';

/**
 * Replaces a PIN after VERIFY of the same key EF in this DF session (docs/card-reference.md §2). The new
 * value is the whole data field. Order of checks: P1, key reference (`6986`/`6A82`/`6A86`), a key
 * EF (`6981`), the command this key is changed with (else `6982`: the sources give no other
 * change path, so its condition can never be met), blocked (`6984`), verified (`6982`), data
 * present (`6700`), format (`6A80` — a simulator choice so tests cannot store an unusable value).
 */
function changePin(context: CommandContext, expectedP1: number, method: PinEf['change']): CommandResult {
  const { command } = context.parsed;
  const { session } = context;
  if (command.p1 !== expectedP1) return status(SW.INCORRECT_P1P2);
  const reference = resolveEf(session, command.p2);
  if ('refused' in reference) return reference.refused;
  const { ef } = reference;
  if (ef.kind !== 'pin') return status(SW.INCOMPATIBLE_FILE_STRUCTURE);
  if (ef.change !== method) return status(SW.SECURITY_STATUS_NOT_SATISFIED);
  if (session.triesLeft(ef.pin) === 0) return status(SW.REFERENCE_DATA_BLOCKED);
  if (!session.isVerified(ef.fid)) return status(SW.SECURITY_STATUS_NOT_SATISFIED);
  if (command.data.length === 0) return status(SW.WRONG_LENGTH);
  if (!matchesPinFormat(command.data, ef.format)) return status(SW.INCORRECT_DATA);
  session.setPinValue(ef.pin, command.data);
  return success();
}

/** CHANGE REFERENCE DATA `00 24 01 80|SFI <new PIN>`: JPKI and text AP PINs (docs/card-reference.md §2). */
export const changeReferenceData: CommandHandler = (context) => changePin(context, 0x01, 'reference-data');

/** JICSAP CHANGE KEY `80 32 00 80|SFI <new PIN>`: 共通AP and 住基AP PINs (docs/card-reference.md §2, §9.3). */
export const changeKey: CommandHandler = (context) => changePin(context, 0x00, 'change-key');
