import { parseCommand } from '../apdu';

/**
 * The command bytes with the data field replaced by `null` (shown as `**`): header, Lc and Le
 * stay visible, the secret does not (house rule 6). A command that does not parse is hidden
 * entirely past its header, because we cannot tell where its data is.
 */
export function redactCommand(command: Uint8Array): (number | null)[] {
  const bytes = Array.from(command);
  try {
    const parsed = parseCommand(command);
    const dataLength = parsed.command.data.length;
    if (dataLength === 0) return bytes;
    const dataStart = parsed.extended ? 7 : 5;
    return bytes.map((b, i) => (i >= dataStart && i < dataStart + dataLength ? null : b));
  } catch {
    return bytes.map((b, i) => (i < 4 ? b : null));
  }
}
