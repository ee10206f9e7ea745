/**
 * The User Timing mark the page leaves once the engine's rehearsal scan is done (AppState
 * `rehearseScan`): visible in the browser's performance panel, and what the click→summary bench
 * (scripts/bench-click-summary.ts) waits for before a person's first click, as a person reading
 * the start screen would.
 */
export const WARMED_UP_MARK = 'mynalens:warmed-up';

export function markWarmedUp(): void {
  globalThis.performance?.mark?.(WARMED_UP_MARK);
}
