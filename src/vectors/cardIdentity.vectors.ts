import type { TranscriptVector } from './types';
import { asciiHex, recordedHex as cut } from './hexText';
import { AUTH_CERTIFICATE } from './recorded/adult';

/**
 * "Which card is this?" — the exchanges the engine makes on every (re)connect before it reads a
 * file or sends a PIN (docs/card-reference.md §9.4, §6.4, §13.3), so that a session continued on
 * the same reader never mixes two cards. Written by hand from the card reference.
 *
 * The card identification number (card-level GET DATA `0045`, answered after selecting the ISD,
 * §9.4) comes first; where a card does not give it, the serial number of the JPKI authentication
 * certificate (§6.4, read with no PIN as in §13.3) tells cards apart instead.
 *
 * The certificate bytes are cut from the simulator's own issuance output (`recorded/`): the
 * simulator passing these vectors proves only self-consistency for them; the client's reading of
 * the serial is what they check. Real-card bytes: `realCard.vectors.ts`.
 */

const SELECT_ISD = `
=> 00 A4 04 0C 07 A0 00 00 01 51 00 00`;

const SELECT_JPKI_AND_AUTH_CERTIFICATE = `
=> 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01
<= 90 00
=> 00 A4 02 0C 02 00 0A
<= 90 00
=> 00 B0 00 00 04
<= 30 82 03 98 90 00
=> 00 B0 00 04 00 03 98
<= ${cut(AUTH_CERTIFICATE, 0x004, 0x39c)} 90 00`;

/** §9.4: the adult's card identification number, read at ISD level right after the connect. */
export const adultCardNumber: TranscriptVector = {
  name: "the adult's card by its card identification number",
  specSection: '§9.4',
  holder: 'adult',
  extendedLength: true,
  transcript: `${SELECT_ISD}
<= 90 00
=> 00 CA 00 45 00
<= ${asciiHex('900000000000001')} 90 00`,
  expected: { card: { by: 'card-identification-number', value: '900000000000001' } },
};

/** §9.4: the child's card answers the same exchange with its own number — another card. */
export const childCardNumber: TranscriptVector = {
  name: "the child's card by its card identification number",
  specSection: '§9.4',
  holder: 'child',
  extendedLength: true,
  transcript: `${SELECT_ISD}
<= 90 00
=> 00 CA 00 45 00
<= ${asciiHex('900000000000002')} 90 00`,
  expected: { card: { by: 'card-identification-number', value: '900000000000002' } },
};

/** Both simulated holders' cards give their number; the simulator answers these byte for byte. */
export const CARD_IDENTITY_VECTORS: readonly TranscriptVector[] = [adultCardNumber, childCardNumber];

/**
 * §9.4, §4 6A82: a card whose ISD cannot be selected by that AID is told apart by its
 * authentication certificate's serial number instead (§6.4, §13.3).
 */
export const noIsd: TranscriptVector = {
  name: 'no ISD: the authentication certificate serial instead',
  specSection: '§9.4, §4, §6.4, §13.3',
  holder: 'adult',
  extendedLength: true,
  transcript: `${SELECT_ISD}
<= 6A 82${SELECT_JPKI_AND_AUTH_CERTIFICATE}`,
  expected: { card: { by: 'auth-certificate-serial', value: '2C3BBA0C' } },
};

/** §9.4, §4 6A88: an ISD without object `0045` — the certificate serial again. */
export const noCardNumber: TranscriptVector = {
  name: 'no card identification number: the authentication certificate serial instead',
  specSection: '§9.4, §4, §6.4, §13.3',
  holder: 'adult',
  extendedLength: true,
  transcript: `${SELECT_ISD}
<= 90 00
=> 00 CA 00 45 00
<= 6A 88${SELECT_JPKI_AND_AUTH_CERTIFICATE}`,
  expected: { card: { by: 'auth-certificate-serial', value: '2C3BBA0C' } },
};

/** §4 6A82 twice: a card with neither (not a My Number Card) cannot be told apart at all. */
export const neither: TranscriptVector = {
  name: 'neither: the card cannot be told apart',
  specSection: '§9.4, §4, §9.1',
  holder: 'adult',
  transcript: `${SELECT_ISD}
<= 6A 82
=> 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01
<= 6A 82`,
  expected: { card: null },
};

/**
 * Cards the simulator does not model (both simulated holders give `0045`), so these run on the
 * client's side only, like `realCard.vectors.ts`.
 */
export const CARD_IDENTITY_FALLBACK_VECTORS: readonly TranscriptVector[] = [noIsd, noCardNumber, neither];
