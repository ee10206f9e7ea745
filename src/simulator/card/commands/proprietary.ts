import { SW } from '../../../apdu';
import { status, type CommandHandler } from './result';

/** Size of the RSA-2048 OAEP cryptogram SET SESSION KEY carries (docs/card-reference.md §7.8). */
const CRYPTOGRAM_LENGTH = 256;

/** Text AP PIN key EF, whose verification the text AP's key delivery requires (docs/card-reference.md §7.8). */
const TEXT_PIN = 0x0011;

/**
 * SET SESSION KEY `80 AE 00 00 <256-byte cryptogram>` (docs/card-reference.md §7.8, §4). Secure messaging
 * is not simulated (§7.8: "not needed for a simulator MVP") and the personalisation carries no
 * private half of the text AP's EF 0006 key, so no cryptogram can ever be accepted. Each DF refuses
 * as myna-card measured: 共通/visual `66F1`, JPKI/住基 `6982`; the text AP `6982` until its PIN is
 * verified, then `6A80` (what the card says to a cryptogram under the wrong key).
 */
export const setSessionKey: CommandHandler = ({ parsed, session }) => {
  const { p1, p2, data } = parsed.command;
  if (p1 !== 0x00 || p2 !== 0x00) return status(SW.INCORRECT_P1P2);
  switch (session.currentDf.sessionKey) {
    case 'environment-faulty':
      return status(SW.SECURITY_ENVIRONMENT_FAULTY);
    case 'security-not-satisfied':
      return status(SW.SECURITY_STATUS_NOT_SATISFIED);
    case 'text':
      if (!session.isVerified(TEXT_PIN)) return status(SW.SECURITY_STATUS_NOT_SATISFIED);
      if (data.length !== CRYPTOGRAM_LENGTH) return status(SW.WRONG_LENGTH);
      return status(SW.INCORRECT_DATA);
  }
};

/** The P1-P2 pairs of `80 A2` the sources show (docs/card-reference.md §2: `06 C1` then `00 C1`). */
const SET_PUBLIC_IC_KEY_P1P2: readonly number[] = [0x06c1, 0x00c1];

/**
 * VERIFY CERTIFICATE / SET PUBLIC IC KEY `80 A2` (docs/card-reference.md §2): other P1-P2 → `6A86`
 * (measured). A terminal certificate must chain to J-LIS's terminal CA, which the simulator does
 * not have (§2: "out of scope for a simulator MVP"), so every certificate is refused as incorrect
 * data, `6A80`.
 */
export const setPublicIcKey: CommandHandler = ({ parsed }) => {
  const { p1, p2 } = parsed.command;
  if (!SET_PUBLIC_IC_KEY_P1P2.includes((p1 << 8) | p2)) return status(SW.INCORRECT_P1P2);
  return status(SW.INCORRECT_DATA);
};

/** The last-command indicator `80 FC 00 00`: iPhone token only; the physical card answers `6700` (§2). */
export const lastCommandIndicator: CommandHandler = () => status(SW.WRONG_LENGTH);
