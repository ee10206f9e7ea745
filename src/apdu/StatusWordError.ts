import { hex16, toHex } from '../bytes';
import type { CommandApdu } from './CommandApdu';
import { describeStatusWord } from './statusWords';

/**
 * A command ended with a status word other than 9000. Thrown by `ApduChannel`; the applet
 * that sent the command decides what it means in context (docs/card-reference.md §4, house rule 4).
 */
export class StatusWordError extends Error {
  override readonly name = 'StatusWordError';
  readonly code = 'card/status-word';

  constructor(
    readonly sw: number,
    /** The command header (CLA INS P1 P2) that got this answer, for messages and logs. */
    readonly header: string,
    /** Response data sent with the status word, if any. */
    readonly data: Uint8Array = new Uint8Array(0),
  ) {
    super(`${header} → ${hex16(sw)} (${describeStatusWord(sw)})`);
  }

  static forCommand(command: CommandApdu, sw: number, data?: Uint8Array): StatusWordError {
    return new StatusWordError(sw, toHex(Uint8Array.of(command.cla, command.ins, command.p1, command.p2)), data);
  }
}
