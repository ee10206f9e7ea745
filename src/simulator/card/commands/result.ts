import { SW } from '../../../apdu';
import type { ParsedCommand } from '../../../apdu';
import type { CardSession } from '../CardSession';
import type { RandomSource } from '../crypto/signatureSchemes';

/** What a command module returns: response data and a status word (ISO 7816-4 §5.1). */
export interface CommandResult {
  readonly data: Uint8Array;
  readonly sw: number;
}

/** Everything a command module may look at: the parsed APDU (ISO 7816-4 §5.1), the card state (docs/card-reference.md §5) and randomness. */
export interface CommandContext {
  readonly parsed: ParsedCommand;
  readonly session: CardSession;
  readonly random: RandomSource;
}

/** A command module (one per command of docs/card-reference.md §2): synchronous, never throws for anything a terminal can send. */
export type CommandHandler = (context: CommandContext) => CommandResult;

const EMPTY = new Uint8Array(0);

/** A status word with no data (docs/card-reference.md §4). */
export function status(sw: number): CommandResult {
  return { data: EMPTY, sw };
}

/** Data with `9000` (docs/card-reference.md §4). */
export function success(data: Uint8Array = EMPTY): CommandResult {
  return { data, sw: SW.OK };
}

/** `61xx`: xx more bytes wait for GET RESPONSE, `00` meaning 256 or more (ISO 7816-4 §5.6). */
export function moreDataStatus(remaining: number): number {
  return SW.BYTES_REMAINING | (remaining > 0xff ? 0x00 : remaining);
}
