import { Workbox } from 'workbox-window';
import { firstInstallSettled } from './firstInstall';

/** What the page learns from the service worker, for the UI to show. */
export type PwaStatus = 'offline-ready' | 'update-available';

/** The page's service worker, registered when the page asks (`register`), not while it starts. */
export interface ServiceWorkerControl {
  /**
   * Registers the worker, once (later calls return the same promise): it resolves when the
   * worker's first install has settled — the whole app precached, or nothing to install (a later
   * visit), or a failed registration, which the page can live without.
   */
  register(): Promise<void>;
  /** Activates the waiting version and reloads the page under it. */
  applyUpdate(): void;
}

/**
 * The service worker that precaches the whole app (workbox-window): reports when the app works
 * offline and when a new version is waiting. Knows nothing of cards.
 *
 * Registering is left to the page (`register`) because the first install fetches and stores every
 * file of the app: on a two-core machine that took a core from whatever ran beside it, and the
 * first scan after it waited about 30 ms longer (issue "speed to the physical limit" §3). The
 * page registers once its own start-up work is done (main.tsx, registerLater.ts).
 *
 * The installed app (Isolated Web App) registers none: every file it has is in its bundle, so a
 * cache adds nothing, and it must never say "ready to work offline" on a worker's word.
 */
export function registerServiceWorker(onStatus: (status: PwaStatus) => void): ServiceWorkerControl | null {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV || import.meta.env.INSTALLED_APP) return null;
  const workbox = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  workbox.addEventListener('installed', (event) => {
    if (!event.isUpdate) onStatus('offline-ready');
  });
  workbox.addEventListener('waiting', () => onStatus('update-available'));
  let registered: Promise<void> | null = null;
  return {
    register() {
      registered ??= workbox.register().then(
        (registration) => (registration ? firstInstallSettled(registration) : undefined),
        () => undefined,
      );
      return registered;
    },
    applyUpdate() {
      workbox.addEventListener('controlling', () => window.location.reload());
      workbox.messageSkipWaiting();
    },
  };
}
