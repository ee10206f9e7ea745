import type { RsaPrivateJwk } from '../../personalisation/Personalisation';
import type { PinFormat, PinId } from './pins';
import type { AccessRule, CardEf, InternalEf, PinEf, PrivateKeyEf, RecordEf, TransparentEf } from './types';

/**
 * Small constructors for the layout tables, so each AP's file list reads like the spec's table
 * (docs/card-reference.md §6.1, §7.1, §8.1, §9.2–§9.4).
 */

/** Free to read (docs/card-reference.md §5: no verification needed). */
export const ALWAYS: AccessRule = { kind: 'always' };
/** Never readable with any holder credential (docs/card-reference.md §6.1 EF 0009). */
export const NEVER: AccessRule = { kind: 'never' };
/** Readable once any of these key EFs was verified in the current DF session (docs/card-reference.md §5). */
export function verifiedAnyOf(...keys: number[]): AccessRule {
  return { kind: 'verified', anyOf: keys };
}

/**
 * A transparent EF of `size` bytes: `data`, then `filler` to the end (docs/card-reference.md §3). With
 * no size the data is the whole physical content (the personalisation already padded it).
 */
export function transparent(
  fid: number,
  label: string,
  data: Uint8Array,
  read: AccessRule,
  physical: { readonly size?: number; readonly filler: number },
): TransparentEf {
  const size = physical.size ?? data.length;
  if (data.length > size) throw new RangeError(`EF ${fid.toString(16)}: ${data.length} bytes do not fit ${size}`);
  const bytes = new Uint8Array(size).fill(physical.filler);
  bytes.set(data);
  return { kind: 'transparent', fid, label, bytes, size, filler: physical.filler, read };
}

/** A record EF (docs/card-reference.md §9.2). */
export function records(fid: number, label: string, content: readonly Uint8Array[], read: AccessRule): RecordEf {
  return { kind: 'record', fid, label, records: content.map((r) => r.slice()), read };
}

/** A PIN key EF (docs/card-reference.md §2 VERIFY, §10) with its issued value (ASCII text) or `null` when none was ever set. */
export function pinKey(
  fid: number,
  label: string,
  spec: {
    readonly pin: PinId;
    readonly value: string | null;
    readonly maxTries: number;
    readonly format: PinFormat;
    readonly change: PinEf['change'];
  },
): PinEf {
  const issuedValue = spec.value === null ? null : new TextEncoder().encode(spec.value);
  return {
    kind: 'pin',
    fid,
    label,
    pin: spec.pin,
    issuedValue,
    maxTries: spec.maxTries,
    // A key never given a value leaves issuance blocked (text 0012, docs/card-reference.md §7.1).
    issuedTries: issuedValue === null ? 0 : spec.maxTries,
    format: spec.format,
    change: spec.change,
  };
}

/** A private-key EF (docs/card-reference.md §6.1 0017/001A, §7.7, §8.1 001A, §9.2 0019). */
export function privateKey(
  fid: number,
  label: string,
  key: RsaPrivateJwk | null,
  use: AccessRule,
  command: PrivateKeyEf['command'],
): PrivateKeyEf {
  return { kind: 'private-key', fid, label, key, use, command };
}

/** An internal EF of unknown purpose, selectable but never readable (docs/card-reference.md §4 6981, §9.4 001E). */
export function internal(fid: number, label: string): InternalEf {
  return { kind: 'internal', fid, label };
}

/** The EF table of one DF keyed by FID (docs/card-reference.md §2 SELECT EF); throws on a duplicate so a typo cannot hide a file. */
export function efTable(efs: readonly CardEf[]): ReadonlyMap<number, CardEf> {
  const table = new Map<number, CardEf>();
  for (const ef of efs) {
    if (table.has(ef.fid)) throw new Error(`duplicate EF ${ef.fid.toString(16).padStart(4, '0')}`);
    table.set(ef.fid, ef);
  }
  return table;
}
