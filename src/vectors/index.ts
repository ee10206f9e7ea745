import { ADDRESSING_VECTORS } from './addressing.vectors';
import { CARD_IDENTITY_VECTORS } from './cardIdentity.vectors';
import { CARD_LEVEL_VECTORS } from './cardLevel.vectors';
import { COMMON_VECTORS } from './common.vectors';
import { JPKI_VECTORS } from './jpki.vectors';
import { JUKI_VECTORS } from './juki.vectors';
import { TEXT_VECTORS } from './text.vectors';
import { VISUAL_VECTORS } from './visual.vectors';
import type { TranscriptVector } from './types';

/** One hand-written transcript (house rule 7, docs/card-reference.md §13). */
export type { TranscriptVector } from './types';

/**
 * Every transcript vector file by applet (house rule 7), for the side that runs them all.
 *
 * What they prove: the short exchanges are written by hand from docs/card-reference.md, so both the
 * simulator and the client are checked against the card reference. The long responses —
 * certificates, signatures, images, CV certificates, token info — are cut from the simulator's own
 * issuance output (`recorded/`), so the simulator answering them proves nothing new; for those the
 * vectors check the client's decoding only. Bytes from real cards, which check the client against
 * what a card really returns, are in `realCard.vectors.ts` (client side only, not listed here).
 */
export const VECTOR_FILES: Readonly<Record<string, readonly TranscriptVector[]>> = {
  jpki: JPKI_VECTORS,
  text: TEXT_VECTORS,
  visual: VISUAL_VECTORS,
  common: COMMON_VECTORS,
  juki: JUKI_VECTORS,
  cardLevel: CARD_LEVEL_VECTORS,
  cardIdentity: CARD_IDENTITY_VECTORS,
  addressing: ADDRESSING_VECTORS,
};
