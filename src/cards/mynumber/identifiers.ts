import { fromHex } from '../../bytes';

/**
 * The applets of the My Number Card and their AIDs (card reference §0, §9.1), each with the
 * names a person reads in the UI and the log.
 */
export const APPLETS = {
  jpki: { aid: fromHex('D3 92 F0 00 26 01 00 00 00 01'), label: 'JPKI AP', labelJa: '公的個人認証AP' },
  text: { aid: fromHex('D3 92 10 00 31 00 01 01 04 08'), label: 'text AP', labelJa: '券面事項入力補助AP' },
  visual: { aid: fromHex('D3 92 10 00 31 00 01 01 04 02'), label: 'visual AP', labelJa: '券面事項確認AP' },
  common: { aid: fromHex('D3 92 10 00 31 00 01 01 01 00'), label: '共通カード AP', labelJa: '共通カードAP' },
  juki: { aid: fromHex('D3 92 10 00 31 00 01 01 04 01'), label: '住基 AP', labelJa: '住基AP' },
  issuerSecurityDomain: { aid: fromHex('A0 00 00 01 51 00 00'), label: 'issuer security domain', labelJa: 'カード発行者領域' },
} as const;

/** Applet keys, in the order a scan visits them. */
export type AppletId = keyof typeof APPLETS;

/** JPKI AP elementary files (card reference §6.1). */
export const JPKI_FILES = {
  signCertificate: 0x0001,
  signCaCertificate: 0x0002,
  tokenInfo: 0x0006,
  certificateFlags: 0x0008,
  authCertificate: 0x000a,
  authCaCertificate: 0x000b,
  authKey: 0x0017,
  authPin: 0x0018,
  signKey: 0x001a,
  signPin: 0x001b,
} as const;

/** The token label of a physical My Number Card in JPKI EF 0006 (card reference §6.3). */
export const MY_NUMBER_CARD_TOKEN_LABEL = 'JPKIAPICCTOKEN2';
