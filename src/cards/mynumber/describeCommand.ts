import { bytesEqual, hex16 as hex4 } from '../../bytes';
import { parseCommand } from '../../apdu';
import { hidesBody } from '../../transport';
import { APPLETS, type AppletId } from './identifiers';

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
 * A command's name as parts a UI can put in any language (docs/card-reference.md §2): the ISO
 * 7816-4 instruction (a technical token, said as is), the applet a SELECT addresses, the technical
 * rest ("EF 000A", "@0100"), and whether a VERIFY only asked for tries left.
 */
export interface CommandName {
  readonly instruction: string;
  readonly applet?: AppletId | 'unknown';
  readonly detail?: string;
  readonly asksTries?: boolean;
}

/** The parts of a command's name; works on redacted commands too (only the header is needed for a VERIFY). */
export function nameCommand(command: readonly (number | null)[]): CommandName {
  const [cla = 0, ins = 0, p1 = 0, p2 = 0] = command.map((b) => b ?? 0);
  const key = ((cla & 0xf0) === 0x80 ? '80' : '00') + ins.toString(16).toUpperCase().padStart(2, '0');
  const instruction = INSTRUCTIONS.get(key) ?? `INS ${ins.toString(16).toUpperCase().padStart(2, '0')}`;
  // A VERIFY whose body is hidden (`** PIN hidden **`) carried a PIN; only a bare one asks for tries left.
  if (ins === 0x20) return command.length <= 5 && !hidesBody(command) ? { instruction, asksTries: true } : { instruction };
  if (command.includes(null)) return { instruction };
  const bytes = Uint8Array.from(command as number[]);
  let data: Uint8Array;
  try {
    data = parseCommand(bytes).command.data;
  } catch {
    return { instruction };
  }
  if (ins === 0xa4 && p1 === 0x04) {
    const applet = (Object.keys(APPLETS) as AppletId[]).find((id) => bytesEqual(APPLETS[id].aid, data));
    return { instruction, applet: applet ?? 'unknown' };
  }
  if (ins === 0xa4 && p1 === 0x02 && data.length === 2) return { instruction, detail: `EF ${hex4((data[0]! << 8) | data[1]!)}` };
  if (ins === 0xb0) {
    return { instruction, detail: p1 & 0x80 ? `SFI ${(p1 & 0x1f).toString(16).toUpperCase().padStart(2, '0')} @${p2}` : `@${hex4((p1 << 8) | p2)}` };
  }
  if (ins === 0xca) return { instruction, detail: hex4((p1 << 8) | p2) };
  return { instruction };
}

/**
 * A short English name for a command as docs/card-reference.md §2 calls it, with the applet or file
 * it addresses: "SELECT JPKI AP", "SELECT EF 000A", "READ BINARY @0100", "VERIFY (tries left)" —
 * for logs outside the UI (the UI says `nameCommand`'s parts in the chosen language).
 */
export function describeCommand(command: readonly (number | null)[]): string {
  const name = nameCommand(command);
  const applet = name.applet === undefined ? '' : ` ${name.applet === 'unknown' ? 'unknown application' : APPLETS[name.applet].label}`;
  return `${name.instruction}${applet}${name.detail ? ` ${name.detail}` : ''}${name.asksTries ? ' (tries left)' : ''}`;
}
