import { SW } from '../../../apdu';
import { status, success, type CommandHandler } from './result';

/**
 * GET CHALLENGE `00 84 00 00 Le` (docs/card-reference.md §2): Le random bytes, 1–256, exactly; at the ISD
 * and inside any DF. Extended Le → `6985` (myna-card, measured). P1-P2 ≠ 0000 → `6A86`; no Le
 * or a data field → `6700`.
 */
export const getChallenge: CommandHandler = ({ parsed, random }) => {
  const { p1, p2, data, ne } = parsed.command;
  if (p1 !== 0x00 || p2 !== 0x00) return status(SW.INCORRECT_P1P2);
  if (data.length > 0 || ne === null) return status(SW.WRONG_LENGTH);
  if (parsed.extended) return status(SW.CONDITIONS_NOT_SATISFIED);
  return success(random(ne));
};
