import { Workbox } from 'workbox-window';

/** What the page learns from the service worker, for the UI to show. */
export type PwaStatus = 'offline-ready' | 'update-available';

/**
 * Registers the service worker that precaches the whole app (workbox-window), reports when the
 * app works offline and when a new version is waiting, and returns a function that activates
 * the waiting version and reloads. Knows nothing of cards.
 *
 * The installed app (Isolated Web App) registers none: every file it has is in its bundle, so a
 * cache adds nothing, and it must never say "ready to work offline" on a worker's word.
 */
export function registerServiceWorker(onStatus: (status: PwaStatus) => void): { applyUpdate(): void } | null {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV || import.meta.env.INSTALLED_APP) return null;
  const workbox = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  workbox.addEventListener('installed', (event) => {
    if (!event.isUpdate) onStatus('offline-ready');
  });
  workbox.addEventListener('waiting', () => onStatus('update-available'));
  void workbox.register();
  return {
    applyUpdate() {
      workbox.addEventListener('controlling', () => window.location.reload());
      workbox.messageSkipWaiting();
    },
  };
}
