import { SW } from '../../../apdu';
import { moreDataStatus, status, type CommandHandler } from './result';

/**
 * GET RESPONSE `00 C0 00 00 Le` (ISO 7816-4 §11.6.4; docs/card-reference.md §2 "generic handling"): hands
 * out response data the card announced with `61xx` because the command came without Le — how a
 * case-4 command arrives through a T=0 reader (docs/test-rigs.md §B.8). Returns up to Le bytes, then
 * `61xx` while more remain. Nothing waiting → `6985`; P1-P2 ≠ 0000 → `6A86`; no Le → `6700`.
 */
export const getResponse: CommandHandler = ({ parsed, session }) => {
  const { p1, p2, data, ne } = parsed.command;
  if (p1 !== 0x00 || p2 !== 0x00) return status(SW.INCORRECT_P1P2);
  if (data.length > 0 || ne === null) return status(SW.WRONG_LENGTH);
  const pending = session.pendingResponse;
  if (!pending) return status(SW.CONDITIONS_NOT_SATISFIED);
  const chunk = pending.slice(0, ne);
  const rest = pending.slice(ne);
  session.pendingResponse = rest.length > 0 ? rest : null;
  return { data: chunk, sw: rest.length > 0 ? moreDataStatus(rest.length) : SW.OK };
};
