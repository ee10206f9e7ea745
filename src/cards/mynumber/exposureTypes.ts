import type { DecoderId } from './decoders';
import type { PinApplet, PinId } from './pin';

/**
 * Who may read a file (docs/card-reference.md §6.1, §7.1, §8.1, §9.2–§9.4).
 * `free`: anyone, no credential. `pin`: after VERIFY of any one of `anyOf` in the same DF
 * session (§5). `never`: no holder credential opens it. `internal`: a key or PIN EF the card
 * uses itself and nobody reads. `unknown`: the reference gives no rule ("?" or not stated).
 */
export type Access =
  | { readonly kind: 'free' }
  | { readonly kind: 'pin'; readonly anyOf: readonly PinId[] }
  | { readonly kind: 'never' }
  | { readonly kind: 'internal' }
  | { readonly kind: 'unknown' };

/**
 * How the client reads a file with the fewest APDUs (docs/card-reference.md §3).
 * `tlv`: read a header of `headerBytes` (tag + up to `82 HH LL`), then exactly the rest;
 * `filler` is the byte that fills the EF after the object; `formatSize`, where the reference's
 * byte layout fixes the object's size (§7.5, §8.1), lets an extended path ask for all of it in
 * the first READ (the header still decides what is kept). `fixed`: a known size.
 * `record`: READ RECORD of a known size (§9.2). `data-object`: GET DATA (§9.4), `large` when
 * it exceeds 256 bytes and needs extended Le. `none`: not read by MynaLens.
 */
export type FileLayout =
  | { readonly kind: 'tlv'; readonly tag: number; readonly headerBytes: number; readonly filler: 0x00 | 0xff; readonly formatSize?: number }
  | { readonly kind: 'fixed'; readonly size: number }
  | { readonly kind: 'record'; readonly record: number; readonly size: number }
  | { readonly kind: 'data-object'; readonly large: boolean }
  | { readonly kind: 'none' };

/** Facts about the holder a file gives away, for the exposure matrix (docs/card-reference.md §7–§12, §17). */
export type ExposedFact =
  | 'myNumber'
  | 'name'
  | 'address'
  | 'birthDate'
  /** Month and day of birth only: JPKI certificates expire on a birthday (§12 "Validity"). */
  | 'birthMonthDay'
  | 'sex'
  | 'photo'
  | 'cardExpiry'
  | 'securityCode'
  | 'municipality'
  | 'cardSerial';

/** Where an entry lives: an applet's EF (§6–§9.3), or a card-level GET DATA object after ISD selection (§9.4). */
export type ExposureApplet = PinApplet | 'cardLevel';

/** One file (or card-level object) and what reading it exposes (docs/card-reference.md §6–§9, §17). */
export interface ExposureEntry {
  readonly applet: ExposureApplet;
  /** EF identifier, or the GET DATA tag for `cardLevel`. */
  readonly fileId: number;
  /**
   * What the card reference calls it, for messages and logs. The page names a file from its
   * catalogs by row key (`file.jpki/000A`), in the language the person chose.
   */
  readonly name: string;
  readonly access: Access;
  readonly layout: FileLayout;
  /** The decoder in `DECODERS`, or null where the content is unknown. */
  readonly decoder: DecoderId | null;
  /** 特定個人情報 (§17): collecting it needs a legal basis; the UI warns. */
  readonly containsMyNumber: boolean;
  readonly reveals: readonly ExposedFact[];
  /** The card reference sections the row rests on. */
  readonly specSection: string;
  /** Why a rule or fact is what it is, where the reference leaves room. */
  readonly note?: string;
}
