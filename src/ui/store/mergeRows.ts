import type { ExposureRowView, PinKey, PinStateView } from '../../protocol';

/** Replaces rows with the same key and appends new ones, keeping the engine's order. */
export function mergeRows(current: readonly ExposureRowView[], incoming: readonly ExposureRowView[]): readonly ExposureRowView[] {
  if (incoming.length === 0) return current;
  const byKey = new Map(incoming.map((r) => [r.key, r]));
  const merged = current.map((r) => byKey.get(r.key) ?? r);
  const known = new Set(current.map((r) => r.key));
  for (const r of incoming) {
    // A key new here and updated later in the same batch is added once, at its first place, as its latest.
    if (known.has(r.key)) continue;
    known.add(r.key);
    merged.push(byKey.get(r.key)!);
  }
  return merged;
}

/** Applies a refusal's news to one PIN (docs/card-reference.md §2: 63Cx gives the new count, 6983 the block). */
export function updatePinCount(pins: readonly PinStateView[], pinId: PinKey, triesLeft: number): readonly PinStateView[] {
  return pins.map((p) => (p.pinId === pinId ? { ...p, triesLeft, blocked: triesLeft === 0, verified: false } : p));
}
