/**
 * What the bridge may write about an APDU. By default nothing of its data: only the header and
 * lengths and the status word (`--log-apdus` adds the bytes). PIN bytes never: a command that
 * can carry a PIN or password (VERIFY, CHANGE REFERENCE DATA, RESET RETRY COUNTER; ISO 7816-4
 * §11.5.6–11.5.10) shows its whole body as `** PIN hidden **`, without its length or Lc, as the
 * app's own log does: a PIN's length narrows a guess.
 */

import { bytesToBridgeHex } from '../../src/platform/bridgeProtocol';

/** INS bytes whose data field may be a PIN. */
const SECRET_INS = new Set([0x20, 0x21, 0x24, 0x2c]);

const hex = (bytes: Uint8Array): string => bytesToBridgeHex(bytes).replace(/(..)(?!$)/g, '$1 ');

/** One line for a command/response pair. */
export function describeExchange(command: Uint8Array, response: Uint8Array | null, withData: boolean): string {
  const header = hex(command.subarray(0, 4));
  const secret = command.length > 5 && SECRET_INS.has(command[1] ?? -1);
  let line = secret ? `=> ${header} ** PIN hidden **` : `=> ${header} (${command.length} bytes)`;
  if (withData && command.length > 4 && !secret) line += ` ${hex(command.subarray(4))}`;
  if (response) {
    const sw = hex(response.subarray(Math.max(0, response.length - 2)));
    line += ` <= ${sw} (${response.length} bytes)`;
    if (withData && response.length > 2) line += ` ${hex(response.subarray(0, response.length - 2))}`;
  }
  return line;
}
