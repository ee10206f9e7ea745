import { bytesEqual, hex16 as hex4 } from '../../bytes';
import { parseCommand } from '../../apdu';
import { hidesBody } from '../../transport';
import { APPLETS } from './identifiers';

const INSTRUCTIONS: ReadonlyMap<string, string> = new Map([
  ['00A4', 'SELECT'],
  ['00B0', 'READ BINARY'],
  ['00B2', 'READ RECORD'],
  ['0020', 'VERIFY'],
  ['0024', 'CHANGE REFERENCE DATA'],
  ['8032', 'CHANGE KEY'],
  ['802A', 'COMPUTE SIGNATURE'],
  ['0088', 'INTERNAL AUTHENTICATE'],
  ['0084', 'GET CHALLENGE'],
  ['00CA', 'GET DATA'],
  ['00C0', 'GET RESPONSE'],
]);

/**
 * A short English name for a command as docs/card-reference.md §2 calls it, with the applet or file
 * it addresses: "SELECT JPKI AP", "SELECT EF 000A", "READ BINARY @0100", "VERIFY (tries left)".
 * Works on redacted commands too (only the header is needed for a VERIFY).
 */
export function describeCommand(command: readonly (number | null)[]): string {
  const [cla = 0, ins = 0, p1 = 0, p2 = 0] = command.map((b) => b ?? 0);
  const key = ((cla & 0xf0) === 0x80 ? '80' : '00') + ins.toString(16).toUpperCase().padStart(2, '0');
  const name = INSTRUCTIONS.get(key) ?? `INS ${ins.toString(16).toUpperCase().padStart(2, '0')}`;
  // A VERIFY whose body is hidden (`** PIN hidden **`) carried a PIN; only a bare one asks for tries left.
  if (ins === 0x20) return command.length <= 5 && !hidesBody(command) ? `${name} (tries left)` : name;
  if (command.includes(null)) return name;
  const bytes = Uint8Array.from(command as number[]);
  let data: Uint8Array;
  try {
    data = parseCommand(bytes).command.data;
  } catch {
    return name;
  }
  if (ins === 0xa4 && p1 === 0x04) {
    const applet = Object.values(APPLETS).find((a) => bytesEqual(a.aid, data));
    return `${name} ${applet ? applet.label : 'unknown application'}`;
  }
  if (ins === 0xa4 && p1 === 0x02 && data.length === 2) return `${name} EF ${hex4((data[0]! << 8) | data[1]!)}`;
  if (ins === 0xb0) {
    return p1 & 0x80 ? `${name} SFI ${(p1 & 0x1f).toString(16).toUpperCase().padStart(2, '0')} @${p2}` : `${name} @${hex4((p1 << 8) | p2)}`;
  }
  if (ins === 0xca) return `${name} ${hex4((p1 << 8) | p2)}`;
  return name;
}
