import { CardState } from './cardState';

/** An exchange as the redacted export writes it: the answer's data withheld when a PIN guarded it. */
export interface WithheldExchange {
  readonly command: readonly (number | null)[];
  readonly response: Uint8Array;
  /** Response data bytes withheld (written `--`, one per byte); 0 when the answer is kept whole. */
  readonly withheld: number;
}

/**
 * The redacted export's rule (architecture: transport/ transcript format): every answer given
 * while a PIN was verified in the current DF — a PIN-protected file, or anything else the PIN
 * made possible — keeps its length and status word, and loses its data. It follows the card's
 * state as `TranscriptCard` does (`CardState`, docs/card-reference.md §5), so what it withholds
 * is exactly what a replay would need a PIN for; a replay of it fails there with
 * `transport/replay-withheld`. Answers with no data (SELECT, VERIFY) are kept: they show the
 * structure and say whether a PIN was right, not what it opened.
 */
export function withholdPinProtectedAnswers(exchanges: readonly { command: readonly (number | null)[]; response: Uint8Array }[]): WithheldExchange[] {
  const state = new CardState();
  return exchanges.map(({ command, response }) => {
    const sw = response.subarray(response.length - 2);
    const context = state.contextOf(command);
    state.advance(command, (sw[0]! << 8) | sw[1]!);
    const dataLength = response.length - 2;
    if (context.kind === 'file' && context.verified.length > 0 && dataLength > 0) {
      return { command, response: sw.slice(), withheld: dataLength };
    }
    return { command, response, withheld: 0 };
  });
}
