import { hex16, toHex } from '../bytes';
import { parseResponse } from '../apdu';
import { formatCommandHex, type ApduLogEntry } from '../transport';
import { describeCommand, nameCommand } from '../cards/mynumber/describeCommand';
import { isErrorCode, type ApduLogRow, type ByteSpan } from '../protocol';

/**
 * A log entry as the UI shows it: names decoded, the status word as data (the UI says what it means), secrets already `**`
 * (house rule 6), and the response bytes that carry the My Number marked (`MyNumberInLog`) for the
 * UI to hide until Reveal (docs/card-reference.md §17).
 */
export function toLogRow(entry: ApduLogEntry, myNumberSpans: readonly ByteSpan[] = []): ApduLogRow {
  const response = entry.response ? parseResponse(entry.response) : null;
  const sw = response ? hex16(response.sw) : null;
  return {
    seq: entry.seq,
    name: describeCommand(entry.command),
    nameParts: nameCommand(entry.command),
    command: formatCommandHex(entry.command),
    responseData: response ? toHex(response.data) : '',
    ...(myNumberSpans.length > 0 ? { myNumberSpans } : {}),
    sw,
    sensitive: entry.sensitive,
    elapsedMs: Math.round(entry.elapsedMs * 10) / 10,
    ...(entry.error ? { errorCode: isErrorCode(entry.error.code) ? entry.error.code : 'engine/internal' } : {}),
  };
}
