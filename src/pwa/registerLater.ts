/** The parts of `window` read here. */
export interface LoadingWindow {
  readonly document: { readonly readyState: DocumentReadyState };
  addEventListener(type: 'load', listener: () => void, options: { once: true }): void;
  setTimeout(run: () => void, ms: number): unknown;
}

/**
 * The service worker's first install fetches and stores the whole app, so the page registers it
 * only once its own start-up work is done (`now`, called when the rehearsal ends) — or
 * `atTheLatestMs` after the page loaded, for a page that never rehearses (a card connected before
 * the page was idle), which still gets its offline copy. `register` must be safe to call twice
 * (`ServiceWorkerControl.register` is).
 */
export function registerLater(register: () => Promise<void>, win: LoadingWindow, atTheLatestMs: number): { now(): Promise<void> } {
  const atTheLatest = () => void win.setTimeout(() => void register(), atTheLatestMs);
  if (win.document.readyState === 'complete') atTheLatest();
  else win.addEventListener('load', atTheLatest, { once: true });
  return { now: register };
}
