import { concatBytes, MalformedDataError } from '../../bytes';

/**
 * Port-100 command codes the RC-S380 driver uses. A command travels as D6 <code> <parameters>,
 * its response as D7 <code + 1> <results> (nfcpy rcs380.py `Chipset.send_command`; Linux
 * drivers/nfc/port100.c `PORT100_FRAME_DIR_OUT`/`_IN`, `PORT100_CMD_RESPONSE(cmd)`).
 * Codes: nfcpy rcs380.py `Chipset.CMD`, port100.c `PORT100_CMD_*`.
 */
export const PORT100_COMMAND = {
  inSetRf: 0x00,
  inSetProtocol: 0x02,
  inCommRf: 0x04,
  switchRf: 0x06,
  getFirmwareVersion: 0x20,
  getCommandType: 0x28,
  setCommandType: 0x2a,
} as const;

/** port100.c `PORT100_FRAME_DIR_OUT` / `PORT100_FRAME_DIR_IN`. */
const COMMAND_PREFIX = 0xd6;
const RESPONSE_PREFIX = 0xd7;

/** The data of a command frame: D6, the code, the parameters. */
export function encodeCommand(code: number, parameters: Uint8Array = new Uint8Array(0)): Uint8Array {
  return concatBytes(Uint8Array.of(COMMAND_PREFIX, code), parameters);
}

/** The results of a response frame to `code`: checks D7 and code + 1 (nfcpy `send_command`). */
export function decodeResponse(code: number, data: Uint8Array): Uint8Array {
  if (data.length < 2 || data[0] !== RESPONSE_PREFIX) throw new MalformedDataError('Port-100 response', 0, 'does not start with D7');
  if (data[1] !== code + 1) throw new MalformedDataError('Port-100 response', 1, `answers command ${((data[1]! - 1) & 0xff).toString(16)}, not ${code.toString(16)}`);
  return data.slice(2);
}

/**
 * The one-byte status most set-up commands return (nfcpy rcs380.py `StatusError.err2str`,
 * indexed by the byte).
 */
const PORT100_STATUS_NAMES = ['SUCCESS', 'PARAMETER_ERROR', 'PB_ERROR', 'RFCA_ERROR', 'TEMPERATURE_ERROR', 'PWD_ERROR', 'RECEIVE_ERROR', 'COMMANDTYPE_ERROR'] as const;

/** The name of a set-up status byte, or its hex for one nobody has published. */
export function port100StatusName(status: number): string {
  return PORT100_STATUS_NAMES[status] ?? `UNKNOWN_STATUS_${status.toString(16).padStart(2, '0').toUpperCase()}`;
}

/**
 * InSetRF settings for ISO/IEC 14443 Type B, as (set number, communication type) for sending and
 * for receiving: nfcpy rcs380.py `in_set_rf` table — "106B": (3, 7, 15, 7), "212B": (3, 8, 15, 8),
 * "424B": (3, 9, 15, 9) — with the send pair taken from the rate to the card and the receive pair
 * from the rate back (nfcpy: `settings[brty_send][0:2] + settings[brty_recv][2:4]`). Linux
 * port100.c `in_rf_settings[NFC_DIGITAL_RF_TECH_106B]` has the 106 kbit/s row only.
 */
const TYPE_B_RF: Readonly<Record<number, readonly [number, number, number, number]>> = {
  106: [0x03, 0x07, 0x0f, 0x07],
  212: [0x03, 0x08, 0x0f, 0x08],
  424: [0x03, 0x09, 0x0f, 0x09],
};

/** Type B bit rates the Port-100 can run (kbit/s), per nfcpy's table; 847 has no row. */
export const PORT100_TYPE_B_RATES: readonly number[] = [106, 212, 424];

/** InSetRF parameters for Type B, `toCard` kbit/s out and `toReader` kbit/s back. */
export function inSetRfTypeB(toCard: number, toReader: number): Uint8Array {
  const send = TYPE_B_RF[toCard];
  const receive = TYPE_B_RF[toReader];
  if (!send || !receive) throw new RangeError(`the Port-100 has no Type B setting for ${toCard}/${toReader} kbit/s`);
  return Uint8Array.of(send[0], send[1], receive[2], receive[3]);
}

/** InSetRF for Type B at 106 kbit/s both ways: 03 07 0F 07. */
export const IN_SET_RF_TYPE_B_106: Uint8Array = inSetRfTypeB(106, 106);

/**
 * InSetProtocol for Type B, as (setting number, value) pairs: port100.c
 * `in_protocols[NFC_DIGITAL_FRAMING_NFCB]` — initial guard time 20, the chip adds CRC_B (01 = 1)
 * and checks and strips it (02 = 1), no parity, 8 valid bits in the last byte, the chip adds and
 * checks SOF and EOF (09–0C = 1), deaf time 4, guard time at initiator 6. nfcpy sends the same
 * values as its defaults plus `initial_guard_time=20, add_sof=1, check_sof=1, add_eof=1, check_eof=1`.
 */
export const IN_SET_PROTOCOL_TYPE_B: Uint8Array = Uint8Array.of(
  0x00, 0x14, 0x01, 0x01, 0x02, 0x01, 0x03, 0x00, 0x04, 0x00, 0x05, 0x00, 0x06, 0x00, 0x07, 0x08,
  0x08, 0x00, 0x09, 0x01, 0x0a, 0x01, 0x0b, 0x01, 0x0c, 0x01, 0x0e, 0x04, 0x0f, 0x00, 0x10, 0x00,
  0x11, 0x00, 0x12, 0x00, 0x13, 0x06,
);

/** SwitchRF parameter: 00 = field off, 01 = on (nfcpy `switch_rf`, port100.c `port100_switch_rf`). */
export function switchRfParameters(on: boolean): Uint8Array {
  return Uint8Array.of(on ? 0x01 : 0x00);
}

/** SetCommandType 1, the command set both open drivers use (port100.c probe; nfcpy `Chipset.__init__`). */
export const COMMAND_TYPE_1 = 0x01;

/**
 * GetFirmwareVersion's two result bytes, little-endian: minor then major, shown as "major.minor"
 * in hex (nfcpy `Device.__init__`: `minor, major = get_firmware_version()`, "v{major:x}.{minor:02x}";
 * port100.c: `le16_to_cpu`, "firmware v%x.%02x").
 */
export function decodeFirmwareVersion(results: Uint8Array): string {
  if (results.length < 2) throw new MalformedDataError('GetFirmwareVersion response', results.length, 'needs two bytes');
  return `${results[1]!.toString(16)}.${results[0]!.toString(16).padStart(2, '0')}`;
}
