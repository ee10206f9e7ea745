import type { Page } from '@playwright/test';
import { test, expect } from './support/test';
import { enterPin, openPin, openRow, scanCard, startSimulator, submitPin } from './support/flows';

/** Card data of the simulator's adult holder (README "Simulator holders") that must never be stored. */
const CARD_DATA = ['見本', '花子', '千代田区', '123456789018', '1234 5678 9018', '19850612', '60061220354821', 'MYNA2026'];

/** Everything the origin keeps in browser storage, read inside the page. */
async function storageDump(page: Page) {
  return page.evaluate(async () => {
    const entries = (storage: Storage) => Object.fromEntries(Array.from({ length: storage.length }, (_, i) => storage.key(i)!).map((k) => [k, storage.getItem(k)]));
    const databases: Record<string, unknown> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const stores: Record<string, unknown[]> = {};
      for (const store of Array.from(db.objectStoreNames)) {
        stores[store] = await new Promise<unknown[]>((resolve, reject) => {
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        });
      }
      db.close();
      databases[name] = stores;
    }
    const caches: Record<string, string[]> = {};
    for (const name of await window.caches.keys()) {
      caches[name] = (await (await window.caches.open(name)).keys()).map((request) => request.url);
    }
    return { local: entries(localStorage), session: entries(sessionStorage), databases, caches };
  });
}

test('after a full scan and a PIN journey, browser storage holds no card data: only the language, and the service worker’s copy of the app', async ({ page, baseURL }) => {
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await startSimulator(page);
  await scanCard(page);
  for (const pinId of ['jpkiAuth', 'textPin']) {
    await enterPin(page, pinId, '1234');
  }
  await openPin(page, 'jpkiSign');
  await submitPin(page, 'MYNA2026');
  // The My Number on screen, revealed: it still must not reach storage.
  await openRow(page, 'text/0001');
  await page.getByTestId('my-number-reveal').click();
  await expect(page.getByTestId('my-number-value')).toHaveText('1234 5678 9018');

  const dump = await storageDump(page);
  // Only the language preference persists (house rule 10).
  expect(dump.local).toEqual({ 'mynalens.language': 'en' });
  expect(dump.session).toEqual({});
  const text = JSON.stringify({ local: dump.local, session: dump.session, databases: dump.databases });
  for (const datum of CARD_DATA) expect(text, `storage holds "${datum}"`).not.toContain(datum);
  // Certificates (DER 30 82 …) would show up as base64 "MII" or hex "3082".
  expect(text).not.toMatch(/MII[A-Za-z0-9+/]{20}|3082[0-9A-F]{20}/i);
  // CacheStorage: the service worker's precache of the app's own build files, nothing else.
  const origin = new URL(baseURL!).origin;
  expect(Object.keys(dump.caches).every((name) => name.startsWith('workbox-precache'))).toBe(true);
  const urls = Object.values(dump.caches).flat();
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) {
    const { origin: from, pathname } = new URL(url);
    expect(from).toBe(origin);
    expect(pathname).toMatch(/^\/(index\.html|manifest\.webmanifest|robots\.txt|sw\.js|workbox-[\w-]+\.js|assets\/[\w.-]+|icons\/[\w.-]+)$/);
  }
});
