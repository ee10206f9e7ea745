import { hiddenBody } from './transcript';

/**
 * A sensitive command as the log and transcripts keep it: the header (CLA INS P1 P2) and nothing
 * else — the data is the secret and Lc would tell its length (a 4-digit PIN from an 8-character
 * password), so both go (house rule 6). Shown as `00 20 00 80 ** PIN hidden **`. A command with
 * no body (the tries-left VERIFY) has nothing to hide and stays whole.
 */
export function redactCommand(command: Uint8Array): (number | null)[] {
  if (command.length <= 4) return Array.from(command);
  return hiddenBody(Array.from(command.subarray(0, 4)));
}
