/** How long work waits for an idle moment before it runs anyway. */
const IDLE_TIMEOUT_MS = 2000;
/** Where the browser has no idle callback (Safari): a pause long enough for the first paint. */
const FALLBACK_DELAY_MS = 300;

/**
 * Runs `work` once the page is idle — after the first paint and the person's first look, never
 * in the way of either — or within two seconds at the latest. Returns what cancels it.
 */
export function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => work(), { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, FALLBACK_DELAY_MS);
  return () => clearTimeout(id);
}
