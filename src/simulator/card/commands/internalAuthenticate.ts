import { SW } from '../../../apdu';
import { signChallenge } from '../crypto/signatureSchemes';
import { signingResult, useKey } from './useKey';
import { status, type CommandHandler } from './result';

/** Longest challenge INTERNAL AUTHENTICATE takes (docs/card-reference.md §2: 1..255). */
const MAX_CHALLENGE = 255;

/**
 * INTERNAL AUTHENTICATE `00 88 00 80|SFI Lc challenge 00` (docs/card-reference.md §2). Only the
 * 共通カードAP key 0019 answers, with no credential: PKCS #1 v1.5 over DigestInfo(SHA-256(challenge)).
 * A PIN-protected key answers `6982` (then `6985` once its PIN is verified, since the key only
 * signs with `80 2A`); the 券面 keys `6985`. P1 ≠ 00 → `6A86`; empty challenge → `6700`;
 * longer than 255 (extended Lc) → `6985`.
 */
export const internalAuthenticate: CommandHandler = ({ parsed, session }) => {
  const { p1, p2, data } = parsed.command;
  if (p1 !== 0x00) return status(SW.INCORRECT_P1P2);
  const use = useKey(session, p2, 'internal-authenticate', false);
  if ('refused' in use) return use.refused;
  if (data.length === 0) return status(SW.WRONG_LENGTH);
  if (data.length > MAX_CHALLENGE) return status(SW.CONDITIONS_NOT_SATISFIED);
  return signingResult(signChallenge(data, use.key));
};
