/**
 * The exposure matrix as it crosses the worker boundary (house rule 9: plain data only): each file's
 * access, its read status and its decoded content.
 */

import type { ByteSpan } from './apduLog';
import type { ErrorCode } from './errorCodes';
import type { AppletKey, PinKey } from './pins';
import type { SerializedError } from './serializedError';

/** Who may read a file, as declared by the card reference (cards/mynumber/exposure.ts; held equal by worker/cardTypeMirrors.ts). */
export type AccessView =
  | { readonly kind: 'free' }
  | { readonly kind: 'pin'; readonly anyOf: readonly PinKey[] }
  | { readonly kind: 'never' }
  | { readonly kind: 'internal' }
  | { readonly kind: 'unknown' };

/**
 * Every file and card-level object of the exposure table (cards/mynumber/exposure.ts, docs/card-reference.md
 * §6.1, §7.1, §8.1, §9.2–§9.4), as `<applet>/<four hex digits>`. The engine sends these keys and the UI's
 * catalogs name them, so adding a file here without a name in every catalog fails to compile.
 */
export type FileKey =
  | `jpki/${'0001' | '0002' | '0005' | '0006' | '0008' | '0009' | '000A' | '000B' | '0010' | '0016' | '0017' | '0018' | '0019' | '001A' | '001B' | '001C' | '001E'}`
  | `text/${'0001' | '0002' | '0003' | '0004' | '0005' | '0006' | '0007' | '0008' | '0010' | '0011' | '0012' | '0013' | '0014' | '0015' | '001C' | '001E'}`
  | `visual/${'0001' | '0002' | '0003' | '0004' | '0005' | '0006' | '0011' | '0012' | '0013' | '001A' | '001C' | '001E'}`
  | `common/${'0001' | '0002' | '0019' | '001C'}`
  | `juki/${'0002' | '001C'}`
  | `cardLevel/${'0042' | '0045' | '0066' | '00F0' | '00F2' | '00F7' | '00F8' | '7F21' | '5F51'}`;

/** A CV key ID's field (docs/card-reference.md §7.5): its label, and `<key>.hex` for its bytes. */
export type KeyIdFieldKey = 'issuerKeyId' | 'subjectKeyId' | 'keyId' | 'signedKeyId';

/** An RSA public key's fields (docs/card-reference.md §7.5, §7.7, §8.1): `<key>.bits`, `.exponent`, `.modulus`. */
export type PublicKeyFieldKey = 'publicKey' | 'cardPublicKey';

/** What a decoded field is (docs/card-reference.md §6–§9, §12); the UI names each in its language. */
export type FieldKey =
  | 'subject' | 'issuer' | 'serialHex' | 'serialDecimal' | 'validFrom' | 'validUntil' | 'keyAlgorithm' | 'keySize'
  | 'signatureAlgorithm' | 'keyUsage' | 'extendedKeyUsage' | 'policies' | 'certificateAuthority'
  | 'name' | 'nameAlternative' | 'birthDate' | 'sex' | 'address' | 'addressAlternative'
  | KeyIdFieldKey | `${KeyIdFieldKey}.hex` | `${PublicKeyFieldKey}.${'bits' | 'exponent' | 'modulus'}`
  | 'length' | 'signature' | 'issuerSignature'
  | 'tokenLabel' | 'tokenType' | 'manufacturer' | 'model' | 'serialNumber' | 'flags' | 'pinLength' | 'hardwareFirmware'
  | 'signCertificateIssued' | 'authCertificateIssued' | 'myNumber' | 'checkDigitValid' | 'myNumberDigest' | 'basicFourDigest'
  | 'layout' | 'unknown' | 'cardExpiry' | 'facePhoto' | 'municipalityCode' | 'version' | 'cardSerial' | 'value' | 'oid' | 'contactAtr';

/** What a decoded picture is (docs/card-reference.md §8.1, §8.2). */
export type ImageKey = 'name' | 'address' | 'facePhoto' | 'securityCode' | 'myNumberImage';

/**
 * A value the UI says through its catalog, not as the engine wrote it: yes/no, an ISO 5218 sex code, a
 * face photo that did not decode (with `valueValues` code and count).
 */
export type FieldValueKey = 'yes' | 'no' | 'sex.0' | 'sex.1' | 'sex.2' | 'sex.9' | 'photoNotDecodable';

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

export interface FieldView {
  /** What the field is; the UI names it from its catalogs (`field.<key>`). */
  readonly key: FieldKey;
  /** Values the name takes: the tag of a card-recognition OID (`field.oid`, docs/card-reference.md §9.4). */
  readonly labelValues?: { readonly tag: string };
  /** The value as read; where `valueKey` is set, the UI shows the catalog's words for it instead. */
  readonly value: string;
  readonly valueKey?: FieldValueKey;
  /** Values `valueKey`'s words take: the error code and size of a face photo that did not decode. */
  readonly valueValues?: Readonly<Record<string, string | number>>;
  readonly kind: 'text' | 'date' | 'hex' | 'myNumber' | 'number';
  readonly linkable?: 'logins' | 'signedDocuments';
  readonly derivedFromMyNumber?: boolean;
}

/** A decoded image (face photo, name/address/security-code/My Number images), as PNG. */
export interface ImageView {
  /** What the picture is; the UI names it from its catalogs (`image.<key>`). */
  readonly key: ImageKey;
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
  /** `jpki/000A`, `cardLevel/0045`: which file, and the UI's catalog key for its name (`file.<key>`). */
  readonly key: FileKey;
  readonly applet: AppletKey;
  /** Four hex digits. */
  readonly fileId: string;
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

/**
 * The step a scan is on (docs/card-reference.md §13.3): selecting an applet (`cardLevel`: the ISD),
 * asking a PIN's tries left, or reading a file. The UI says it in its language.
 */
export type ScanStep =
  | { readonly kind: 'select'; readonly applet: AppletKey }
  | { readonly kind: 'probe'; readonly pinId: PinKey }
  | { readonly kind: 'read'; readonly key: FileKey };
