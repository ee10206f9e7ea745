import type { TranscriptVector } from './types';
import { SELECT_AP } from './steps';
import { asciiHex, utf8Hex } from './hexText';

/**
 * Text AP (券面事項入力補助AP) transcripts (docs/card-reference.md §7, §13.2, §13.6), written by hand
 * from the fictional holders' facts: every byte here follows from §7.2/§7.3 and the holder.
 */

const SELECT_TEXT = `\n${SELECT_AP.text}`;

const ADDRESS = '東京都千代田区見本町一丁目２番３号';

/** EF 0001 as §7.2 draws it: `FF 10 0C` + 12 ASCII digits + `FF FF`, 17 bytes. */
const myNumberEf = (digits: string) => `FF 10 0C ${asciiHex(digits)} FF FF`;

/**
 * EF 0002 as §7.3 draws it, for a 15-byte name and the 51-byte address: outer `FF 20 62`, the
 * DF21 table (name at 000E, address at 0020, DOB at 0056, sex at 0061), then the four TLVs. The
 * client reads the 5-byte header `FF 20 62 DF 21`, then the remaining 0x60 bytes.
 */
const basicFourHeader = 'FF 20 62 DF 21';
const basicFourRest = (name: string, birthDate: string, sex: string) =>
  `08 00 0E 00 20 00 56 00 61 DF 22 0F ${utf8Hex(name)} DF 23 33 ${utf8Hex(ADDRESS)} DF 24 08 ${asciiHex(birthDate)} DF 25 01 ${asciiHex(sex)}`;

const ADULT_MY_NUMBER = { myNumber: '123456789018', checkDigitValid: true, expectedCheckDigit: 8 };
const OFFSETS = { declared: [0x0e, 0x20, 0x56, 0x61], actual: [0x0e, 0x20, 0x56, 0x61], consistent: true };
const ADULT_FOUR = { name: '見本\u3000花子', address: ADDRESS, birthDate: '1985-06-12', sex: '2', offsetTable: OFFSETS };

/** §13.2: PIN 0011 (3 tries), 照合番号A 0014 and B 0015 (10 tries, §10). */
export const triesLeft: TranscriptVector<Record<'textPin' | 'textPinA' | 'textPinB', number>> = {
  name: 'tries left without spending',
  specSection: '§13.2, §10',
  holder: 'adult',
  transcript: `${SELECT_TEXT}
=> 00 A4 02 0C 02 00 11
<= 90 00
=> 00 20 00 80
<= 63 C3
=> 00 A4 02 0C 02 00 14
<= 90 00
=> 00 20 00 80
<= 63 CA
=> 00 A4 02 0C 02 00 15
<= 90 00
=> 00 20 00 80
<= 63 CA`,
  expected: { textPin: 3, textPinA: 10, textPinB: 10 },
};

/** §13.6: VERIFY 0011, read 0001 (17 bytes), then 0002 header and rest. */
export const myNumberAndBasicFour: TranscriptVector = {
  name: 'My Number and basic four after the text PIN',
  specSection: '§13.6, §7.2, §7.3',
  holder: 'adult',
  input: { textPin: '1234' },
  transcript: `${SELECT_TEXT}
=> 00 A4 02 0C 02 00 11
<= 90 00
=> 00 20 00 80 04 31 32 33 34
<= 90 00
=> 00 A4 02 0C 02 00 01
<= 90 00
=> 00 B0 00 00 11
<= ${myNumberEf('123456789018')} 90 00
=> 00 A4 02 0C 02 00 02
<= 90 00
=> 00 B0 00 00 05
<= ${basicFourHeader} 90 00
=> 00 B0 00 05 60
<= ${basicFourRest('見本\u3000花子', '19850612', '2')} 90 00`,
  expected: { myNumber: ADULT_MY_NUMBER, basicFour: ADULT_FOUR },
};

/** §7.1: 照合番号A opens 0001 but not 0002 (6982). */
export const pinAOpensMyNumberOnly: TranscriptVector = {
  name: 'PIN-A opens 0001 but not 0002',
  specSection: '§7.1, §10',
  holder: 'adult',
  input: { textPinA: '123456789018' },
  transcript: `${SELECT_TEXT}
=> 00 A4 02 0C 02 00 14
<= 90 00
=> 00 20 00 80 0C ${asciiHex('123456789018')}
<= 90 00
=> 00 A4 02 0C 02 00 01
<= 90 00
=> 00 B0 00 00 11
<= ${myNumberEf('123456789018')} 90 00
=> 00 A4 02 0C 02 00 02
<= 90 00
=> 00 B0 00 00 05
<= 69 82`,
  expected: {
    myNumber: ADULT_MY_NUMBER,
    basicFourError: { code: 'card/pin-required', details: { file: 'text AP EF 0002', openedBy: 'textPin,textPinB' } },
  },
};

/** §7.1: 照合番号B (和暦 DOB 600612 + expiry year 2035 + code 4821, §10) opens 0002 but not 0001. */
export const pinBOpensBasicFourOnly: TranscriptVector = {
  name: 'PIN-B opens 0002 but not 0001',
  specSection: '§7.1, §10',
  holder: 'adult',
  input: { textPinB: '60061220354821' },
  transcript: `${SELECT_TEXT}
=> 00 A4 02 0C 02 00 15
<= 90 00
=> 00 20 00 80 0E ${asciiHex('60061220354821')}
<= 90 00
=> 00 A4 02 0C 02 00 01
<= 90 00
=> 00 B0 00 00 11
<= 69 82
=> 00 A4 02 0C 02 00 02
<= 90 00
=> 00 B0 00 00 05
<= ${basicFourHeader} 90 00
=> 00 B0 00 05 60
<= ${basicFourRest('見本\u3000花子', '19850612', '2')} 90 00`,
  expected: {
    myNumberError: { code: 'card/pin-required', details: { file: 'text AP EF 0001', openedBy: 'textPin,textPinA' } },
    basicFour: ADULT_FOUR,
  },
};

/**
 * House rule 6 (docs/card-reference.md §2 VERIFY): a transcript exported with the PIN redacted still replays — `**` matches any
 * byte. The simulator side fills in `redacted`.
 */
export const redactedVerify: TranscriptVector = {
  name: 'redacted VERIFY replays',
  specSection: '§13.6, §2',
  holder: 'adult',
  input: { textPin: '1234' },
  redacted: ['1234'],
  transcript: `${SELECT_TEXT}
=> 00 A4 02 0C 02 00 11
<= 90 00
=> 00 20 00 80 04 ** ** ** **
<= 90 00
=> 00 A4 02 0C 02 00 01
<= 90 00
=> 00 B0 00 00 11
<= ${myNumberEf('123456789018')} 90 00`,
  expected: { myNumber: ADULT_MY_NUMBER },
};

/** §13.6 for the child: a 15-byte name too, so the same offsets. */
export const childMyNumberAndBasicFour: TranscriptVector = {
  name: 'child My Number and basic four',
  specSection: '§13.6, §7.2, §7.3',
  holder: 'child',
  input: { textPin: '1234' },
  transcript: `${SELECT_TEXT}
=> 00 A4 02 0C 02 00 11
<= 90 00
=> 00 20 00 80 04 31 32 33 34
<= 90 00
=> 00 A4 02 0C 02 00 01
<= 90 00
=> 00 B0 00 00 11
<= ${myNumberEf('987654321018')} 90 00
=> 00 A4 02 0C 02 00 02
<= 90 00
=> 00 B0 00 00 05
<= ${basicFourHeader} 90 00
=> 00 B0 00 05 60
<= ${basicFourRest('見本\u3000太郎', '20160903', '1')} 90 00`,
  expected: {
    myNumber: { myNumber: '987654321018', checkDigitValid: true, expectedCheckDigit: 8 },
    basicFour: { name: '見本\u3000太郎', address: ADDRESS, birthDate: '2016-09-03', sex: '1', offsetTable: OFFSETS },
  },
};

/** Every text-AP vector, in file order (docs/card-reference.md §7, §13). */
export const TEXT_VECTORS: readonly TranscriptVector[] = [
  triesLeft,
  myNumberAndBasicFour,
  pinAOpensMyNumberOnly,
  pinBOpensBasicFourOnly,
  redactedVerify,
  childMyNumberAndBasicFour,
];
