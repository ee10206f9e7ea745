import type { TranscriptVector } from './types';
import { asciiHex, recordedHex as cut } from './hexText';
import { CARD_LEVEL_CV, CARD_RECOGNITION, ROOT_CV_CONTENT } from './recorded/adult';

/**
 * Card-level GET DATA transcripts (docs/card-reference.md §9.4, §2 GET DATA), after selecting the
 * GlobalPlatform ISD. The CV certificates and the card recognition data are recorded bytes.
 *
 * The recorded bytes come from the simulator's own issuance output (`recorded/`): the simulator
 * passing these vectors proves only self-consistency for them; the client's decoding is what they
 * check. Real-card bytes: `realCard.vectors.ts`.
 */

const SELECT_ISD = `
=> 00 A4 04 0C 07 A0 00 00 01 51 00 00
<= 90 00`;

const KEY_ID = (seven: string, three: string) => `${asciiHex(seven)} 08 05 ${asciiHex(three)} 00 00 00 00`;

/** §9.4: the small objects, each with short Le `00`. */
export const smallObjects: TranscriptVector = {
  name: 'small GET DATA objects after ISD selection',
  specSection: '§9.4, §1',
  holder: 'adult',
  transcript: `${SELECT_ISD}
=> 00 CA 00 42 00
<= ${KEY_ID('1310101', '000')} 90 00
=> 00 CA 00 45 00
<= ${asciiHex('900000000000001')} 90 00
=> 00 CA 00 66 00
<= ${cut(CARD_RECOGNITION, 0, 51)} 90 00
=> 00 CA 00 F0 00
<= ${asciiHex('13101')} 90 00
=> 00 CA 00 F2 00
<= ${asciiHex('20350612')} 90 00
=> 00 CA 00 F7 00
<= ${KEY_ID('9000022', '001')} 90 00
=> 00 CA 5F 51 00
<= E0 00 FF 81 31 FE 45 14 90 00`,
  expected: {
    issuerKeyReference: { label: '1310101/000' },
    cardIdentificationNumber: '900000000000001',
    cardRecognitionData: {
      entries: [
        { tag: '06', oid: '1.2.840.114283.1' },
        { tag: '60', oid: '1.2.840.114283.2.2.2.1' },
        { tag: '63', oid: '1.2.840.114283.3' },
        { tag: '64', oid: '1.2.840.114283.4.2.85' },
      ],
    },
    municipalityCode: '13101',
    cardExpiry: '2035-06-12',
    intermediateKeyId: { label: '9000022/001' },
    contactAtr: { atrHex: '3B E0 00 FF 81 31 FE 45 14' },
  },
};

/** §9.4: the two CV certificates need extended Le `00 00 00`; asked for that way at once. */
export const largeObjectsExtended: TranscriptVector = {
  name: 'CV certificates with extended Le',
  specSection: '§9.4, §7.5, §3',
  holder: 'adult',
  extendedLength: true,
  transcript: `${SELECT_ISD}
=> 00 CA 00 F8 00 00 00
<= ${cut(ROOT_CV_CONTENT, 0, 563)} 90 00
=> 00 CA 7F 21 00 00 00
<= ${cut(CARD_LEVEL_CV, 0, 568)} 90 00`,
  expected: {
    rootCvCertificate: { issuerKeyId: { label: '9000020/001' }, subjectKeyId: { label: '9000022/001' }, length: 563 },
    cvCertificate: { issuerKeyId: { label: '9000022/001' }, subjectKeyId: { label: '1310101/000' }, length: 568 },
  },
};

/** §9.4: over a short-only reader the card answers 6700 and the client explains why. */
export const largeObjectShortReader: TranscriptVector = {
  name: 'CV certificate on a short-only reader',
  specSection: '§9.4, §4 6700',
  holder: 'adult',
  transcript: `${SELECT_ISD}
=> 00 CA 00 F8 00
<= 67 00`,
  expected: { error: { code: 'card/extended-length-required', details: { object: 'card-level object 00F8' } } },
};

/** §9.4: inside an application the objects do not answer (6A88); after selecting the ISD they do. */
export const onlyAtIsdLevel: TranscriptVector = {
  name: 'GET DATA answers only at ISD level',
  specSection: '§9.4, §4 6A88',
  holder: 'adult',
  transcript: `
=> 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01
<= 90 00
=> 00 CA 00 45 00
<= 6A 88${SELECT_ISD}
=> 00 CA 00 45 00
<= ${asciiHex('900000000000001')} 90 00`,
  expected: { insideApplet: { code: 'card/file-not-found' }, afterIsd: '900000000000001' },
};

/** Every card-level vector, in file order (docs/card-reference.md §9.4). */
export const CARD_LEVEL_VECTORS: readonly TranscriptVector[] = [smallObjects, largeObjectsExtended, largeObjectShortReader, onlyAtIsdLevel];
