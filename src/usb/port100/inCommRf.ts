import { concatBytes, MalformedDataError } from '../../bytes';

/**
 * InCommRF (command 04): send bytes over the field and wait for the card's answer.
 *
 * Parameters: a 16-bit little-endian receive timeout in units of 0.1 ms, then the bytes to send
 * (nfcpy rcs380.py `in_comm_rf`: `struct.pack("<H", timeout)`, timeout in ms × 10; Linux
 * drivers/nfc/port100.c `port100_in_send_cmd`: `cpu_to_le16(_timeout * 10)`).
 * Results: a 32-bit little-endian status word, one byte of collision bits, then the bytes the card
 * sent (port100.c `port100_in_comm_rf_complete`: status, "Remove collision bits byte"; nfcpy
 * returns `data[5:]`). With "check CRC" set the chip has already checked and removed CRC_B.
 */

/** Status bits (nfcpy rcs380.py `CommunicationError.err2str`). */
export const IN_COMM_RF_STATUS = {
  protocolError: 0x0000_0001,
  parityError: 0x0000_0002,
  crcError: 0x0000_0004,
  collisionError: 0x0000_0008,
  overflowError: 0x0000_0010,
  temperatureError: 0x0000_0040,
  /** port100.c `PORT100_CMD_STATUS_TIMEOUT` 0x80: the card did not answer within the timeout. */
  receiveTimeout: 0x0000_0080,
  crypto1Error: 0x0000_0100,
  rfcaError: 0x0000_0200,
  rfOffError: 0x0000_0400,
  transmitTimeout: 0x0000_0800,
  receiveLengthError: 0x8000_0000,
} as const;

/** The largest timeout the 16-bit field holds: 6553.5 ms. */
export const IN_COMM_RF_MAX_TIMEOUT_MS = 0xffff / 10;

/** The parameters of InCommRF: timeout (ms, rounded up to 0.1 ms, capped at 6553.5 ms) and data. */
export function encodeInCommRf(data: Uint8Array, timeoutMs: number): Uint8Array {
  const units = Math.min(0xffff, Math.max(1, Math.ceil(timeoutMs * 10)));
  return concatBytes(Uint8Array.of(units & 0xff, units >> 8), data);
}

/** What the chip reports for one InCommRF. */
export type InCommRfResult =
  /** A frame arrived intact (CRC already checked and removed by the chip). */
  | { readonly kind: 'frame'; readonly data: Uint8Array }
  /** Nothing arrived within the timeout: status bit 0x80 alone. */
  | { readonly kind: 'timeout' }
  /** Something arrived broken (CRC, parity, framing...) or the chip could not send. */
  | { readonly kind: 'error'; readonly status: number; readonly names: readonly string[] };

/** Names of the status bits set in `status`; bits nobody has published are named by their hex value. */
function inCommRfStatusNames(status: number): string[] {
  const entries = Object.entries(IN_COMM_RF_STATUS);
  const names = entries.filter(([, bit]) => (status & bit) >>> 0 !== 0).map(([name]) => name);
  const known = entries.reduce((mask, [, bit]) => (mask | bit) >>> 0, 0);
  const unknown = (status & ~known) >>> 0;
  if (unknown !== 0) names.push(`unknownStatus_${unknown.toString(16).padStart(8, '0').toUpperCase()}`);
  return names;
}

/** Decodes InCommRF's results (after D7 05). */
export function decodeInCommRf(results: Uint8Array): InCommRfResult {
  if (results.length < 4) throw new MalformedDataError('InCommRF response', results.length, 'needs a 4-byte status');
  const status = (results[0]! | (results[1]! << 8) | (results[2]! << 16) | (results[3]! << 24)) >>> 0;
  if (status === 0) {
    if (results.length < 5) throw new MalformedDataError('InCommRF response', 4, 'a success needs the collision byte');
    return { kind: 'frame', data: results.slice(5) };
  }
  if (status === IN_COMM_RF_STATUS.receiveTimeout) return { kind: 'timeout' };
  return { kind: 'error', status, names: inCommRfStatusNames(status) };
}
