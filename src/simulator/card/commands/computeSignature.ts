import { SW } from '../../../apdu';
import { isSignatureScheme, signWithScheme } from '../crypto/signatureSchemes';
import { signingResult, useKey } from './useKey';
import { status, type CommandHandler } from './result';

/**
 * The card's proprietary COMPUTE SIGNATURE `80 2A P1 P2 Lc data 00` (docs/card-reference.md §2, §6.5).
 * P1 = scheme 00–05 (else `6A86`); P2 = 80 (current key EF), 80|SFI (97 auth key, 9A sign key)
 * or 00 (the 券面 AP's default key: text 0013, visual 001A, §7.7). The key's PIN must be verified
 * in this DF session (`6982`). No data field → `6700`; data outside the scheme's range → `6985`.
 * Returns the 256-byte RSA-2048 signature.
 */
export const computeSignature: CommandHandler = ({ parsed, session, random }) => {
  const { p1, p2, data } = parsed.command;
  if (!isSignatureScheme(p1)) return status(SW.INCORRECT_P1P2);
  const use = useKey(session, p2, 'compute-signature', true);
  if ('refused' in use) return use.refused;
  if (data.length === 0) return status(SW.WRONG_LENGTH);
  return signingResult(signWithScheme(p1, data, use.key, random));
};
