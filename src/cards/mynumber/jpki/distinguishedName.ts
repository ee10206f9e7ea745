import type * as pkijs from 'pkijs';

/** Short names of the attribute types JPKI DNs use (RFC 4514 §3; docs/card-reference.md §12). */
const SHORT_NAMES: ReadonlyMap<string, string> = new Map([
  ['2.5.4.3', 'CN'],
  ['2.5.4.5', 'serialNumber'],
  ['2.5.4.6', 'C'],
  ['2.5.4.7', 'L'],
  ['2.5.4.8', 'ST'],
  ['2.5.4.10', 'O'],
  ['2.5.4.11', 'OU'],
]);

/** One attribute of a distinguished name, in certificate order (RFC 5280 §4.1.2.4). */
export interface RdnAttribute {
  /** `C`, `O`, `OU`, `L`, `CN`…, or the dotted OID for a type without a short name. */
  readonly type: string;
  readonly oid: string;
  readonly value: string;
}

/**
 * A distinguished name as a list (order kept: JPKI subjects repeat `L` and CA DNs repeat `OU`,
 * docs/card-reference.md §12) and as the `C=JP, O=JPKI, …` string the reference writes.
 */
export interface DistinguishedNameView {
  readonly rdns: readonly RdnAttribute[];
  readonly text: string;
}

/** Reads a pkijs name into the view (RFC 4514 §2); values that are not strings are shown as `#hex`. */
export function distinguishedName(name: pkijs.RelativeDistinguishedNames): DistinguishedNameView {
  const rdns = name.typesAndValues.map((attribute): RdnAttribute => {
    const oid = attribute.type;
    const block = attribute.value as { valueBlock?: { value?: unknown; valueHexView?: Uint8Array } };
    const raw = block.valueBlock?.value;
    const value = typeof raw === 'string' ? raw : hexOf(block.valueBlock?.valueHexView);
    return { type: SHORT_NAMES.get(oid) ?? oid, oid, value };
  });
  return { rdns, text: rdns.map((r) => `${r.type}=${r.value}`).join(', ') };
}

function hexOf(bytes: Uint8Array | undefined): string {
  return bytes ? '#' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('') : '';
}
