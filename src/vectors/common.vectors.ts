import type { TranscriptVector } from './types';
import { asciiHex } from './hexText';
import { SELECT_AP, probeAfterSelect, selectEf } from './steps';

/**
 * 共通カードAP transcripts (docs/card-reference.md §9.2), written by hand: the free card-info record
 * (simple-TLV `01 1C` + serial ‖ municipality ‖ expiry) and key reference, and the PIN counter.
 */

/** §9.2: both records without any PIN; the 4-digit PIN has 3 tries. */
export const recordsFree: TranscriptVector = {
  name: 'card info and key reference records are free',
  specSection: '§9.2, §2 READ RECORD',
  holder: 'adult',
  transcript: `
${SELECT_AP.common}
${selectEf('00 01')}
=> 00 B2 01 04 1E
<= 01 1C ${asciiHex('900000000000001' + '13101' + '20350612')} 90 00
${selectEf('00 02')}
=> 00 B2 01 04 10
<= ${asciiHex('1310101')} 08 05 ${asciiHex('000')} 00 00 00 00 90 00
${probeAfterSelect('00 1C', '63 C3')}`,
  expected: {
    cardInfo: { serial: '900000000000001', municipalityCode: '13101', expiry: '2035-06-12' },
    keyReference: { label: '1310101/000', hex: '31333130313031080530303000000000' },
    commonPin: 3,
  },
};

/** §9.2 for the child: a 5-year card, so the expiry is the 5th birthday after issuance. */
export const childRecord: TranscriptVector = {
  name: 'child card info record',
  specSection: '§9.2',
  holder: 'child',
  transcript: `
${SELECT_AP.common}
${selectEf('00 01')}
=> 00 B2 01 04 1E
<= 01 1C ${asciiHex('900000000000002' + '13101' + '20290903')} 90 00`,
  expected: { cardInfo: { serial: '900000000000002', municipalityCode: '13101', expiry: '2029-09-03' } },
};

/** Every 共通カードAP vector, in file order (docs/card-reference.md §9.2). */
export const COMMON_VECTORS: readonly TranscriptVector[] = [recordsFree, childRecord];
