import type { AppletKey, ExposureRowView, FieldView } from '../../protocol';
import type { MessageKey } from '../i18n/en';

/** What "Check the card" adds from the scan: the applets that answered, and the card ID and expiry read with no PIN (docs/card-reference.md §9.4). */
export interface CardFacts {
  /** Applets that answered their SELECT (a file of theirs was read, is locked or not issued), in matrix order. */
  readonly applets: readonly AppletKey[];
  /** The card identification number (card-level 0045), when read. */
  readonly cardId: FieldView | null;
  /** The card's expiry (card-level 00F2), when read. */
  readonly expiry: FieldView | null;
}

const ANSWERED = new Set<ExposureRowView['status']>(['read', 'locked', 'not-issued']);

/** The card facts the rows read so far hold; nothing is claimed for a row not read. */
export function cardFacts(rows: readonly ExposureRowView[]): CardFacts {
  const applets: AppletKey[] = [];
  for (const row of rows) {
    if (row.applet !== 'cardLevel' && ANSWERED.has(row.status) && !applets.includes(row.applet)) applets.push(row.applet);
  }
  const first = (key: string) => rows.find((r) => r.key === key && r.status === 'read')?.content?.fields[0] ?? null;
  return { applets, cardId: first('cardLevel/0045'), expiry: first('cardLevel/00F2') };
}

/** Where the answers "Check the card" judged came from: a card in a reader, the simulator, or a transcript file. */
export type AnswerSource = 'card' | 'simulator' | 'transcript';

/**
 * The identity sentence: only a card in a reader "is" a My Number Card. The simulator answers as
 * one and a transcript replays one; neither may be called a card on screen.
 */
export function identitySentenceKey(isMyNumberCard: boolean, from: AnswerSource): MessageKey {
  if (!isMyNumberCard) return 'card.identity.other';
  return from === 'simulator' ? 'card.identity.myNumber.simulated' : from === 'transcript' ? 'card.identity.myNumber.recorded' : 'card.identity.myNumber';
}
