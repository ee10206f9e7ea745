import { SW } from '../../../apdu';
import type { CardSession } from '../CardSession';
import { rsaKeyFromJwk, type RsaPrivateKey } from '../crypto/rsa';
import type { SigningOutcome } from '../crypto/signatureSchemes';
import type { PrivateKeyEf } from '../layout/types';
import { resolveEf } from './keyReference';
import { status, success, type CommandResult } from './result';

/** A private key ready for use, or the status word that refuses it. */
export type KeyUse = { readonly key: RsaPrivateKey } | { readonly refused: CommandResult };

/**
 * Finds and checks the key a private-key command names in its P2 (docs/card-reference.md §2, §6.5):
 * the reference (`6986`/`6A82`/`6A86`/`6A88`), a private-key EF (`6981`), its security condition
 * in this DF session (`6982`), then whether this command may use it (`6985`: INTERNAL
 * AUTHENTICATE on a 券面 signing key, §2). A holder without the key (no signature key under 15)
 * gets `6985` too — the sources never reach that state, since the PIN guarding it is unusable.
 */
export function useKey(session: CardSession, p2: number, command: PrivateKeyEf['command'], allowDefault: boolean): KeyUse {
  const reference = resolveEf(session, p2, allowDefault);
  if ('refused' in reference) return reference;
  const { ef } = reference;
  if (ef.kind !== 'private-key') return { refused: status(SW.INCOMPATIBLE_FILE_STRUCTURE) };
  if (!session.satisfies(ef.use)) return { refused: status(SW.SECURITY_STATUS_NOT_SATISFIED) };
  if (ef.command !== command || ef.key === null) return { refused: status(SW.CONDITIONS_NOT_SATISFIED) };
  return { key: rsaKeyFromJwk(ef.key) };
}

/** The response for a signing outcome (docs/card-reference.md §4: `6985` out-of-range input). */
export function signingResult(outcome: SigningOutcome): CommandResult {
  switch (outcome.kind) {
    case 'signature':
      return success(outcome.signature);
    case 'input-out-of-range':
      return status(SW.CONDITIONS_NOT_SATISFIED);
    case 'key-fault':
      // §4: 6F00 "self-diagnosis failure" — what the card says when its own key operation fails.
      return status(SW.NO_PRECISE_DIAGNOSIS);
  }
}
