import type { TranscriptVector } from './types';
import { asciiHex } from './hexText';
import { SELECT_AP, probeAfterSelect, selectEf } from './steps';

/** 住基AP transcripts (docs/card-reference.md §9.3), written by hand. */

/** §9.3: the key reference record (byte-identical to the 共通カードAP's) and the PIN counter. */
export const keyReferenceAndPin: TranscriptVector = {
  name: 'key reference record and PIN counter',
  specSection: '§9.3, §2 READ RECORD',
  holder: 'adult',
  transcript: `
${SELECT_AP.juki}
${selectEf('00 02')}
=> 00 B2 01 04 10
<= ${asciiHex('1310101')} 08 05 ${asciiHex('000')} 00 00 00 00 90 00
${probeAfterSelect('00 1C', '63 C3')}`,
  expected: { keyReference: { label: '1310101/000', hex: '31333130313031080530303000000000' }, jukiPin: 3 },
};

/** §9.3: the 住基 PIN verified with its 4 digits (1234 for the fictional holders). */
export const verifyPin: TranscriptVector = {
  name: 'verify the 住基 PIN',
  specSection: '§9.3, §2 VERIFY',
  holder: 'adult',
  input: { jukiPin: '1234' },
  transcript: `
${SELECT_AP.juki}
${selectEf('00 1C')}
=> 00 20 00 80 04 31 32 33 34
<= 90 00`,
  expected: { verified: true },
};

/** Every 住基AP vector, in file order (docs/card-reference.md §9.3). */
export const JUKI_VECTORS: readonly TranscriptVector[] = [keyReferenceAndPin, verifyPin];
