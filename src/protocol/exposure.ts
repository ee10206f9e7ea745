/**
 * The exposure matrix as it crosses the worker boundary (house rule 9: plain data only): each file's
 * access, its read status and its decoded content.
 */

import type { ByteSpan } from './apduLog';
import type { ErrorCode } from './errorCodes';
import type { AppletKey, PinKey } from './pins';
import type { SerializedError } from './serializedError';

/** Who may read a file, as declared by the card reference (cards/mynumber/exposure.ts). */
export type AccessView =
  | { readonly kind: 'free' }
  | { readonly kind: 'pin'; readonly anyOf: readonly PinKey[] }
  | { readonly kind: 'never' }
  | { readonly kind: 'internal' }
  | { readonly kind: 'unknown' };

/**
 * A decoded field. `myNumber` values are masked by the UI until revealed. `date` values are ISO — an
 * instant or a `YYYY-MM-DD` calendar date — and the UI shows them in Japan time. `linkable` marks an
 * identifier others can store and link, and how it reaches them (docs/card-reference.md §12): the
 * authentication certificate's serial is recorded by every service at each login (`logins`); the
 * signature certificate's travels inside every signed document, beside the holder's name, address,
 * birth date and sex (`signedDocuments`).
 * Fields `derivedFromMyNumber` (a digest or signature that gives the number back,
 * docs/card-reference.md §17) are masked with it.
 */
/** A value the UI says through its catalog, not as the engine wrote it: yes/no, an ISO 5218 sex code. */
export type FieldValueKey = 'yes' | 'no' | 'sex.0' | 'sex.1' | 'sex.2' | 'sex.9';

export interface FieldView {
  readonly label: string;
  readonly labelJa: string;
  /** The value as read; where `valueKey` is set, the UI shows the catalog's words for it instead. */
  readonly value: string;
  readonly valueKey?: FieldValueKey;
  readonly kind: 'text' | 'date' | 'hex' | 'myNumber' | 'number';
  readonly linkable?: 'logins' | 'signedDocuments';
  readonly derivedFromMyNumber?: boolean;
}

/** A decoded image (face photo, name/address/security-code/My Number images), as PNG. */
export interface ImageView {
  readonly label: string;
  readonly labelJa: string;
  /** `data:image/png;base64,…` */
  readonly dataUrl: string;
  readonly width: number;
  readonly height: number;
  /** The picture shows the My Number (visual EF 0005): the UI keeps it out of the page until Reveal. */
  readonly myNumber?: boolean;
}

/** A file's content: raw bytes always, decoded view when the decoder succeeded. */
export interface FileContentView {
  readonly rawHex: string;
  readonly byteLength: number;
  /** Bytes of `rawHex` that carry the My Number or a value computed from it; absent when none. */
  readonly myNumberSpans?: readonly ByteSpan[];
  readonly title: string;
  readonly titleJa: string;
  readonly fields: readonly FieldView[];
  readonly images: readonly ImageView[];
  /** DER of a certificate, base64, for PEM/DER export. */
  readonly certificateDerBase64?: string;
  /** Why decoding failed (the raw bytes are still shown): code `card/malformed-file`, file and offset. */
  readonly decodeError?: SerializedError;
}

/**
 * What happened when the engine last tried to read a row; `not-issued`: the file belongs to a
 * signature certificate this card was never issued, so there is nothing to read (docs/card-reference.md §6.2, §12).
 */
export type ReadStatus = 'not-read' | 'read' | 'locked' | 'absent' | 'not-issued' | 'error';

/** One row of the exposure matrix: a file of an applet, or a card-level object. */
export interface ExposureRowView {
  /** `jpki/000A`, `cardLevel/0045`. */
  readonly key: string;
  readonly applet: AppletKey;
  /** Four hex digits. */
  readonly fileId: string;
  readonly name: string;
  readonly nameJa: string;
  readonly access: AccessView;
  readonly containsMyNumber: boolean;
  /** Holder facts this file gives away ('name', 'address', 'birthDate', 'myNumber', …). */
  readonly reveals: readonly string[];
  readonly specSection: string;
  readonly status: ReadStatus;
  /** The credential in force at the latest read attempt: 'none' for the no-PIN scan. */
  readonly readWith: PinKey | 'none' | null;
  /**
   * Every credential a read of this file succeeded with in this session, in the order they did
   * ('none' for no PIN): a file two PINs open, read after each, names both (docs/card-reference.md §5).
   */
  readonly openedBy: readonly (PinKey | 'none')[];
  readonly errorCode?: ErrorCode;
  readonly content?: FileContentView;
}
