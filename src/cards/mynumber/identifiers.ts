import { fromHex, hex16 } from '../../bytes';

/**
 * The applets of the My Number Card and their AIDs (docs/card-reference.md §0, §9.1), each with the
 * name messages and logs use (the page names applets from its catalogs).
 */
export const APPLETS = {
  jpki: { aid: fromHex('D3 92 F0 00 26 01 00 00 00 01'), label: 'JPKI AP' },
  text: { aid: fromHex('D3 92 10 00 31 00 01 01 04 08'), label: 'text AP' },
  visual: { aid: fromHex('D3 92 10 00 31 00 01 01 04 02'), label: 'visual AP' },
  common: { aid: fromHex('D3 92 10 00 31 00 01 01 01 00'), label: '共通カード AP' },
  juki: { aid: fromHex('D3 92 10 00 31 00 01 01 04 01'), label: '住基 AP' },
  issuerSecurityDomain: { aid: fromHex('A0 00 00 01 51 00 00'), label: 'issuer security domain' },
} as const;

/** Applet keys, in the order a scan visits them (docs/card-reference.md §9.1). */
export type AppletId = keyof typeof APPLETS;

/** JPKI AP elementary files (docs/card-reference.md §6.1). */
export const JPKI_FILES = {
  signCertificate: 0x0001,
  signCaCertificate: 0x0002,
  unknown0005: 0x0005,
  tokenInfo: 0x0006,
  certificateFlags: 0x0008,
  protected0009: 0x0009,
  authCertificate: 0x000a,
  authCaCertificate: 0x000b,
  keyReference0010: 0x0010,
  terminalCaKey: 0x0016,
  authKey: 0x0017,
  authPin: 0x0018,
  unknown0019: 0x0019,
  signKey: 0x001a,
  signPin: 0x001b,
} as const;

/** Text AP (券面事項入力補助AP) elementary files (docs/card-reference.md §7.1). */
export const TEXT_FILES = {
  myNumber: 0x0001,
  basicFour: 0x0002,
  integrity: 0x0003,
  cvCertificate: 0x0004,
  basicInfo: 0x0005,
  sessionKey: 0x0006,
  signedPublicKey: 0x0007,
  unknown0008: 0x0008,
  pin: 0x0011,
  blocked0012: 0x0012,
  apKey: 0x0013,
  pinA: 0x0014,
  pinB: 0x0015,
} as const;

/** Visual AP (券面事項確認AP) elementary files (docs/card-reference.md §8.1). */
export const VISUAL_FILES = {
  ageRecord: 0x0001,
  cardFace: 0x0002,
  basicData: 0x0003,
  cvCertificate: 0x0004,
  myNumberImage: 0x0005,
  unknown0006: 0x0006,
  birthKey: 0x0011,
  pinB: 0x0012,
  pinA: 0x0013,
  apKey: 0x001a,
} as const;

/** 共通カードAP elementary files (docs/card-reference.md §9.2). */
export const COMMON_FILES = {
  cardInfo: 0x0001,
  keyReference: 0x0002,
  internalAuthKey: 0x0019,
  pin: 0x001c,
} as const;

/** 住基AP elementary files (docs/card-reference.md §9.3). */
export const JUKI_FILES = {
  keyReference: 0x0002,
  pin: 0x001c,
} as const;

/** Card-level GET DATA tags, answered after selecting the ISD (docs/card-reference.md §9.4). */
export const CARD_LEVEL_TAGS = {
  issuerKeyReference: 0x0042,
  cardIdentificationNumber: 0x0045,
  cardRecognitionData: 0x0066,
  municipalityCode: 0x00f0,
  cardExpiry: 0x00f2,
  intermediateKeyId: 0x00f7,
  rootCvCertificate: 0x00f8,
  cvCertificate: 0x7f21,
  contactAtr: 0x5f51,
} as const;

/** The token label of a physical My Number Card in JPKI EF 0006 (docs/card-reference.md §6.3). */
export const MY_NUMBER_CARD_TOKEN_LABEL = 'JPKIAPICCTOKEN2';

/** "text AP EF 0002": how a file is named in errors and logs (docs/card-reference.md §6–§9 headings). */
export function fileLabel(applet: AppletId | 'cardLevel', fileId: number): string {
  const hex = hex16(fileId);
  if (applet === 'cardLevel') return `card-level object ${hex}`;
  return `${APPLETS[applet].label} EF ${hex}`;
}
