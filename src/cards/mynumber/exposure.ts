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
const cardTlv = (tag: number, formatSize?: number): FileLayout => ({ kind: 'tlv', tag, headerBytes: (tag > 0xff ? 2 : 1) + 3, filler: 0xff, ...(formatSize ? { formatSize } : {}) });
/** §7.5: `7F 21 82 02 33`, a 297-byte body and a 256-byte signature, each behind `5F xx 82 HH LL`. */
const CV_CERTIFICATE_BYTES = 2 + 3 + (5 + 297) + (5 + 256);
/** §8.1 `0003`: `FF 30 82 01 3B` holding DF31 (4), DF32 (16), DF33 (1), DF34 (5), DF35 (`82 01 10`, 272). */
const VISUAL_BASIC_DATA_BYTES = 2 + 3 + (3 + 4) + (3 + 16) + (3 + 1) + (3 + 5) + (5 + 272);
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
  name: string,
  access: Access,
  layout: FileLayout,
  decoder: DecoderId | null,
  specSection: string,
  extra: Extra = {},
): ExposureEntry {
  return {
    applet, fileId, name, access, layout, decoder, specSection,
    containsMyNumber: extra.myNumber === true,
    reveals: extra.reveals ?? [],
    ...(extra.note ? { note: extra.note } : {}),
  };
}

const key = (applet: ExposureApplet, fileId: number, name: string, section: string) =>
  row(applet, fileId, name, INTERNAL, NONE, null, section);
const unknown = (applet: ExposureApplet, fileId: number, section: string) =>
  row(applet, fileId, `unknown ${hex(fileId)}`, UNKNOWN, NONE, null, section);

const FOUR_FACTS: readonly ExposedFact[] = ['name', 'address', 'birthDate', 'sex'];

/**
 * Every file of every applet and every card-level object, with its access rule exactly as the
 * card reference states it (§6.1 JPKI, §7.1 text, §8.1 visual, §9.2 共通, §9.3 住基, §9.4
 * card level). Drives the exposure matrix and tells each applet how to read a file.
 */
export const EXPOSURE: readonly ExposureEntry[] = [
  // JPKI AP (§6.1)
  row('jpki', 0x0001, 'signature certificate', anyOf('jpkiSign'), DER, 'x509Certificate', '§6.1, §12',
    { reveals: [...FOUR_FACTS, 'municipality'], note: 'the four attributes sit in subjectAltName; the subject names the municipality' }),
  row('jpki', 0x0002, 'signature CA certificate', FREE, DER, 'x509Certificate', '§6.1, §12'),
  unknown('jpki', 0x0005, '§6.1'),
  row('jpki', 0x0006, 'token info', FREE, fixed(160), 'tokenInfo', '§6.3'),
  row('jpki', 0x0008, 'certificate flags', FREE, fixed(3), 'certificateFlags', '§6.1, §12',
    { note: 'byte 0 tells whether a signature certificate exists, i.e. whether the holder was 15 or over when that certificate was issued' }),
  row('jpki', 0x0009, 'protected 0009', NEVER, NONE, null, '§6.1'),
  row('jpki', 0x000a, 'user-authentication certificate', FREE, DER, 'x509Certificate', '§6.1, §12',
    { reveals: ['birthMonthDay', 'municipality'], note: 'no name, but it usually expires on a birthday and its CN carries the municipality code' }),
  row('jpki', 0x000b, 'user-authentication CA certificate', FREE, DER, 'x509Certificate', '§6.1, §12'),
  key('jpki', 0x0010, 'key reference 0010', '§6.1'),
  key('jpki', 0x0016, 'terminal CA key reference', '§6.1, §2'),
  key('jpki', 0x0017, 'user-authentication private key', '§6.1, §6.5'),
  key('jpki', 0x0018, 'user-authentication PIN', '§6.2'),
  unknown('jpki', 0x0019, '§6.1'),
  key('jpki', 0x001a, 'signature private key', '§6.1, §6.5'),
  key('jpki', 0x001b, 'signature password', '§6.2'),
  unknown('jpki', 0x001c, '§6.1'),
  unknown('jpki', 0x001e, '§6.1'),
  // text AP (§7.1): PIN = 0011, A = 0014, B = 0015
  row('text', 0x0001, 'My Number', anyOf('textPin', 'textPinA'), fixed(17), 'myNumber', '§7.1, §7.2, §17',
    { reveals: ['myNumber'], myNumber: true }),
  row('text', 0x0002, 'basic four', anyOf('textPin', 'textPinB'), cardTlv(0xff20), 'basicFour', '§7.1, §7.3',
    { reveals: FOUR_FACTS }),
  row('text', 0x0003, 'integrity record', anyOf('textPin', 'textPinA', 'textPinB'), cardTlv(0xff30), 'integrityRecord', '§7.1, §7.4',
    { note: 'holds SHA-256 of the My Number EF; with only 10^11 candidates that digest can be searched' }),
  row('text', 0x0004, 'CV certificate', FREE, cardTlv(0x7f21, CV_CERTIFICATE_BYTES), 'cvCertificate', '§7.1, §7.5'),
  row('text', 0x0005, 'AP basic info', FREE, cardTlv(0xff40), 'textBasicInfo', '§7.1, §7.6'),
  row('text', 0x0006, 'session-key public key', anyOf('textPin', 'textPinA', 'textPinB'), cardTlv(0xa1), 'sessionKey', '§7.1, §7.7'),
  row('text', 0x0007, 'signed AP public key', anyOf('textPin', 'textPinA', 'textPinB'), cardTlv(0xff50), 'signedPublicKey', '§7.1, §7.7'),
  row('text', 0x0008, 'unknown 0008', UNKNOWN, fixed(16), null, '§7.1', { note: '16 × FF on the one card a public source measured' }),
  unknown('text', 0x0010, '§7.1'),
  key('text', 0x0011, 'card-info input support PIN', '§7.1, §10'),
  key('text', 0x0012, 'key reference blocked from issuance', '§7.1'),
  key('text', 0x0013, 'AP signing key', '§7.1, §7.7'),
  key('text', 0x0014, 'verification number A', '§7.1, §10'),
  key('text', 0x0015, 'verification number B', '§7.1, §10'),
  unknown('text', 0x001c, '§7.1'),
  unknown('text', 0x001e, '§7.1'),
  // visual AP (§8.1): birth key = 0011, B = 0012, A = 0013
  row('visual', 0x0001, 'age-verification record', anyOf('visualBirth'), cardTlv(0xff10), 'ageRecord', '§8.1',
    { reveals: ['birthDate'] }),
  row('visual', 0x0002, 'card face', anyOf('visualPinA', 'visualPinB'), cardTlv(0xff20), 'cardFace', '§8.1, §8.2',
    { reveals: [...FOUR_FACTS, 'photo', 'cardExpiry', 'securityCode'] }),
  row('visual', 0x0003, 'AP basic data', FREE, cardTlv(0xff30, VISUAL_BASIC_DATA_BYTES), 'visualBasicData', '§8.1', { reveals: ['municipality'] }),
  row('visual', 0x0004, 'CV certificate', FREE, cardTlv(0x7f21, CV_CERTIFICATE_BYTES), 'cvCertificate', '§8.1, §7.5'),
  row('visual', 0x0005, 'My Number image', anyOf('visualPinA'), cardTlv(0xff40), 'myNumberImage', '§8.1, §17',
    { reveals: ['myNumber'], myNumber: true }),
  row('visual', 0x0006, 'unknown 0006', anyOf('visualPinA', 'visualPinB'), fixed(16), null, '§8.1',
    { note: '16 × FF on the one card a public source measured' }),
  key('visual', 0x0011, 'birth-date key', '§8.1, §10'),
  key('visual', 0x0012, 'verification number B', '§8.1, §10'),
  key('visual', 0x0013, 'verification number A', '§8.1, §10'),
  key('visual', 0x001a, 'AP signing key', '§8.1'),
  unknown('visual', 0x001c, '§8.1'),
  unknown('visual', 0x001e, '§8.1'),
  // 共通カードAP (§9.2)
  row('common', 0x0001, 'card info record', FREE, { kind: 'record', record: 1, size: 30 }, 'commonCardInfo', '§9.2',
    { reveals: ['cardSerial', 'municipality', 'cardExpiry'] }),
  row('common', 0x0002, 'key reference', FREE, { kind: 'record', record: 1, size: 16 }, 'keyId', '§9.2'),
  key('common', 0x0019, 'INTERNAL AUTHENTICATE key', '§9.2'),
  key('common', 0x001c, 'common card AP PIN', '§9.2'),
  // 住基AP (§9.3)
  row('juki', 0x0002, 'key reference', UNKNOWN, { kind: 'record', record: 1, size: 16 }, 'keyId', '§9.3',
    { note: 'no access rule is stated; the byte-identical 共通カードAP EF 0002 is free' }),
  key('juki', 0x001c, 'resident registry PIN', '§9.3'),
  // card level, GET DATA after selecting the ISD (§9.4)
  row('cardLevel', 0x0042, 'issuer key reference', FREE, { kind: 'data-object', large: false }, 'keyId', '§9.4'),
  row('cardLevel', 0x0045, 'card identification number', FREE, { kind: 'data-object', large: false }, 'asciiText', '§9.4',
    { reveals: ['cardSerial'] }),
  row('cardLevel', 0x0066, 'card recognition data', FREE, { kind: 'data-object', large: false }, 'cardRecognitionData', '§9.4'),
  row('cardLevel', 0x00f0, 'issuing municipality', FREE, { kind: 'data-object', large: false }, 'municipalityCode', '§9.4',
    { reveals: ['municipality'] }),
  row('cardLevel', 0x00f2, 'card expiry', FREE, { kind: 'data-object', large: false }, 'cardExpiry', '§9.4',
    { reveals: ['cardExpiry'] }),
  row('cardLevel', 0x00f7, 'intermediate key ID', FREE, { kind: 'data-object', large: false }, 'keyId', '§9.4'),
  row('cardLevel', 0x00f8, 'root CV certificate', FREE, { kind: 'data-object', large: true }, 'cvCertificateContent', '§9.4, §7.5'),
  row('cardLevel', 0x7f21, 'CV certificate', FREE, { kind: 'data-object', large: true }, 'cvCertificate', '§9.4, §7.5'),
  row('cardLevel', 0x5f51, 'contact ATR', FREE, { kind: 'data-object', large: false }, 'contactAtr', '§9.4, §1'),
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
