import type { TranscriptVector } from './types';
import { SELECT_AP } from './steps';
import { asciiHex, recordedHex as cut } from './hexText';
import { AGE_RECORD, CARD_FACE, MY_NUMBER_IMAGE } from './recorded/adult';

/**
 * Visual AP (券面事項確認AP) transcripts (docs/card-reference.md §8, §13.2, §13.7), written by hand; the
 * card face, the My Number image and the age record are recorded bytes cut at each read's range.
 *
 * The recorded bytes come from the simulator's own issuance output (`recorded/`): the simulator
 * passing these vectors proves only self-consistency for them; the client's decoding is what they
 * check. Real-card bytes: `realCard.vectors.ts`.
 */

const SELECT_VISUAL = `\n${SELECT_AP.visual}`;

const VERIFY_A = `
=> 00 A4 02 0C 02 00 13
<= 90 00
=> 00 20 00 80 0C ${asciiHex('123456789018')}
<= 90 00`;

/** EF 0002 is `FF 20 82 08 81`: 2182 bytes. Header, `FB` to 0x100, seven `00`s, `86` to 0x886 (§13.7). */
const READ_CARD_FACE = `
=> 00 A4 02 0C 02 00 02
<= 90 00
=> 00 B0 00 00 05
<= FF 20 82 08 81 90 00
=> 00 B0 00 05 FB
<= ${cut(CARD_FACE, 0x005, 0x100)} 90 00
=> 00 B0 01 00 00
<= ${cut(CARD_FACE, 0x100, 0x200)} 90 00
=> 00 B0 02 00 00
<= ${cut(CARD_FACE, 0x200, 0x300)} 90 00
=> 00 B0 03 00 00
<= ${cut(CARD_FACE, 0x300, 0x400)} 90 00
=> 00 B0 04 00 00
<= ${cut(CARD_FACE, 0x400, 0x500)} 90 00
=> 00 B0 05 00 00
<= ${cut(CARD_FACE, 0x500, 0x600)} 90 00
=> 00 B0 06 00 00
<= ${cut(CARD_FACE, 0x600, 0x700)} 90 00
=> 00 B0 07 00 00
<= ${cut(CARD_FACE, 0x700, 0x800)} 90 00
=> 00 B0 08 00 86
<= ${cut(CARD_FACE, 0x800, 0x886)} 90 00`;

const OFFSETS = [26, 37, 41, 311, 502, 832, 1799, 2060, 2071];
const CARD_FACE_VIEW = {
  birthDate: '1985-06-12',
  sex: '2',
  expiry: '2035-06-12',
  cardPublicKey: { bits: 2048, exponent: 65537 },
  imageSizes: { namePng: 186, addressPng: 325, faceJp2: 962, securityCodePng: 108 },
  offsetTable: { declared: OFFSETS, actual: OFFSETS, consistent: true },
};

/** §13.2: 照合番号A 0013, B 0012, birth-date key 0011 — 10 tries each (§10). */
export const triesLeft: TranscriptVector<Record<'visualPinA' | 'visualPinB' | 'visualBirth', number>> = {
  name: 'tries left without spending',
  specSection: '§13.2, §10',
  holder: 'adult',
  transcript: `${SELECT_VISUAL}
=> 00 A4 02 0C 02 00 13
<= 90 00
=> 00 20 00 80
<= 63 CA
=> 00 A4 02 0C 02 00 12
<= 90 00
=> 00 20 00 80
<= 63 CA
=> 00 A4 02 0C 02 00 11
<= 90 00
=> 00 20 00 80
<= 63 CA`,
  expected: { visualPinA: 10, visualPinB: 10, visualBirth: 10 },
};

/** §13.7: VERIFY 0013 with the 12 digits, then the card face. */
export const cardFaceAfterPinA: TranscriptVector = {
  name: 'card face after PIN-A',
  specSection: '§13.7, §8.2',
  holder: 'adult',
  input: { visualPinA: '123456789018' },
  transcript: `${SELECT_VISUAL}${VERIFY_A}${READ_CARD_FACE}`,
  expected: CARD_FACE_VIEW,
};

/** §8.1: A also opens 0005, the My Number as a PNG: `FF 40 82 02 B8`, 701 bytes. */
export const myNumberImageAfterPinA: TranscriptVector = {
  name: 'My Number image after PIN-A',
  specSection: '§8.1, §17',
  holder: 'adult',
  input: { visualPinA: '123456789018' },
  transcript: `${SELECT_VISUAL}${VERIFY_A}
=> 00 A4 02 0C 02 00 05
<= 90 00
=> 00 B0 00 00 05
<= FF 40 82 02 B8 90 00
=> 00 B0 00 05 FB
<= ${cut(MY_NUMBER_IMAGE, 0x005, 0x100)} 90 00
=> 00 B0 01 00 00
<= ${cut(MY_NUMBER_IMAGE, 0x100, 0x200)} 90 00
=> 00 B0 02 00 BD
<= ${cut(MY_NUMBER_IMAGE, 0x200, 0x2bd)} 90 00`,
  expected: { myNumberPng: 160, cardPublicKey: { bits: 2048, exponent: 65537 } },
};

/** §8.1: 照合番号B opens the card face but not 0005 (6982). */
export const pinBOpensFaceNotMyNumber: TranscriptVector = {
  name: 'PIN-B opens the card face but not the My Number image',
  specSection: '§8.1, §10',
  holder: 'adult',
  input: { visualPinB: '60061220354821' },
  transcript: `${SELECT_VISUAL}
=> 00 A4 02 0C 02 00 12
<= 90 00
=> 00 20 00 80 0E ${asciiHex('60061220354821')}
<= 90 00
=> 00 A4 02 0C 02 00 05
<= 90 00
=> 00 B0 00 00 05
<= 69 82${READ_CARD_FACE}`,
  expected: {
    myNumberImageError: { code: 'card/pin-required', details: { file: 'visual AP EF 0005', openedBy: 'visualPinA' } },
    cardFace: CARD_FACE_VIEW,
  },
};

/** §8.1: the birth-date key (和暦 YYMMDD: 昭和60年6月12日 → 600612) opens 0001 only. */
export const ageRecordAfterBirthKey: TranscriptVector = {
  name: 'age record after the birth-date key',
  specSection: '§8.1, §10',
  holder: 'adult',
  input: { visualBirth: '600612' },
  transcript: `${SELECT_VISUAL}
=> 00 A4 02 0C 02 00 11
<= 90 00
=> 00 20 00 80 06 ${asciiHex('600612')}
<= 90 00
=> 00 A4 02 0C 02 00 01
<= 90 00
=> 00 B0 00 00 05
<= FF 10 82 02 1E 90 00
=> 00 B0 00 05 FB
<= ${cut(AGE_RECORD, 0x005, 0x100)} 90 00
=> 00 B0 01 00 00
<= ${cut(AGE_RECORD, 0x100, 0x200)} 90 00
=> 00 B0 02 00 23
<= ${cut(AGE_RECORD, 0x200, 0x223)} 90 00
=> 00 A4 02 0C 02 00 02
<= 90 00
=> 00 B0 00 00 05
<= 69 82`,
  expected: {
    ageRecord: { birthDate: '1985-06-12', cardPublicKey: { bits: 2048, exponent: 65537 } },
    cardFaceError: { code: 'card/pin-required', details: { openedBy: 'visualPinA,visualPinB' } },
  },
};

/** Every visual-AP vector, in file order (docs/card-reference.md §8, §13). */
export const VISUAL_VECTORS: readonly TranscriptVector[] = [
  triesLeft,
  cardFaceAfterPinA,
  myNumberImageAfterPinA,
  pinBOpensFaceNotMyNumber,
  ageRecordAfterBirthKey,
];
