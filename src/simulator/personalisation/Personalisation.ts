/**
 * What issuance writes onto one fictional holder's card: every EF's content as the card stores
 * it (fixed size, with filler), the private keys, and the PIN values. The card's layout —
 * which DF holds which EF under which access rule — is the simulator's (`../card/`), following
 * `docs/card-reference.md`; this is only the personal content.
 *
 * Produced by `scripts/fixtures/` (our own issuance script, run by `npm run fixtures`) and
 * committed as `generated/<holder>.ts`. All of it is TEST MATERIAL: fictional people, keys and
 * certificates chained to simulator CAs, never to J-LIS.
 */

/** An RSA private key as a JSON Web Key (RFC 7518 §6.3: n, e, d, p, q, dp, dq, qi, base64url). */
export interface RsaPrivateJwk {
  readonly kty: 'RSA';
  readonly n: string;
  readonly e: string;
  readonly d: string;
  readonly p: string;
  readonly q: string;
  readonly dp: string;
  readonly dq: string;
  readonly qi: string;
}

/** The holder's facts as printed on the card (docs/card-reference.md §7.3, §8.2, §10). */
export interface HolderProfile {
  /** Stable id used in the UI and tests: `adult`, `child`. */
  readonly id: string;
  /** 氏名 with U+3000 between family and given name, full-width as the card writes it. */
  readonly name: string;
  /** 住所, full-width. */
  readonly address: string;
  /** 生年月日, Gregorian `YYYYMMDD`. */
  readonly birthDate: string;
  /** 性別, ISO 5218 digit: `1` male, `2` female. */
  readonly sex: '1' | '2' | '9' | '0';
  /** 個人番号, 12 digits with a valid check digit (docs/card-reference.md §7.2). */
  readonly myNumber: string;
  /** 有効期限 of the card, `YYYYMMDD`. */
  readonly cardExpiry: string;
  /** セキュリティコード, 4 digits printed under the photo. */
  readonly securityCode: string;
  /** 全国地方公共団体コード of the issuing municipality, 5 digits. */
  readonly municipalityCode: string;
  /** Under 15 at issuance: no signature certificate (docs/card-reference.md §12). */
  readonly underFifteen: boolean;
}

/** Every credential on the card, as the ASCII the card compares (docs/card-reference.md §10). */
export interface PinValues {
  /** JPKI EF 0018: 4 digits. */
  readonly jpkiAuth: string;
  /** JPKI EF 001B: 6–16 of A–Z 0–9, upper case. Absent on a card without a signature key. */
  readonly jpkiSign: string | null;
  /** Text AP EF 0011: 4 digits. */
  readonly textPin: string;
  /** 照合番号A (text 0014, visual 0013): the My Number. */
  readonly pinA: string;
  /** 照合番号B (text 0015, visual 0012): 和暦 YYMMDD + expiry YYYY + security code. */
  readonly pinB: string;
  /** Visual AP EF 0011: 和暦 YYMMDD of the birth date. */
  readonly birthKey: string;
  /** 共通カードAP EF 001C: 4 digits. */
  readonly commonPin: string;
  /** 住基AP EF 001C: 4 digits. */
  readonly jukiPin: string;
}

/** JPKI AP content (docs/card-reference.md §6). */
export interface JpkiContent {
  /** EF 000A: user-authentication certificate, DER then `00` filler to the EF size. */
  readonly authCertificateEf: Uint8Array;
  /** EF 000B: authentication CA certificate, DER then `00` filler. */
  readonly authCaCertificateEf: Uint8Array;
  /** EF 0001: signature certificate, or null for a holder under 15 (the EF exists but is empty). */
  readonly signCertificateEf: Uint8Array | null;
  /** EF 0002: signature CA certificate, DER then `00` filler. */
  readonly signCaCertificateEf: Uint8Array;
  /** EF 0006: 160-byte PKCS#11 token info, label `JPKIAPICCTOKEN2` (docs/card-reference.md §6.3). */
  readonly tokenInfoEf: Uint8Array;
  /** EF 0008: `8F 8F 00`, or `00 8F 00` without a signature certificate. */
  readonly certificateFlagsEf: Uint8Array;
  /** EF 0017: the authentication private key. */
  readonly authKey: RsaPrivateJwk;
  /** EF 001A: the signature private key, or null under 15. */
  readonly signKey: RsaPrivateJwk | null;
}

/** Text AP content (docs/card-reference.md §7): each EF's full content with `FF` filler. */
export interface TextContent {
  readonly myNumberEf: Uint8Array; // 0001, 17 bytes
  readonly basicFourEf: Uint8Array; // 0002
  readonly integrityEf: Uint8Array; // 0003, 336 bytes
  readonly cvCertificateEf: Uint8Array; // 0004, 568 bytes
  readonly basicInfoEf: Uint8Array; // 0005
  readonly sessionKeyPublicEf: Uint8Array; // 0006
  readonly signedPublicKeyEf: Uint8Array; // 0007
  readonly unknown0008Ef: Uint8Array; // 0008, 16 × FF
  /** EF 0013: this AP's own signing key (challenge signing, no credential). */
  readonly apKey: RsaPrivateJwk;
}

/** Visual AP content (docs/card-reference.md §8). */
export interface VisualContent {
  readonly ageVerificationEf: Uint8Array; // 0001
  readonly cardFaceEf: Uint8Array; // 0002
  readonly basicDataEf: Uint8Array; // 0003
  readonly cvCertificateEf: Uint8Array; // 0004
  readonly myNumberImageEf: Uint8Array; // 0005
  readonly unknown0006Ef: Uint8Array; // 0006, 16 × FF
  /** EF 001A: this AP's own signing key. */
  readonly apKey: RsaPrivateJwk;
}

/** 共通カードAP content (docs/card-reference.md §9.2). */
export interface CommonContent {
  /** EF 0001 record 1: simple-TLV `01 1C` + serial(15) ‖ municipality(5) ‖ expiry(8). */
  readonly cardInfoRecord: Uint8Array;
  /** EF 0002 record 1: 16-byte key reference (same bytes as the 住基AP's). */
  readonly keyReferenceRecord: Uint8Array;
  /** EF 0019: INTERNAL AUTHENTICATE key, no credential. */
  readonly internalAuthKey: RsaPrivateJwk;
}

/** 住基AP content (docs/card-reference.md §9.3). */
export interface JukiContent {
  readonly keyReferenceRecord: Uint8Array;
}

/** Card-level GET DATA objects (docs/card-reference.md §9.4), keyed by tag (`0x0045`, `0x7F21`, …). */
export type CardLevelObjects = ReadonlyMap<number, Uint8Array>;

/** One fictional holder's card, ready for the simulator. */
export interface Personalisation {
  readonly holder: HolderProfile;
  readonly pins: PinValues;
  readonly jpki: JpkiContent;
  readonly text: TextContent;
  readonly visual: VisualContent;
  readonly common: CommonContent;
  readonly juki: JukiContent;
  readonly cardLevel: CardLevelObjects;
}
