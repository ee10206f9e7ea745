import { fromBase64 } from '../../src/bytes';

/**
 * Reads the object listings of OpenSC's `pkcs15-tool` (`--list-certificates`, `--list-keys`,
 * `--list-pins`): a header line `Kind [Label]`, then indented `Name : value` lines.
 */

/** One listed PKCS#15 object. */
export interface OpenscObject {
  /** `X.509 Certificate`, `Private RSA Key`, `PIN`, … */
  readonly kind: string;
  /** The label in brackets, e.g. `User Authentication Certificate`. */
  readonly label: string;
  /** The indented `Name : value` lines, by name (`ID`, `Path`, `Tries left`, …). */
  readonly fields: ReadonlyMap<string, string>;
}

/** Every object in a listing, in order; lines outside an object are ignored. */
export function parseOpenscObjects(text: string): OpenscObject[] {
  const objects: { kind: string; label: string; fields: Map<string, string> }[] = [];
  for (const line of text.split('\n')) {
    const header = /^(\S[^[]*?)\s*\[(.*)\]\s*$/.exec(line);
    if (header) {
      objects.push({ kind: header[1]!, label: header[2]!, fields: new Map() });
      continue;
    }
    const field = /^\s+([^:]+?)\s*:\s?(.*)$/.exec(line);
    const current = objects[objects.length - 1];
    if (field && current) current.fields.set(field[1]!, field[2]!.trim());
  }
  return objects;
}

/** The object with `label`, or an error that lists what there was. */
export function objectLabelled(objects: readonly OpenscObject[], label: string): OpenscObject {
  const found = objects.find((o) => o.label === label);
  if (!found) throw new Error(`no object "${label}" in the listing; found: ${objects.map((o) => o.label).join(', ')}`);
  return found;
}

/** The DER inside the first PEM block of `text` (`-----BEGIN …-----` base64 `-----END …-----`). */
export function pemToDer(text: string): Uint8Array {
  const match = /-----BEGIN [^-]+-----([\s\S]*?)-----END [^-]+-----/.exec(text);
  if (!match) throw new Error('no PEM block in the text');
  return fromBase64(match[1]!.replace(/\s+/g, ''));
}
