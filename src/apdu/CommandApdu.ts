import { ByteReader } from '../bytes';

/**
 * A command APDU (ISO/IEC 7816-4 §5.1). `ne` is the number of response bytes expected:
 * `null` for no Le field (cases 1 and 3), 1–256 for short Le (256 is sent as `00`),
 * up to 65536 for extended Le (65536 is sent as `00 00`).
 */
export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  readonly data: Uint8Array;
  readonly ne: number | null;
  /**
   * Set where a secret (a PIN) is put into the command. The APDU logger shows only the header
   * and the data length of such a command, and the channel wipes its bytes after transmit.
   */
  readonly sensitive?: boolean;
  /** A short human name for logs ("SELECT JPKI AP"); optional, never sent. */
  readonly label?: string;
}

/** The four ISO 7816-4 command cases. */
export type ApduCase = 1 | 2 | 3 | 4;

/** How a parsed command was encoded on the wire. */
export interface ParsedCommand {
  readonly command: CommandApdu;
  readonly case: ApduCase;
  readonly extended: boolean;
}

/** Largest data field and Ne of the short form. */
const SHORT_MAX_LC = 255;
export const SHORT_MAX_NE = 256;
/** Largest data field and Ne of the extended form. */
const EXTENDED_MAX_LC = 65535;
export const EXTENDED_MAX_NE = 65536;

/** Which form to use when encoding: `auto` picks short unless the command needs extended. */
export type LengthForm = 'auto' | 'short' | 'extended';

/** True when the command cannot be sent in the short form. */
function needsExtendedLength(command: CommandApdu): boolean {
  return command.data.length > SHORT_MAX_LC || (command.ne !== null && command.ne > SHORT_MAX_NE);
}

/**
 * Encodes a command APDU (ISO/IEC 7816-4 §5.1, Table 1). Throws `RangeError` when a field is
 * out of range or the command needs extended length and `form` is `short`.
 */
export function encodeCommand(command: CommandApdu, form: LengthForm = 'auto'): Uint8Array {
  const { cla, ins, p1, p2, data, ne } = command;
  for (const [name, value] of [['CLA', cla], ['INS', ins], ['P1', p1], ['P2', p2]] as const) {
    if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new RangeError(`${name} out of range: ${value}`);
  }
  if (data.length > EXTENDED_MAX_LC) throw new RangeError(`data field too long: ${data.length} bytes`);
  if (ne !== null && (!Number.isInteger(ne) || ne < 1 || ne > EXTENDED_MAX_NE)) {
    throw new RangeError(`Ne out of range: ${ne}`);
  }
  const extended = form === 'extended' || (form === 'auto' && needsExtendedLength(command));
  if (!extended && needsExtendedLength(command)) {
    throw new RangeError('command needs extended length but short form was requested');
  }
  const out: number[] = [cla, ins, p1, p2];
  if (extended) {
    // Extended form: one 00 byte, then a 2-byte Lc and/or a 2-byte Le (65536 is sent as 00 00).
    if (data.length > 0 || ne !== null) out.push(0x00);
    if (data.length > 0) out.push(data.length >> 8, data.length & 0xff, ...data);
    if (ne !== null) out.push((ne >> 8) & 0xff, ne & 0xff);
  } else {
    if (data.length > 0) out.push(data.length, ...data);
    if (ne !== null) out.push(ne & 0xff); // 256 is sent as 00
  }
  return Uint8Array.from(out);
}

/**
 * Parses a command APDU as a card does (ISO/IEC 7816-4 §5.1). Throws `MalformedDataError`
 * for a length that fits none of the seven encodings; a card answers that with `6700`.
 */
export function parseCommand(bytes: Uint8Array): ParsedCommand {
  const reader = new ByteReader(bytes, 'command APDU');
  if (bytes.length < 4) throw reader.error(`a command needs at least 4 bytes, got ${bytes.length}`);
  const cla = reader.u8();
  const ins = reader.u8();
  const p1 = reader.u8();
  const p2 = reader.u8();
  const base = { cla, ins, p1, p2 };
  const length = bytes.length;
  if (length === 4) return { command: { ...base, data: new Uint8Array(0), ne: null }, case: 1, extended: false };
  const b5 = reader.u8();
  if (length === 5) {
    return { command: { ...base, data: new Uint8Array(0), ne: b5 === 0 ? 256 : b5 }, case: 2, extended: false };
  }
  if (b5 !== 0) {
    const data = reader.bytesOf(Math.min(b5, reader.remaining));
    if (length === 5 + b5) return { command: { ...base, data, ne: null }, case: 3, extended: false };
    if (length === 6 + b5) {
      const le = reader.u8();
      return { command: { ...base, data, ne: le === 0 ? 256 : le }, case: 4, extended: false };
    }
    throw reader.error(`Lc ${b5} does not match a command of ${length} bytes`);
  }
  // b5 == 0 and more bytes follow: extended length.
  if (length === 7) {
    const le = reader.u16();
    return { command: { ...base, data: new Uint8Array(0), ne: le === 0 ? 65536 : le }, case: 2, extended: true };
  }
  if (length < 7) throw reader.error(`${length}-byte command is neither short nor extended`);
  const lc = reader.u16();
  if (lc === 0) throw reader.error('extended Lc of 0');
  if (length === 7 + lc) return { command: { ...base, data: reader.bytesOf(lc), ne: null }, case: 3, extended: true };
  if (length === 9 + lc) {
    const data = reader.bytesOf(lc);
    const le = reader.u16();
    return { command: { ...base, data, ne: le === 0 ? 65536 : le }, case: 4, extended: true };
  }
  throw reader.error(`extended Lc ${lc} does not match a command of ${length} bytes`);
}

/** A command with the given fields; `data` defaults to empty and `ne` to none. */
export function command(
  cla: number,
  ins: number,
  p1: number,
  p2: number,
  options: { data?: Uint8Array; ne?: number | null; sensitive?: boolean; label?: string } = {},
): CommandApdu {
  return {
    cla,
    ins,
    p1,
    p2,
    data: options.data ?? new Uint8Array(0),
    ne: options.ne ?? null,
    ...(options.sensitive ? { sensitive: true } : {}),
    ...(options.label ? { label: options.label } : {}),
  };
}
