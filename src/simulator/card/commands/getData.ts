import { SW } from '../../../apdu';
import { status, success, type CommandHandler } from './result';

/** Tag of the contact ATR object (docs/card-reference.md §9.4). */
const CONTACT_ATR_TAG = 0x5f51;

/** Largest object a short Le can carry. */
const SHORT_MAX = 256;

/**
 * GET DATA `00 CA tag_hi tag_lo Le` of the card-level objects (docs/card-reference.md §9.4). They answer
 * only while the ISD is current (after reset or SELECT of its AID); inside an application, and
 * for tags the card does not hold (OpenSC's DF30 probe), `6A88`. The contact ATR `5F51` also
 * answers inside an application — §9.4 says "some cards answer only with a DF selected"; the
 * simulator is a card that answers in both. An object larger than 256 bytes needs extended Le:
 * short Le → `6700` (myna-card, measured), which clients retry with `00 00 00`.
 */
export const getData: CommandHandler = ({ parsed, session }) => {
  const { p1, p2, data, ne } = parsed.command;
  if (data.length > 0 || ne === null) return status(SW.WRONG_LENGTH);
  const tag = (p1 << 8) | p2;
  if (!session.atIsd && tag !== CONTACT_ATR_TAG) return status(SW.REFERENCED_DATA_NOT_FOUND);
  const value = session.fs.cardLevel.get(tag);
  if (!value) return status(SW.REFERENCED_DATA_NOT_FOUND);
  if (!parsed.extended && value.length > SHORT_MAX) return status(SW.WRONG_LENGTH);
  return success(value.slice());
};
