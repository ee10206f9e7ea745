import type { RsaPrivateJwk } from '../../personalisation/Personalisation';
import type { PinFormat, PinId } from './pins';

/**
 * The card's file system as data (docs/card-reference.md §5, §6.1, §7.1, §8.1, §9). Built once per card
 * from a `Personalisation` by `buildCardFileSystem`; the command modules only read it.
 */

/**
 * Who may use a file (docs/card-reference.md §5): nobody needs anything, nobody can ever, or one of the
 * listed key EFs of the same DF must have been verified since the DF was selected.
 */
export type AccessRule =
  | { readonly kind: 'always' }
  | { readonly kind: 'never' }
  | { readonly kind: 'verified'; readonly anyOf: readonly number[] };

/** A transparent EF: fixed physical size, data then filler (docs/card-reference.md §3). */
export interface TransparentEf {
  readonly kind: 'transparent';
  readonly fid: number;
  readonly label: string;
  /** The whole physical content, `size` bytes: data then filler. */
  readonly bytes: Uint8Array;
  readonly size: number;
  /** The filler byte after the data: `00` in JPKI, `FF` in the 券面 APs (docs/card-reference.md §3, §11). */
  readonly filler: number;
  readonly read: AccessRule;
}

/** A record EF (共通/住基 APs, docs/card-reference.md §9.2–§9.3): records are numbered from 1. */
export interface RecordEf {
  readonly kind: 'record';
  readonly fid: number;
  readonly label: string;
  readonly records: readonly Uint8Array[];
  readonly read: AccessRule;
}

/**
 * A PIN key EF (an IEF holding reference data, docs/card-reference.md §2 VERIFY, §10). The value and the
 * counter live in the card's state (they change); this is the part that never changes.
 */
export interface PinEf {
  readonly kind: 'pin';
  readonly fid: number;
  readonly label: string;
  readonly pin: PinId;
  /** The value set at issuance (ASCII), or `null` for a key that was never given one. */
  readonly issuedValue: Uint8Array | null;
  readonly maxTries: number;
  /** Tries left when the card leaves issuance (`maxTries`, or 0 for a key blocked from issuance). */
  readonly issuedTries: number;
  readonly format: PinFormat;
  /**
   * How the holder may change it (docs/card-reference.md §2): `reference-data` = `00 24 01 80` (JPKI and
   * text PINs), `change-key` = `80 32 00 80` (共通/住基 PINs), `none` = derived from the card face.
   */
  readonly change: 'reference-data' | 'change-key' | 'none';
}

/** A private-key EF (docs/card-reference.md §6.1 0017/001A, §7.7 0013, §8.1 001A, §9.2 0019). */
export interface PrivateKeyEf {
  readonly kind: 'private-key';
  readonly fid: number;
  readonly label: string;
  /** `null` where the holder has no such key (no signature key under 15, docs/card-reference.md §12). */
  readonly key: RsaPrivateJwk | null;
  /** Which credential must be verified in this DF session to use the key. */
  readonly use: AccessRule;
  /** The one command the key answers: `80 2A` or `00 88` (docs/card-reference.md §2). */
  readonly command: 'compute-signature' | 'internal-authenticate';
}

/**
 * An internal EF whose purpose the sources do not know (docs/card-reference.md §6.1 0005/0010/0016/0019/
 * 001C/001E, §7.1 0010/001C/001E, §8.1 001C/001E, §9.4 MF 001E): selectable, but READ answers
 * `6981` like any internal EF.
 */
export interface InternalEf {
  readonly kind: 'internal';
  readonly fid: number;
  readonly label: string;
}

/** Any EF. */
export type CardEf = TransparentEf | RecordEf | PinEf | PrivateKeyEf | InternalEf;

/**
 * How `80 AE` SET SESSION KEY is refused in a DF (myna-card `ap/text.rs`, docs/card-reference.md §7.8):
 * `66F1` where no key delivery is configured, `6982` where it is but no holder credential
 * satisfies it, `text` for the text AP's own rule.
 */
export type SessionKeyBehaviour = 'environment-faulty' | 'security-not-satisfied' | 'text';

/** A DF: an application selectable by name, or the ISD the card powers up in. */
export interface DedicatedFile {
  /** Short id used in code and tests: `isd`, `jpki`, `text`, `visual`, `common`, `juki`. */
  readonly id: 'isd' | 'jpki' | 'text' | 'visual' | 'common' | 'juki';
  readonly label: string;
  readonly aid: Uint8Array;
  readonly efs: ReadonlyMap<number, CardEf>;
  /** The key `80 2A … P2=00` uses (docs/card-reference.md §2, §7.7): text 0013, visual 001A, else none. */
  readonly defaultKey: number | null;
  readonly sessionKey: SessionKeyBehaviour;
}

/** The whole card: the ISD, the applications in SELECT-by-name search order, and GET DATA objects. */
export interface CardFileSystem {
  readonly isd: DedicatedFile;
  readonly applications: readonly DedicatedFile[];
  /** Card-level GET DATA objects by tag (docs/card-reference.md §9.4). */
  readonly cardLevel: ReadonlyMap<number, Uint8Array>;
}
