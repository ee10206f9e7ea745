/**
 * The User Timing mark the page leaves once its start-up work is done: the engine's rehearsal
 * scan, its drawing, then the work held back behind them — the service worker's first install
 * (AppState `rehearseScan`). Visible in the browser's performance panel, and what the
 * click→summary bench (scripts/bench-click-summary.ts) waits for before a person's first click,
 * as a person reading the start screen would.
 */
export const WARMED_UP_MARK = 'mynalens:warmed-up';

export function markWarmedUp(): void {
  globalThis.performance?.mark?.(WARMED_UP_MARK);
}
