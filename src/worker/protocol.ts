/**
 * The one contract between the UI thread and the engine worker (house rule 9). Plain data only:
 * no class instances, functions or live objects cross it. Requests carry an id; each gets one
 * response with a result or a `SerializedError`; events flow separately.
 */

import type { ErrorCode } from './errorCodes';

export type { ErrorCode } from './errorCodes';
export { ERROR_CODES, knownErrorCode } from './errorCodes';

/** An error as it crosses the worker boundary. `code` keys the UI's message catalog. */
export interface SerializedError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

/** Which simulated holder's card to present. */
export type SimulatorHolderId = 'adult' | 'child';

/**
 * Which card the simulator presents (simulator/cardPersonalities.ts, issue 15 §1): the My Number
 * Card ATRs and ATQBs of pcsc-tools' smartcard_list.txt. The same applets answer behind each; only
 * the ATR the reader reports differs. A worker test checks this list equals the simulator's.
 */
export type SimulatorPersonalityId =
  | 'my-number'
  | 'my-number-c5'
  | 'my-number-ta1-13'
  | 'my-number-specific'
  | 'contactless-05e0'
  | 'contactless-41e0'
  | 'contactless-fwi13';

/** What the engine is connected to. */
export interface ConnectionInfo {
  readonly kind: string;
  /** The ATR as hex. */
  readonly atr: string;
  readonly extendedLength: boolean;
  /** The USB reader in use, when the card is in a real (or emulated) reader. */
  readonly reader?: { readonly id: string; readonly name: string };
  /** The file a replayed transcript came from: the connection is a replay, not a card. */
  readonly transcript?: { readonly fileName: string };
}

/**
 * The command forms a connection names the card's EFs with (docs/card-reference.md §3):
 * `short-ef-id` (READ BINARY `P1 = 80|SFI`, VERIFY `P2 = 80|SFI`, no SELECT EF) or `select`
 * (SELECT EF, then the command). `fallback` is set when this card refused a short-EF-ID form
 * and the session went on with SELECT-then-command: the command header (never a PIN) and the
 * status word — a fact about the card for the reader report. Always set by the engine on
 * `scan` and `verifyPin` results (optional only so older test doubles still type-check).
 */
export interface AddressingView {
  readonly mode: 'short-ef-id' | 'select';
  readonly fallback: { readonly command: string; readonly sw: string } | null;
}

/** What an export holds: `full` replays every step; `redacted` withholds every answer a PIN guarded. */
export type TranscriptKind = 'full' | 'redacted';

/** How a granted USB device can be reached (usb/knownReaders.ts). */
export type ReaderRouteView = 'ccid-vendor' | 'ccid-class' | 'port100' | 'rcs300' | 'unsupported';

/** A USB reader this origin was granted, as the start screen lists it. */
export interface ReaderView {
  /** `VVVV:PPPP:serial` or `VVVV:PPPP#n`. */
  readonly id: string;
  readonly name: string;
  /** Four hex digits each. */
  readonly vendorId: string;
  readonly productId: string;
  readonly serialNumber: string | null;
  readonly route: ReaderRouteView;
  /** A driver not yet confirmed on hardware with public facts this thin (the RC-S300's vendor interface). */
  readonly experimental: boolean;
  /** null when it can be used here; otherwise the error code that explains why not. */
  readonly blockedBy: 'usb/protected-class' | 'usb/not-a-reader' | null;
}

/** The reader check view, by kind of reader. */
export type ReaderCheckView = CcidCheckView | ContactlessCheckView;

/** A dwFeatures bit the reader check names (CCID 1.1 §5.1, Table 5.1-1); the UI says it from its catalogs. */
export type CcidFeatureKey =
  | 'autoParametersFromAtr' | 'autoActivation' | 'autoVoltage' | 'autoClock' | 'autoBaudRate'
  | 'autoParameterNegotiation' | 'autoPps' | 'clockStop' | 'nadOtherThanZero' | 'autoIfsd' | 'usbWakeUp';

/** The card a known ATR names (usb/knownAtrs.ts), as a key the UI says in the chosen language. */
export type KnownCardKey = 'jukicard-contact' | 'contact-ta1-13' | 'contact-c5' | 'contact-specific' | 'contactless';

/**
 * One fact of the reader check: which fact (`key`) and its value, typed — never display text, so
 * each language is only a catalog (ui/model/readerFactText.ts says it). Technical tokens (hex,
 * T=1, ms, a driver's sequence and step names) travel as they are.
 */
export type ReaderFact =
  | { readonly key: 'pupi' | 'applicationData' | 'protocolInfo' | 'historicalBytes' | 'protocolsOffered' | 'fiDi' | 'ifsc' | 'bwiCwi' | 'edc' | 'mbli' | 'wupbPolls'; readonly value: string }
  | { readonly key: 'fscFsc'; readonly fsci: number; readonly fsc: number }
  | { readonly key: 'fwiFwt'; readonly fwi: number; readonly fwtMs: number }
  | { readonly key: 'knownCard'; readonly card: KnownCardKey | null }
  | { readonly key: 'iso14443_4'; readonly compliant: boolean }
  | { readonly key: 'cidNad'; readonly cid: boolean; readonly nad: boolean }
  | { readonly key: 'bitRate'; readonly toCard: number; readonly toReader: number; readonly fellBackFrom: { readonly toCard: number; readonly toReader: number } | null }
  | { readonly key: 'startUpSequence'; readonly sequence: string; readonly failed: readonly { readonly sequence: string; readonly step: string }[] }
  | {
      readonly key: 'negotiated';
      readonly protocol: 'T=0' | 'T=1';
      /** Fi/Di in force, two hex digits (TA1 coding). */
      readonly fiDi: string;
      /** Specific mode (TA2), a PPS we sent (its hex), or none from the host. */
      readonly pps: { readonly mode: 'specific' } | { readonly mode: 'sent'; readonly bytes: string } | { readonly mode: 'none' };
      readonly setParameters: boolean;
      /** 'auto' when the reader chose, else the class it powered the card at. */
      readonly voltage: 'auto' | '5V' | '3V' | '1.8V';
    };

/** A CCID reader: what it says about itself and what the driver does with it (CCID 1.1 §5.1). */
export interface CcidCheckView {
  readonly kind: 'ccid';
  readonly reader: ReaderView;
  readonly interfaceNumber: number;
  /** Two hex digits: 0B or FF. */
  readonly interfaceClass: string;
  readonly bcdCcid: string;
  readonly maxSlotIndex: number;
  readonly slot: number;
  readonly voltages: readonly string[];
  readonly protocols: readonly string[];
  /** dwFeatures as 8 hex digits, and the bits set that the check names. */
  readonly features: string;
  readonly featureKeys: readonly CcidFeatureKey[];
  readonly exchangeLevel: 'character' | 'tpdu' | 'short-apdu' | 'extended-apdu';
  readonly maxMessageLength: number;
  readonly maxIfsd: number;
  readonly packetSize: number;
  readonly atr: string;
  /** ATR facts: protocols offered, Fi/Di, IFSC, BWI, CWI, EDC, the known card, what was negotiated. */
  readonly atrFacts: readonly ReaderFact[];
  readonly protocolInUse: 'T=0' | 'T=1';
  readonly extendedLength: boolean;
}

/** The RC-S380: its chip, the card's ATQB, and the ISO-DEP frame sizes in use (ISO/IEC 14443-3/-4). */
export interface ContactlessCheckView {
  readonly kind: 'contactless';
  readonly reader: ReaderView;
  /** As the reader reports it; null when it did not answer. */
  readonly firmwareVersion: string | null;
  readonly experimental: boolean;
  readonly interfaceClass: string;
  readonly packetSize: number;
  /** The PC/SC Part 3 ATR MynaLens builds from the ATQB. */
  readonly atr: string;
  /** ATQB and ATTRIB facts. */
  readonly cardFacts: readonly ReaderFact[];
  /** Card's and our largest frame, bytes. */
  readonly fsc: number;
  readonly fsd: number;
  readonly bitRateKbps: number;
  readonly extendedLength: boolean;
}

/** Result of the card check (docs/card-reference.md §13.1). */
export interface CardIdentity {
  readonly tokenLabel: string;
  readonly isMyNumberCard: boolean;
  /** The card's ATR is one the public lists name for a My Number Card (usb/knownAtrs.ts, docs/card-reference.md §1); an unknown one refuses nothing. */
  readonly atrKnown: boolean;
}

/**
 * Bytes `start` (inclusive) to `end` (exclusive) of a byte string that carry the My Number or a
 * value computed from it (docs/card-reference.md §17): the UI shows them as `••` until Reveal.
 */
export interface ByteSpan {
  readonly start: number;
  readonly end: number;
}

/** One row of the APDU log as the UI shows it; PIN bytes are already `**`. */
/** A command's name in parts the UI says in its language (cards/mynumber/describeCommand.ts, docs/card-reference.md §2). */
export interface CommandNameView {
  /** The ISO 7816-4 instruction, a technical token: "SELECT", "READ BINARY", … */
  readonly instruction: string;
  /** The applet a SELECT by AID addresses. */
  readonly applet?: 'jpki' | 'text' | 'visual' | 'common' | 'juki' | 'issuerSecurityDomain' | 'unknown';
  /** Technical rest: "EF 000A", "@0100", "SFI 01 @0". */
  readonly detail?: string;
  /** A bare VERIFY that only asked for tries left. */
  readonly asksTries?: boolean;
}

export interface ApduLogRow {
  readonly seq: number;
  /** "SELECT JPKI AP", "READ BINARY @0000", … in English, for text outside the UI (the bridge, tests). */
  readonly name: string;
  /** The same name in parts, for the UI to say in the chosen language. */
  readonly nameParts: CommandNameView;
  /** Command hex, redacted bytes as `**`. */
  readonly command: string;
  /** Response data hex (without the status word); empty when none. */
  readonly responseData: string;
  /** Bytes of `responseData` that carry the My Number (a READ of text 0001/0003, visual 0005); absent when none. */
  readonly myNumberSpans?: readonly ByteSpan[];
  /** Status word as 4 hex digits, or null when the exchange failed. What it means is the UI's to say, in the chosen language (ui/model/statusWordText.ts). */
  readonly sw: string | null;
  readonly sensitive: boolean;
  readonly elapsedMs: number;
  readonly errorCode?: ErrorCode;
}

/** The applets of the exposure matrix, plus the card-level GET DATA objects (docs/card-reference.md §9.4). */
export type AppletKey = 'jpki' | 'text' | 'visual' | 'common' | 'juki' | 'cardLevel';

/** Every credential of docs/card-reference.md §10, by the same names the card client uses. */
export type PinKey =
  | 'jpkiAuth'
  | 'jpkiSign'
  | 'textPin'
  | 'textPinA'
  | 'textPinB'
  | 'visualBirth'
  | 'visualPinA'
  | 'visualPinB'
  | 'commonPin'
  | 'jukiPin';

/** A PIN's format as the UI needs it to validate while the person types (mirrors cards/mynumber/pin.ts). */
export type PinFormatView =
  | { readonly kind: 'digits'; readonly length: number }
  | { readonly kind: 'alphanumeric'; readonly minLength: number; readonly maxLength: number; readonly needsLetter: boolean; readonly needsDigit: boolean };

/** One credential's state, read with the empty VERIFY that spends nothing (docs/card-reference.md §2). */
export interface PinStateView {
  readonly pinId: PinKey;
  readonly applet: AppletKey;
  readonly format: PinFormatView;
  readonly maxTries: number;
  /** null until probed, and for a credential the card was never issued. */
  readonly triesLeft: number | null;
  readonly blocked: boolean;
  /**
   * The card holds no such credential: the signature password of a card without a signature
   * certificate (docs/card-reference.md §6.2, §12). Never `blocked` at the same time.
   */
  readonly notIssued: boolean;
  /** Verified in this session (the card forgets on DF re-selection; the engine remembers which files it opened). */
  readonly verified: boolean;
}

/** Who may read a file, as declared by the card reference (cards/mynumber/exposure.ts). */
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

/** Simulator card states a person can pick on the start screen (tries left per PIN). */
export type SimulatorCardState = Readonly<Partial<Record<PinKey, number>>>;

/**
 * What a service stores about you when you log in with the JPKI authentication certificate
 * (docs/card-reference.md §12): the certificate's serial number — the same at every service until the
 * certificate is renewed, so services can link your logins — its issuer and validity.
 */
export interface ServiceRecordView {
  readonly serialNumberHex: string;
  readonly serialNumberDecimal: string;
  readonly issuer: string;
  readonly subject: string;
  /** ISO 8601 (UTC). */
  readonly notBefore: string;
  readonly notAfter: string;
}

/** One login as a service sees it (利用者証明, docs/card-reference.md §6.5, §13.4). */
export interface ServiceLoginView {
  /** The service's random challenge, hex. */
  readonly challengeHex: string;
  /** The card's RSA-2048 signature over it, hex. */
  readonly signatureHex: string;
  /** RSASSA-PKCS1-v1_5 / SHA-256 verification with WebCrypto against the authentication certificate. */
  readonly signatureValid: boolean;
  readonly record: ServiceRecordView;
  /** ISO 8601 instant of the login. */
  readonly at: string;
}

/** The authentication certificate read with no PIN (docs/card-reference.md §6.1, §13.3), with the exact APDUs. */
export interface NoPinReadView {
  readonly apdus: readonly ApduLogRow[];
  readonly record: ServiceRecordView;
  readonly certificateDerBase64: string;
}

/** A detached CMS signature made with the JPKI signature key (署名, docs/card-reference.md §6.5; RFC 5652). */
export interface DocumentSignatureView {
  /** DER ContentInfo (signedData, detached), base64. */
  readonly cmsBase64: string;
  readonly contentLength: number;
  readonly contentSha256Hex: string;
  /** ISO 8601, the signingTime attribute. */
  readonly signingTime: string;
  /** The signature verified with WebCrypto against the certificate before it was handed out. */
  readonly selfCheck: boolean;
  readonly certificate: ServiceRecordView;
  readonly certificateDerBase64: string;
  /** What travels with every signature: the four basic facts (and 代替文字 variants) in the certificate (§12). */
  readonly facts: readonly FieldView[];
}

/** Which anchors a check used: the bundled J-LIS CAs, or the simulator's test CAs. */
export type TrustStoreKind = 'jlis' | 'simulator';

/** A certificate against a set of CA certificates (one link, docs/card-reference.md §12). */
export type ChainStatusView = 'verified' | 'issuer-not-bundled' | 'signature-mismatch' | 'unsupported-algorithm' | 'malformed';

/** RFC 5280 §4.1.2.5 validity now. */
export type ValidityView = 'valid' | 'expired' | 'not-yet-valid';

/** One JPKI certificate checked (docs/card-reference.md §6.1, §12). */
export interface CertificateCheckView {
  readonly which: 'auth' | 'sign';
  /** `needs-pin`: the signature certificate is read only after the signature password. */
  readonly state: 'checked' | 'needs-pin' | 'absent';
  readonly record?: ServiceRecordView;
  readonly validity?: ValidityView;
  readonly trustStore?: TrustStoreKind;
  /** Against the CAs bundled with MynaLens (J-LIS, or the simulator's test CAs). */
  readonly bundled?: {
    readonly status: ChainStatusView;
    readonly anchorLabel: string | null;
    readonly anchorNotAfter: string | null;
    readonly anchorValidity: ValidityView | null;
  };
  /** Against the CA certificate stored on the same card (EF 000B / 0002): proves self-consistency only. */
  readonly onCard?: {
    readonly status: ChainStatusView | 'absent';
    readonly caSerialHex: string | null;
    /** The card's CA certificate is byte for byte one of the bundled ones. */
    readonly caIsBundled: boolean;
  };
}

/** An authenticity check of the 券面 AP data (docs/card-reference.md §7.4, §8.2). */
export interface CardDataCheckView {
  readonly which: 'textIntegrity' | 'cardFace';
  readonly state: 'checked' | 'needs-pin';
  /** The PINs that open the files this check needs, when some are not read yet. */
  readonly needs?: readonly PinKey[];
  readonly status?: 'verified' | 'self-consistent' | 'failed';
  readonly steps?: readonly {
    readonly id: 'myNumberDigest' | 'basicFourDigest' | 'recordSignature' | 'faceSignature' | 'cvCertificate';
    readonly outcome: 'pass' | 'fail' | 'not-possible';
  }[];
  readonly signerKeyId?: string;
  readonly issuerKeyId?: string;
  /** Whose issuer key checked the CV certificate: the simulator's, or none available (J-LIS does not publish it). */
  readonly issuerKey?: 'simulator' | 'unavailable';
}

/** A transcript to open: the file the person chose (with its name, for messages), or text already in hand. */
export interface TranscriptSource {
  readonly file?: Blob;
  readonly text?: string;
  readonly fileName?: string;
}

/** The engine's methods: request parameters and result types by name. */
export interface EngineMethods {
  connectSimulator: {
    params: { holder: SimulatorHolderId; extendedLength?: boolean; triesLeft?: SimulatorCardState; personality?: SimulatorPersonalityId };
    result: ConnectionInfo;
  };
  /** USB readers this origin was granted; `unrestricted` says whether class-0x0B interfaces may be claimed here. */
  listReaders: { params: { unrestricted: boolean }; result: readonly ReaderView[] };
  /**
   * Opens a granted reader and powers the card. Reconnecting the reader of the previous session
   * keeps the rows read so far (a rescan continues); another reader starts afresh.
   */
  connectReader: { params: { readerId: string; unrestricted: boolean }; result: ConnectionInfo };
  /** The connected reader's descriptor, ATR and exchange level (`engine/not-a-reader` for the simulator). */
  readerCheck: { params: Record<string, never>; result: ReaderCheckView };
  /**
   * The reader report of the last USB reader connection or failed attempt (issue 15 §5): JSON text
   * with the reader's descriptors, start-up steps, ATR or ATQB, what was negotiated and the APDU
   * exchange with nothing personal in it (worker/readerReport/); `engine/no-reader-report` without one.
   */
  readerReport: { params: Record<string, never>; result: { text: string; fileName: string } };
  /**
   * Takes a card the main thread connected through the Web Smart Card API: APDUs travel over
   * `port` (the one non-plain value in this file: a MessagePort, transferred, never copied).
   */
  connectSmartCard: {
    params: { port: MessagePort; readerName: string; atr: string; extendedLength: boolean };
    result: ConnectionInfo;
  };
  /**
   * Opens an exported transcript as a replayed card. The UI sends the chosen `File` itself (a
   * structured clone, cheap): the worker checks its size before reading it (worker/transcriptLimits.ts).
   * `fileName` names it on the connection line and in refusals.
   */
  openTranscript: { params: TranscriptSource; result: ConnectionInfo };
  identifyCard: { params: Record<string, never>; result: CardIdentity };
  /** Reads everything readable with no PIN and probes every PIN's tries left; emits progress and rows. */
  scan: { params: Record<string, never>; result: { rows: readonly ExposureRowView[]; pins: readonly PinStateView[]; addressing?: AddressingView } };
  /** Tries left of every PIN, spending nothing. */
  pinStatus: { params: Record<string, never>; result: readonly PinStateView[] };
  /**
   * Verifies one PIN, then reads every file it opens in the same DF session. The format is
   * checked before any APDU (error `pin/format`); a blocked PIN is never sent (`card/pin-blocked`);
   * with one try left the engine refuses unless `confirmLastTry` (`pin/confirm-last-try`).
   */
  verifyPin: {
    params: { pinId: PinKey; pin: string; confirmLastTry?: boolean };
    result: { pins: readonly PinStateView[]; opened: readonly ExposureRowView[]; addressing?: AddressingView };
  };
  /**
   * The session's APDU log as a transcript (`=>`/`<=`, every VERIFY body as `** PIN hidden **`);
   * `redacted` withholds every answer given while a PIN was verified (`--` per byte).
   */
  exportTranscript: { params: { kind?: TranscriptKind }; result: { text: string } };
  /**
   * Plays a service's login (利用者証明, docs/card-reference.md §6.5, §13.4): a random challenge, the
   * auth PIN with every rule of `verifyPin`, the card's signature, WebCrypto verification against
   * the authentication certificate, and what the service records.
   */
  serviceLogin: { params: { pin: string; confirmLastTry?: boolean }; result: ServiceLoginView };
  /** Reads the authentication certificate with no PIN and returns exactly the APDUs that did it (§13.3). */
  readAuthCertificate: { params: Record<string, never>; result: NoPinReadView };
  /**
   * Signs a document with the signature key (署名, §6.5) after the signature password (same
   * rules as `verifyPin`) and returns a detached CMS signature and what travels with it.
   */
  signDocument: { params: { contentBase64: string; pin: string; confirmLastTry?: boolean }; result: DocumentSignatureView };
  /** Checks the JPKI certificates against the bundled CAs and the CA stored on the card (§12). */
  checkCertificates: { params: Record<string, never>; result: { readonly checkedAt: string; readonly certificates: readonly CertificateCheckView[] } };
  /** Checks the text AP integrity record and the visual AP card face signature (§7.4, §8.2). */
  checkCardData: { params: Record<string, never>; result: { readonly checks: readonly CardDataCheckView[] } };
  /** Forgets all card data and the log, and disconnects. */
  clear: { params: Record<string, never>; result: null };
  disconnect: { params: Record<string, never>; result: null };
}

export type EngineMethod = keyof EngineMethods;

export interface RequestMessage<M extends EngineMethod = EngineMethod> {
  readonly kind: 'request';
  readonly id: number;
  readonly method: M;
  readonly params: EngineMethods[M]['params'];
}

/**
 * A request's answer. `engineMs` is the engine's own time for it, from taking the request to
 * answering (the click→summary bench sets the page's time beside it); the client ignores it.
 */
export type ResponseMessage =
  | { readonly kind: 'response'; readonly id: number; readonly ok: true; readonly result: unknown; readonly engineMs?: number }
  | { readonly kind: 'response'; readonly id: number; readonly ok: false; readonly error: SerializedError; readonly engineMs?: number };

/** Things the engine reports without being asked. */
export type EngineEvent =
  | { readonly type: 'apdu'; readonly row: ApduLogRow }
  | { readonly type: 'connection'; readonly connected: boolean; readonly info: ConnectionInfo | null; readonly reason?: SerializedError }
  | { readonly type: 'progress'; readonly done: number; readonly total: number; readonly current: ScanStep | null }
  | { readonly type: 'row'; readonly row: ExposureRowView }
  | { readonly type: 'pins'; readonly pins: readonly PinStateView[] }
  /**
   * A session continued on the same reader found another card in it (worker/cardIdentity.ts):
   * every row, PIN state and log line of the previous card is gone. `log` is what remains — the
   * new card's identity check — and `pins` the new card's PINs, none probed yet.
   */
  | { readonly type: 'card-changed'; readonly log: readonly ApduLogRow[]; readonly pins: readonly PinStateView[] }
  /** A reader was plugged in or out; the granted readers now. */
  | { readonly type: 'readers'; readonly readers: readonly ReaderView[] }
  | { readonly type: 'ready' }
  /**
   * Raised on the main thread by `EngineSupervisor`, never by the engine: the worker crashed or
   * stopped answering and a fresh one replaced it. Everything the old one knew is gone.
   */
  | { readonly type: 'restarted'; readonly reason: SerializedError };

export interface EventMessage {
  readonly kind: 'event';
  readonly event: EngineEvent;
}

/**
 * The supervisor's heartbeat: the engine answers a ping at once, outside the request queue, so a
 * long scan does not look like a dead worker; a worker that stops answering pings is replaced.
 */
export interface PingMessage {
  readonly kind: 'ping';
  readonly id: number;
}

export interface PongMessage {
  readonly kind: 'pong';
  readonly id: number;
}

export type WorkerMessage = ResponseMessage | EventMessage | PongMessage;

/**
 * What both ends need of a message port: a `Worker`, a worker's `self`, or a `MessagePort` in
 * tests, so the engine and client run in one realm under Vitest.
 */
export interface Endpoint {
  /** `transfer` moves ownership of MessagePorts (Web Smart Card) to the other side. */
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
