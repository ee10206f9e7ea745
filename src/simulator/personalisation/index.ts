import { fromBase64 } from '../../bytes/base64';
import type { Base64Fields, GeneratedCard } from './GeneratedCard';
import { HOLDERS, HOLDER_IDS, type HolderId } from './holders';
import type { Personalisation, TextContent } from './Personalisation';

export { HOLDER_IDS, HOLDERS, type HolderId, type HolderRecord, type IssuanceFacts } from './holders';
export type * from './Personalisation';

// Lazy: each holder's card is tens of kilobytes of base64, loaded only when a simulator needs it.
const GENERATED: Readonly<Record<HolderId, () => Promise<{ readonly card: GeneratedCard }>>> = {
  adult: () => import('./generated/adult'),
  child: () => import('./generated/child'),
};

/**
 * One fictional holder's card content, decoded from the committed issuance output
 * (`npm run fixtures`). Every call returns fresh byte arrays, so one simulated card cannot
 * change another's files.
 */
export async function loadPersonalisation(id: HolderId): Promise<Personalisation> {
  if (!HOLDER_IDS.includes(id)) throw new RangeError(`unknown holder "${String(id)}"`);
  const { card } = await GENERATED[id]();
  if (card.holderId !== id) throw new Error(`generated/${id}.ts holds holder "${card.holderId}"`);
  const { profile, pins } = HOLDERS[id];
  // The session key's private half stays in the generated module until secure messaging exists.
  const { sessionKey: _sessionKey, ...text } = card.text;
  return {
    holder: profile,
    pins,
    jpki: decodeFields(card.jpki),
    text: decodeFields<TextContent>(text),
    visual: decodeFields(card.visual),
    common: decodeFields(card.common),
    juki: decodeFields(card.juki),
    cardLevel: new Map(card.cardLevel.map(([tag, value]) => [tag, fromBase64(value)])),
  };
}

/** Turns each base64 string field back into bytes; keys (JWK objects) and nulls pass through. */
function decodeFields<T extends object>(encoded: Base64Fields<T>): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(encoded)) {
    out[key] = typeof value === 'string' ? fromBase64(value) : value;
  }
  // Sound by construction of Base64Fields<T>: exactly the Uint8Array fields became strings.
  return out as T;
}
