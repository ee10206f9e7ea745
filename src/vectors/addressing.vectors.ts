import type { TranscriptVector } from './types';
import { asciiHex, recordedHex as cut } from './hexText';
import { SELECT_AP, derReadAfterSelect, probeAfterSelect, shortChunkReads } from './steps';
import { AUTH_CERTIFICATE, SIGN_CERTIFICATE } from './recorded/adult';

/**
 * The two ways the client names a card's EFs (docs/card-reference.md §2, §3), written by hand on
 * the JPKI AP: the short-EF-ID forms a card takes (READ BINARY `P1 = 80|SFI`, VERIFY `P2 = 80|SFI`,
 * no SELECT EF), and the fall-back to SELECT-then-command on a card variant that refuses them
 * (`card`: the simulator's `refusesShortEfIds`). Certificates are recorded bytes (`recorded/`),
 * cut at the offsets each READ BINARY asks for.
 */

const SELECT_JPKI = `
${SELECT_AP.jpki}`;

/**
 * §3 on a short-only path: the counters probed by SFI; EF 0008 in one READ of its size; EF 0001
 * refused, then — after VERIFY by SFI — one SFI READ with Le = 00 and the rest of the current EF
 * in 256-byte steps, the last exact; then the one-byte READ that shows access to a file held.
 */
export const shortEfIds: TranscriptVector = {
  name: 'short EF identifiers, short APDUs',
  specSection: '§2, §3, §6.2, §13.5',
  holder: 'adult',
  input: { jpkiSign: 'myna2026' },
  transcript: `${SELECT_JPKI}
=> 00 20 00 98
<= 63 C3
=> 00 20 00 9B
<= 63 C5
=> 00 B0 88 00 03
<= 8F 8F 00 90 00
=> 00 B0 81 00 00
<= 69 82
=> 00 20 00 9B 08 ${asciiHex('MYNA2026')}
<= 90 00
=> 00 B0 81 00 00
<= ${cut(SIGN_CERTIFICATE, 0x000, 0x100)} 90 00
${shortChunkReads(SIGN_CERTIFICATE, 0x100, 0x475)}
=> 00 B0 81 00 01
<= 30 90 00`,
  expected: {
    triesLeft: { jpkiAuth: 3, jpkiSign: 5 },
    flags: { signCertificate: true, authCertificate: true },
    lockedError: { code: 'card/pin-required', details: { file: 'JPKI AP EF 0001', openedBy: 'jpkiSign' } },
    certificate: { derLength: 1141, serialNumberHex: '77938CCB' },
    proof: '30',
    addressing: { mode: 'short-ef-id', fallback: null },
  },
};

/**
 * A card that answers `6A86` to the short-EF-ID form (§4): the client falls back once, for the
 * rest of the connection, and says why; the same probe goes again as SELECT then `00 20 00 80`,
 * and the certificate is read as §13.3 reads it (a header, then exactly the rest, extended).
 */
export const fallback: TranscriptVector = {
  name: 'falls back to SELECT-then-command when the card refuses short EF identifiers',
  specSection: '§2, §3, §4, §13.2, §13.3',
  holder: 'adult',
  extendedLength: true,
  card: { refusesShortEfIds: 0x6a86 },
  transcript: `${SELECT_JPKI}
=> 00 20 00 98
<= 6A 86
${probeAfterSelect('00 18', '63 C3')}
${probeAfterSelect('00 1B', '63 C5')}
${derReadAfterSelect('00 0A', AUTH_CERTIFICATE, true)}`,
  expected: {
    triesLeft: { jpkiAuth: 3, jpkiSign: 5 },
    certificate: { derLength: 924 },
    addressing: { mode: 'select', fallback: { command: '00 20 00 98', sw: '6A86' } },
  },
};

/** Every command-form vector (house rule 7). */
export const ADDRESSING_VECTORS: readonly TranscriptVector[] = [shortEfIds, fallback];
