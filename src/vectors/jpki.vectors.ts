import type { TranscriptVector } from './types';
import { asciiHex, recordedHex as cut } from './hexText';
import { SELECT_AP, derReadAfterSelect, probeAfterSelect } from './steps';
import { AUTH_CERTIFICATE, AUTH_SIGNATURE, MESSAGE_SHA256, SIGN_CERTIFICATE, TOKEN_INFO } from './recorded/adult';
import { AUTH_CERTIFICATE as CHILD_AUTH_CERTIFICATE } from './recorded/child';

/**
 * JPKI AP transcripts (docs/card-reference.md §6, §13.1–§13.5, §13.8), written by hand. Certificates,
 * token info and the signature are recorded bytes (`recorded/`), cut at the offsets each
 * READ BINARY asks for.
 *
 * The recorded bytes come from the simulator's own issuance output (`recorded/`): the simulator
 * passing these vectors proves only self-consistency for them; the client's decoding is what they
 * check. Real-card bytes: `realCard.vectors.ts`.
 */

const SELECT_JPKI = `
${SELECT_AP.jpki}`;

const AUTH_CA_DN = 'C=JP, O=JPKI-SIMULATOR, OU=JPKI for user authentication, OU=Japan Agency for Local Authority Information Systems';
const SIGN_CA_DN = 'C=JP, O=JPKI-SIMULATOR, OU=JPKI for digital signature, OU=Japan Agency for Local Authority Information Systems';

/** §13.1: SELECT JPKI, SELECT 0006, read the 32-byte label. */
export const detectCard: TranscriptVector<{ tokenLabel: string }> = {
  name: 'detect card by the token label',
  specSection: '§13.1, §6.3',
  holder: 'adult',
  transcript: `${SELECT_JPKI}
=> 00 A4 02 0C 02 00 06
<= 90 00
=> 00 B0 00 00 20
<= ${asciiHex('JPKIAPICCTOKEN2'.padEnd(32, ' '))} 90 00`,
  expected: { tokenLabel: 'JPKIAPICCTOKEN2' },
};

/** §6.3: the whole 160-byte CK_TOKEN_INFO in one READ BINARY. */
export const tokenInfo: TranscriptVector = {
  name: 'token info',
  specSection: '§6.3',
  holder: 'adult',
  transcript: `${SELECT_JPKI}
=> 00 A4 02 0C 02 00 06
<= 90 00
=> 00 B0 00 00 A0
<= ${cut(TOKEN_INFO, 0, 160)} 90 00`,
  expected: {
    label: 'JPKIAPICCTOKEN2',
    tokenType: 'my-number-card',
    manufacturerId: '99999999',
    model: 'MYNASIM1',
    serialNumber: '900000000000001',
    flags: 0x40d,
    flagNames: ['CKF_RNG', 'CKF_LOGIN_REQUIRED', 'CKF_USER_PIN_INITIALIZED', 'CKF_TOKEN_INITIALIZED'],
    maxPinLength: 16,
    minPinLength: 6,
    hardwareVersion: '03',
    firmwareVersion: '01',
    utcTime: '2025070100000000',
  },
};

/** §13.2: the two JPKI counters without spending a try. */
export const triesLeft: TranscriptVector<Record<'jpkiAuth' | 'jpkiSign', number>> = {
  name: 'tries left without spending',
  specSection: '§13.2, §2',
  holder: 'adult',
  transcript: `${SELECT_JPKI}
${probeAfterSelect('00 18', '63 C3')}
${probeAfterSelect('00 1B', '63 C5')}`,
  expected: { jpkiAuth: 3, jpkiSign: 5 },
};

const AUTH_CERTIFICATE_VIEW = {
  derLength: 924,
  version: 3,
  serialNumberHex: '2C3BBA0C',
  serialNumberDecimal: '742111756',
  signatureAlgorithm: { oid: '1.2.840.113549.1.1.11', name: 'sha256WithRSAEncryption' },
  issuer: { text: AUTH_CA_DN },
  subject: { text: 'CN=9LJBAI36QHFZZP13101001A', rdns: [{ type: 'CN', oid: '2.5.4.3', value: '9LJBAI36QHFZZP13101001A' }] },
  // Issued 2025-07-01 00:00 JST; valid to the end of the 5th birthday after issuance (§12).
  validity: { notBefore: '2025-06-30T15:00:00.000Z', notAfter: '2030-06-12T14:59:59.000Z' },
  publicKey: { algorithm: 'rsaEncryption', bits: 2048, exponent: 65537 },
  extensions: { keyUsage: ['digitalSignature'], extendedKeyUsage: null, certificatePolicies: ['1.2.392.200149.8.5.1.3'], subjectAltName: null },
};

/** §13.3: no PIN; header, then chunks ending on 256-byte boundaries (`FC`, `00`, `00`, exact tail). */
export const authCertificate: TranscriptVector = {
  name: 'auth certificate without PIN, short APDUs',
  specSection: '§13.3, §3, §12',
  holder: 'adult',
  transcript: `${SELECT_JPKI}
${derReadAfterSelect('00 0A', AUTH_CERTIFICATE, false)}`,
  expected: AUTH_CERTIFICATE_VIEW,
};

/** §3: the same certificate with one extended READ BINARY for everything after the header. */
export const authCertificateExtended: TranscriptVector = {
  name: 'auth certificate without PIN, extended length',
  specSection: '§13.3, §3',
  holder: 'adult',
  extendedLength: true,
  transcript: `${SELECT_JPKI}
${derReadAfterSelect('00 0A', AUTH_CERTIFICATE, true)}`,
  expected: AUTH_CERTIFICATE_VIEW,
};

/** §13.5: READ → 6982 without the password; VERIFY 001B with it upper-cased; then the certificate. */
export const signCertificate: TranscriptVector = {
  name: 'sign certificate locked, then opened by the sign password',
  specSection: '§13.5, §6.2, §12',
  holder: 'adult',
  input: { jpkiSign: 'myna2026' },
  transcript: `${SELECT_JPKI}
=> 00 A4 02 0C 02 00 01
<= 90 00
=> 00 B0 00 00 04
<= 69 82
=> 00 A4 02 0C 02 00 1B
<= 90 00
=> 00 20 00 80 08 ${asciiHex('MYNA2026')}
<= 90 00
${derReadAfterSelect('00 01', SIGN_CERTIFICATE, false)}`,
  expected: {
    lockedError: { code: 'card/pin-required', details: { file: 'JPKI AP EF 0001', openedBy: 'jpkiSign' } },
    certificate: {
      derLength: 1141,
      serialNumberHex: '77938CCB',
      serialNumberDecimal: '2006158539',
      issuer: { text: SIGN_CA_DN },
      subject: { text: 'C=JP, L=Tokyo-to, L=Chiyoda-ku, CN=VTMYJJO711SWCX13101001S' },
      validity: { notBefore: '2025-06-30T15:00:00.000Z', notAfter: '2030-06-12T14:59:59.000Z' },
      publicKey: { bits: 2048, exponent: 65537 },
      extensions: {
        keyUsage: ['digitalSignature', 'nonRepudiation'],
        certificatePolicies: ['1.2.392.200149.8.5.1.1'],
        subjectAltName: {
          name: '見本\u3000花子',
          nameAlternative: null,
          sex: '2',
          // 3 = 昭和, then the Gregorian date (§12).
          birthDate: { raw: '319850612', era: '昭和', date: '1985-06-12' },
          address: '東京都千代田区見本町一丁目２番３号',
          addressAlternative: null,
        },
      },
    },
  },
};

/** §13.4: VERIFY 0018, SELECT 0017, `80 2A 00 80 33 <DigestInfo> 00` → 256 bytes. */
export const authSignature: TranscriptVector<{ sha256: string; signature: string }> = {
  name: 'auth signature',
  specSection: '§13.4, §6.5',
  holder: 'adult',
  input: { jpkiAuth: '1234', message: 'MynaLens card reference §13.4 test vector' }, // signed bytes, not a citation
  transcript: `${SELECT_JPKI}
=> 00 A4 02 0C 02 00 18
<= 90 00
=> 00 20 00 80 04 31 32 33 34
<= 90 00
=> 00 A4 02 0C 02 00 17
<= 90 00
=> 80 2A 00 80 33 30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20 ${cut(MESSAGE_SHA256, 0, 32)} 00
<= ${cut(AUTH_SIGNATURE, 0, 256)} 90 00`,
  expected: { sha256: MESSAGE_SHA256.replace(/\s/g, ''), signature: AUTH_SIGNATURE.replace(/\s/g, '') },
};

/** §13.8: 63C2, 63C1, 63C0 (the try that blocks), then 6984; the probe says 63C0. */
export const wrongPinBlocks: TranscriptVector = {
  name: 'wrong auth PIN three times blocks it',
  specSection: '§13.8, §4',
  holder: 'adult',
  input: { jpkiAuth: '9999' },
  transcript: `${SELECT_JPKI}
=> 00 A4 02 0C 02 00 18
<= 90 00
=> 00 20 00 80 04 39 39 39 39
<= 63 C2
=> 00 A4 02 0C 02 00 18
<= 90 00
=> 00 20 00 80 04 39 39 39 39
<= 63 C1
=> 00 A4 02 0C 02 00 18
<= 90 00
=> 00 20 00 80 04 39 39 39 39
<= 63 C0
=> 00 A4 02 0C 02 00 18
<= 90 00
=> 00 20 00 80 04 39 39 39 39
<= 69 84
=> 00 A4 02 0C 02 00 18
<= 90 00
=> 00 20 00 80
<= 63 C0`,
  expected: {
    errors: [
      { code: 'card/wrong-pin', details: { pinId: 'jpkiAuth', triesLeft: 2 } },
      { code: 'card/wrong-pin', details: { pinId: 'jpkiAuth', triesLeft: 1 } },
      { code: 'card/pin-blocked', details: { pinId: 'jpkiAuth', triesLeft: 0 } },
      { code: 'card/pin-blocked', details: { pinId: 'jpkiAuth', triesLeft: 0 } },
    ],
    status: { pinId: 'jpkiAuth', triesLeft: 0, maxTries: 3, blocked: true, verified: false },
  },
};

/**
 * §12 under 15: EF 0008 `00 8F 00`. EF 0001 exists but stays locked (6982) and its password was
 * never set, so the key EF reports blocked (63C0, VERIFY → 6984) — the simulator's documented
 * choice, the only unset-key behaviour the reference describes (§7.1 text 0012). The applet
 * client reports what the card answers; the engine reads the pair as "not issued" (§6.2, §15.11).
 */
export const childHasNoSignCertificate: TranscriptVector = {
  name: 'child has no signature certificate',
  specSection: '§12, §6.1, §14',
  holder: 'child',
  input: { jpkiSign: 'MYNA2026' },
  transcript: `${SELECT_JPKI}
=> 00 A4 02 0C 02 00 08
<= 90 00
=> 00 B0 00 00 03
<= 00 8F 00 90 00
=> 00 A4 02 0C 02 00 01
<= 90 00
=> 00 B0 00 00 04
<= 69 82
=> 00 A4 02 0C 02 00 1B
<= 90 00
=> 00 20 00 80
<= 63 C0
=> 00 A4 02 0C 02 00 1B
<= 90 00
=> 00 20 00 80 08 ${asciiHex('MYNA2026')}
<= 69 84`,
  expected: {
    flags: { signCertificate: false, authCertificate: true, hex: '008F00' },
    readError: { code: 'card/pin-required' },
    status: { pinId: 'jpkiSign', triesLeft: 0, maxTries: 5, blocked: true, verified: false },
    verifyError: { code: 'card/pin-blocked' },
  },
};

/**
 * §12, §6.1: how a card with no signature password answers the two PIN-free questions — EF 0008
 * byte 0 is not `8F`, and the counter probe of key EF 001B says `63C0` — which together mean "never
 * issued", not "blocked" (the rule in docs/card-reference.md §6.2).
 */
export const signPasswordNotIssued: TranscriptVector = {
  name: 'no signature password: EF 0008 00 8F 00 and the probe 63C0',
  specSection: '§6.1, §6.2, §12',
  holder: 'child',
  transcript: `${SELECT_JPKI}
=> 00 A4 02 0C 02 00 08
<= 90 00
=> 00 B0 00 00 03
<= 00 8F 00 90 00
=> 00 A4 02 0C 02 00 1B
<= 90 00
=> 00 20 00 80
<= 63 C0`,
  expected: {
    flags: { signCertificate: false, authCertificate: true, hex: '008F00' },
    probe: { pinId: 'jpkiSign', triesLeft: 0, maxTries: 5, blocked: true, verified: false },
    notIssued: true,
  },
};

/**
 * §13.8 on the signature password of a card that has one (EF 0008 `8F 8F 00`): five wrong
 * passwords, 63C4 … 63C0, then the probe says 63C0 — the same answer as the card without a
 * password, and here it does mean "blocked" (docs/card-reference.md §6.2).
 */
export const signPasswordBlocked: TranscriptVector = {
  name: 'signature password blocked: EF 0008 8F 8F 00, five wrong passwords, the probe 63C0',
  specSection: '§6.1, §6.2, §13.8',
  holder: 'adult',
  input: { jpkiSign: 'WRONG1' },
  transcript: `${SELECT_JPKI}
=> 00 A4 02 0C 02 00 08
<= 90 00
=> 00 B0 00 00 03
<= 8F 8F 00 90 00${[4, 3, 2, 1, 0]
    .map(
      (left) => `
=> 00 A4 02 0C 02 00 1B
<= 90 00
=> 00 20 00 80 06 ${asciiHex('WRONG1')}
<= 63 C${left}`,
    )
    .join('')}
=> 00 A4 02 0C 02 00 1B
<= 90 00
=> 00 20 00 80
<= 63 C0`,
  expected: {
    flags: { signCertificate: true, authCertificate: true, hex: '8F8F00' },
    probe: { pinId: 'jpkiSign', triesLeft: 0, maxTries: 5, blocked: true, verified: false },
    notIssued: false,
  },
};

/** §12: the child does have an authentication certificate (read here with extended length). */
export const childAuthCertificate: TranscriptVector = {
  name: 'child auth certificate',
  specSection: '§12, §13.3, §3',
  holder: 'child',
  extendedLength: true,
  transcript: `${SELECT_JPKI}
${derReadAfterSelect('00 0A', CHILD_AUTH_CERTIFICATE, true)}`,
  expected: {
    derLength: 924,
    serialNumberHex: '6A424B23',
    subject: { text: 'CN=2KZSQCMIAJ760O13101001A' },
    issuer: { text: AUTH_CA_DN },
    // Born 2016-09-03: the 5th birthday after issuance on 2025-07-01 is 2029-09-03 (§12).
    validity: { notBefore: '2025-06-30T15:00:00.000Z', notAfter: '2029-09-03T14:59:59.000Z' },
  },
};

/** Every JPKI vector, in file order (docs/card-reference.md §6, §13). */
export const JPKI_VECTORS: readonly TranscriptVector[] = [
  detectCard,
  tokenInfo,
  triesLeft,
  authCertificate,
  authCertificateExtended,
  signCertificate,
  authSignature,
  wrongPinBlocks,
  childHasNoSignCertificate,
  signPasswordNotIssued,
  signPasswordBlocked,
  childAuthCertificate,
];
