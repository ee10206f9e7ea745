import type { Personalisation } from '../../personalisation/Personalisation';
import { buildJpkiAp } from './jpkiLayout';
import { buildCommonAp, buildIsd, buildJukiAp } from './residentLayouts';
import { buildTextAp } from './textLayout';
import { buildVisualAp } from './visualLayout';
import type { CardFileSystem } from './types';

/**
 * The card's file system for one holder (docs/card-reference.md §0, §6–§9): the ISD and five
 * applications. `applications` is also the search order of SELECT by DF name with a prefix
 * (§2): the sources do not give the card's own order, so it follows the §9.1 inventory (JPKI,
 * text, visual, 共通, 住基). Every byte is copied, so a card never shares buffers with its
 * personalisation.
 */
export function buildCardFileSystem(p: Personalisation): CardFileSystem {
  return {
    isd: buildIsd(),
    applications: [buildJpkiAp(p), buildTextAp(p), buildVisualAp(p), buildCommonAp(p), buildJukiAp(p)],
    cardLevel: new Map([...p.cardLevel].map(([tag, value]) => [tag, value.slice()])),
  };
}
