import type { ExposureRowView, PinKey, PinStateView } from '../../protocol';

/** Replaces items with the same key and appends new ones, keeping the engine's order. */
function mergeBy<T>(current: readonly T[], incoming: readonly T[], keyOf: (item: T) => string): readonly T[] {
  if (incoming.length === 0) return current;
  const byKey = new Map(incoming.map((r) => [keyOf(r), r]));
  const merged = current.map((r) => byKey.get(keyOf(r)) ?? r);
  const known = new Set(current.map(keyOf));
  for (const r of incoming) {
    // A key new here and updated later in the same batch is added once, at its first place, as its latest.
    if (known.has(keyOf(r))) continue;
    known.add(keyOf(r));
    merged.push(byKey.get(keyOf(r))!);
  }
  return merged;
}

/** Replaces rows with the same key and appends new ones, keeping the engine's order. */
export const mergeRows = (current: readonly ExposureRowView[], incoming: readonly ExposureRowView[]) => mergeBy(current, incoming, (r) => r.key);

/**
 * Replaces PIN states with the same PIN and appends new ones: the engine sends only the states
 * that changed, the first time on a connection all of them in card order.
 */
export const mergePins = (current: readonly PinStateView[], incoming: readonly PinStateView[]) => mergeBy(current, incoming, (p) => p.pinId);

/** Applies a refusal's news to one PIN (docs/card-reference.md §2: 63Cx gives the new count, 6983 the block). */
export function updatePinCount(pins: readonly PinStateView[], pinId: PinKey, triesLeft: number): readonly PinStateView[] {
  return pins.map((p) => (p.pinId === pinId ? { ...p, triesLeft, blocked: triesLeft === 0, verified: false } : p));
}
