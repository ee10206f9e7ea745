import { hex16 as hex } from '../../bytes';
import type { DecoderId } from './decoders';
import type { Access, ExposedFact, ExposureApplet, ExposureEntry, FileLayout } from './exposureTypes';
import type { PinId } from './pin';

/** The exposure row types (docs/card-reference.md §6.1, §7.1, §8.1, §9). */
export type { Access, ExposedFact, ExposureApplet, ExposureEntry, FileLayout } from './exposureTypes';

const FREE: Access = { kind: 'free' };
const NEVER: Access = { kind: 'never' };
const INTERNAL: Access = { kind: 'internal' };
const UNKNOWN: Access = { kind: 'unknown' };
const anyOf = (...pins: PinId[]): Access => ({ kind: 'pin', anyOf: pins });

// Header = tag bytes + the longest length form the card writes, `82 HH LL` (§11).
const DER: FileLayout = { kind: 'tlv', tag: 0x30, headerBytes: 4, filler: 0x00 };
const cardTlv = (tag: number): FileLayout => ({ kind: 'tlv', tag, headerBytes: (tag > 0xff ? 2 : 1) + 3, filler: 0xff });
const fixed = (size: number): FileLayout => ({ kind: 'fixed', size });
const NONE: FileLayout = { kind: 'none' };

interface Extra {
  readonly reveals?: readonly ExposedFact[];
  readonly myNumber?: true;
  readonly note?: string;
}

function row(
  applet: ExposureApplet,
  fileId: number,
  [name, nameJa]: readonly [string, string],
  access: Access,
  layout: FileLayout,
  decoder: DecoderId | null,
  specSection: string,
  extra: Extra = {},
): ExposureEntry {
  return {
    applet, fileId, name, nameJa, access, layout, decoder, specSection,
    containsMyNumber: extra.myNumber === true,
    reveals: extra.reveals ?? [],
    ...(extra.note ? { note: extra.note } : {}),
  };
}

const key = (applet: ExposureApplet, fileId: number, names: readonly [string, string], section: string) =>
  row(applet, fileId, names, INTERNAL, NONE, null, section);
const unknown = (applet: ExposureApplet, fileId: number, section: string) =>
  row(applet, fileId, [`unknown ${hex(fileId)}`, `不明 ${hex(fileId)}`], UNKNOWN, NONE, null, section);

const FOUR_FACTS: readonly ExposedFact[] = ['name', 'address', 'birthDate', 'sex'];

/**
 * Every file of every applet and every card-level object, with its access rule exactly as the
 * card reference states it (§6.1 JPKI, §7.1 text, §8.1 visual, §9.2 共通, §9.3 住基, §9.4
 * card level). Drives the exposure matrix and tells each applet how to read a file.
 */
export const EXPOSURE: readonly ExposureEntry[] = [
  // JPKI AP (§6.1)
  row('jpki', 0x0001, ['signature certificate', '署名用電子証明書'], anyOf('jpkiSign'), DER, 'x509Certificate', '§6.1, §12',
    { reveals: [...FOUR_FACTS, 'municipality'], note: 'the four attributes sit in subjectAltName; the subject names the municipality' }),
  row('jpki', 0x0002, ['signature CA certificate', '署名用CA証明書'], FREE, DER, 'x509Certificate', '§6.1, §12'),
  unknown('jpki', 0x0005, '§6.1'),
  row('jpki', 0x0006, ['token info', 'トークン情報'], FREE, fixed(160), 'tokenInfo', '§6.3'),
  row('jpki', 0x0008, ['certificate flags', '証明書の有無'], FREE, fixed(3), 'certificateFlags', '§6.1, §12',
    { note: 'byte 0 tells whether a signature certificate exists, i.e. whether the holder was 15 or over when that certificate was issued' }),
  row('jpki', 0x0009, ['protected 0009', '保護領域 0009'], NEVER, NONE, null, '§6.1'),
  row('jpki', 0x000a, ['user-authentication certificate', '利用者証明用電子証明書'], FREE, DER, 'x509Certificate', '§6.1, §12',
    { reveals: ['birthMonthDay', 'municipality'], note: 'no name, but it usually expires on a birthday and its CN carries the municipality code' }),
  row('jpki', 0x000b, ['user-authentication CA certificate', '利用者証明用CA証明書'], FREE, DER, 'x509Certificate', '§6.1, §12'),
  key('jpki', 0x0010, ['key reference 0010', '鍵参照 0010'], '§6.1'),
  key('jpki', 0x0016, ['terminal CA key reference', '端末CA鍵参照'], '§6.1, §2'),
  key('jpki', 0x0017, ['user-authentication private key', '利用者証明用秘密鍵'], '§6.1, §6.5'),
  key('jpki', 0x0018, ['user-authentication PIN', '利用者証明用暗証番号'], '§6.2'),
  unknown('jpki', 0x0019, '§6.1'),
  key('jpki', 0x001a, ['signature private key', '署名用秘密鍵'], '§6.1, §6.5'),
  key('jpki', 0x001b, ['signature password', '署名用パスワード'], '§6.2'),
  unknown('jpki', 0x001c, '§6.1'),
  unknown('jpki', 0x001e, '§6.1'),
  // text AP (§7.1): PIN = 0011, A = 0014, B = 0015
  row('text', 0x0001, ['My Number', '個人番号'], anyOf('textPin', 'textPinA'), fixed(17), 'myNumber', '§7.1, §7.2, §17',
    { reveals: ['myNumber'], myNumber: true }),
  row('text', 0x0002, ['basic four', '基本4情報'], anyOf('textPin', 'textPinB'), cardTlv(0xff20), 'basicFour', '§7.1, §7.3',
    { reveals: FOUR_FACTS }),
  row('text', 0x0003, ['integrity record', '真正性確認情報'], anyOf('textPin', 'textPinA', 'textPinB'), cardTlv(0xff30), 'integrityRecord', '§7.1, §7.4',
    { note: 'holds SHA-256 of the My Number EF; with only 10^11 candidates that digest can be searched' }),
  row('text', 0x0004, ['CV certificate', 'CV証明書'], FREE, cardTlv(0x7f21), 'cvCertificate', '§7.1, §7.5'),
  row('text', 0x0005, ['AP basic info', 'AP基本情報'], FREE, cardTlv(0xff40), 'textBasicInfo', '§7.1, §7.6'),
  row('text', 0x0006, ['session-key public key', 'セッション鍵用公開鍵'], anyOf('textPin', 'textPinA', 'textPinB'), cardTlv(0xa1), 'sessionKey', '§7.1, §7.7'),
  row('text', 0x0007, ['signed AP public key', '署名付きAP公開鍵'], anyOf('textPin', 'textPinA', 'textPinB'), cardTlv(0xff50), 'signedPublicKey', '§7.1, §7.7'),
  row('text', 0x0008, ['unknown 0008', '不明 0008'], UNKNOWN, fixed(16), null, '§7.1', { note: '16 × FF on the one card a public source measured' }),
  unknown('text', 0x0010, '§7.1'),
  key('text', 0x0011, ['card-info input support PIN', '券面事項入力補助用暗証番号'], '§7.1, §10'),
  key('text', 0x0012, ['key reference blocked from issuance', '発行時から閉塞の鍵参照'], '§7.1'),
  key('text', 0x0013, ['AP signing key', 'AP署名鍵'], '§7.1, §7.7'),
  key('text', 0x0014, ['verification number A', '照合番号A'], '§7.1, §10'),
  key('text', 0x0015, ['verification number B', '照合番号B'], '§7.1, §10'),
  unknown('text', 0x001c, '§7.1'),
  unknown('text', 0x001e, '§7.1'),
  // visual AP (§8.1): birth key = 0011, B = 0012, A = 0013
  row('visual', 0x0001, ['age-verification record', '年齢確認情報'], anyOf('visualBirth'), cardTlv(0xff10), 'ageRecord', '§8.1',
    { reveals: ['birthDate'] }),
  row('visual', 0x0002, ['card face', '券面情報'], anyOf('visualPinA', 'visualPinB'), cardTlv(0xff20), 'cardFace', '§8.1, §8.2',
    { reveals: [...FOUR_FACTS, 'photo', 'cardExpiry', 'securityCode'] }),
  row('visual', 0x0003, ['AP basic data', 'AP基本情報'], FREE, cardTlv(0xff30), 'visualBasicData', '§8.1', { reveals: ['municipality'] }),
  row('visual', 0x0004, ['CV certificate', 'CV証明書'], FREE, cardTlv(0x7f21), 'cvCertificate', '§8.1, §7.5'),
  row('visual', 0x0005, ['My Number image', '個人番号画像'], anyOf('visualPinA'), cardTlv(0xff40), 'myNumberImage', '§8.1, §17',
    { reveals: ['myNumber'], myNumber: true }),
  row('visual', 0x0006, ['unknown 0006', '不明 0006'], anyOf('visualPinA', 'visualPinB'), fixed(16), null, '§8.1',
    { note: '16 × FF on the one card a public source measured' }),
  key('visual', 0x0011, ['birth-date key', '生年月日'], '§8.1, §10'),
  key('visual', 0x0012, ['verification number B', '照合番号B'], '§8.1, §10'),
  key('visual', 0x0013, ['verification number A', '照合番号A'], '§8.1, §10'),
  key('visual', 0x001a, ['AP signing key', 'AP署名鍵'], '§8.1'),
  unknown('visual', 0x001c, '§8.1'),
  unknown('visual', 0x001e, '§8.1'),
  // 共通カードAP (§9.2)
  row('common', 0x0001, ['card info record', 'カード情報'], FREE, { kind: 'record', record: 1, size: 30 }, 'commonCardInfo', '§9.2',
    { reveals: ['cardSerial', 'municipality', 'cardExpiry'] }),
  row('common', 0x0002, ['key reference', '鍵参照'], FREE, { kind: 'record', record: 1, size: 16 }, 'keyId', '§9.2'),
  key('common', 0x0019, ['INTERNAL AUTHENTICATE key', '内部認証鍵'], '§9.2'),
  key('common', 0x001c, ['common card AP PIN', '共通カードAP暗証番号'], '§9.2'),
  // 住基AP (§9.3)
  row('juki', 0x0002, ['key reference', '鍵参照'], UNKNOWN, { kind: 'record', record: 1, size: 16 }, 'keyId', '§9.3',
    { note: 'no access rule is stated; the byte-identical 共通カードAP EF 0002 is free' }),
  key('juki', 0x001c, ['resident registry PIN', '住民基本台帳用暗証番号'], '§9.3'),
  // card level, GET DATA after selecting the ISD (§9.4)
  row('cardLevel', 0x0042, ['issuer key reference', '発行者鍵参照'], FREE, { kind: 'data-object', large: false }, 'keyId', '§9.4'),
  row('cardLevel', 0x0045, ['card identification number', 'カード識別番号'], FREE, { kind: 'data-object', large: false }, 'asciiText', '§9.4',
    { reveals: ['cardSerial'] }),
  row('cardLevel', 0x0066, ['card recognition data', 'カード認識データ'], FREE, { kind: 'data-object', large: false }, 'cardRecognitionData', '§9.4'),
  row('cardLevel', 0x00f0, ['issuing municipality', '発行市区町村'], FREE, { kind: 'data-object', large: false }, 'municipalityCode', '§9.4',
    { reveals: ['municipality'] }),
  row('cardLevel', 0x00f2, ['card expiry', 'カード有効期限'], FREE, { kind: 'data-object', large: false }, 'cardExpiry', '§9.4',
    { reveals: ['cardExpiry'] }),
  row('cardLevel', 0x00f7, ['intermediate key ID', '中間鍵ID'], FREE, { kind: 'data-object', large: false }, 'keyId', '§9.4'),
  row('cardLevel', 0x00f8, ['root CV certificate', 'ルートCV証明書'], FREE, { kind: 'data-object', large: true }, 'cvCertificateContent', '§9.4, §7.5'),
  row('cardLevel', 0x7f21, ['CV certificate', 'CV証明書'], FREE, { kind: 'data-object', large: true }, 'cvCertificate', '§9.4, §7.5'),
  row('cardLevel', 0x5f51, ['contact ATR', '接触ATR'], FREE, { kind: 'data-object', large: false }, 'contactAtr', '§9.4, §1'),
];

/** The entry for one file, or `undefined` (docs/card-reference.md §6.1, §7.1, §8.1, §9). */
export function findExposure(applet: ExposureApplet, fileId: number): ExposureEntry | undefined {
  return EXPOSURE.find((e) => e.applet === applet && e.fileId === fileId);
}

/** The entry for one file (docs/card-reference.md §6.1, §7.1, §8.1, §9); an unknown file is a programming error. */
export function exposureOf(applet: ExposureApplet, fileId: number): ExposureEntry {
  const entry = findExposure(applet, fileId);
  if (!entry) throw new RangeError(`no exposure entry for ${applet} ${hex(fileId)}`);
  return entry;
}

/** The credentials that open a file (docs/card-reference.md §5; empty for free, never, internal and unknown). */
export function openedBy(entry: ExposureEntry): readonly PinId[] {
  return entry.access.kind === 'pin' ? entry.access.anyOf : [];
}
