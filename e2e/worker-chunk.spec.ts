import type { Page } from '@playwright/test';
import { test, expect } from './support/test';
import { waitForWarmedUp } from './support/flows';
import { WARMED_UP_MARK } from '../src/ui/store/warmedUpMark';

/**
 * A page that never finds an idle moment: what loads here loads for start-up or for a gesture,
 * not for the start screen's idle rehearsal (ui/whenIdle.ts, worker/warmUp.ts), tested below.
 */
async function neverIdle(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0;
    window.cancelIdleCallback = () => undefined;
  });
}

test('the card engine runs in its own worker chunk, and the simulator and OpenJPEG are no start-up chunks', async ({ page, baseURL }) => {
  await neverIdle(page);
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script' || r.url().endsWith('.wasm')) scripts.push(new URL(r.url()).pathname);
  });
  const workerStarted = page.waitForEvent('worker');
  await page.goto('/');
  const worker = await workerStarted;
  // Architecture rule 9: a bundler that inlined the engine into the page would leave no worker file.
  expect(new URL(worker.url()).origin).toBe(new URL(baseURL!).origin);
  expect(new URL(worker.url()).pathname).toMatch(/^\/assets\/engine\.worker-[\w-]+\.js$/);
  expect(scripts.some((s) => s.endsWith('.wasm'))).toBe(false);
  const beforeSimulator = scripts.length;

  await page.getByTestId('lang-en').click();
  await page.getByTestId('use-simulator').click();
  await expect(page.getByTestId('atr')).toBeVisible();
  // The simulator (card image, keys) arrives only now, as chunks of its own.
  await expect.poll(() => scripts.length).toBeGreaterThan(beforeSimulator);
});

/** pkijs's classes keep their CLASS_NAME strings through minifying; our own code only names them as properties. */
const PKIJS = /CLASS_NAME\s*=\s*[`"']SignedAndUnsignedAttributes/;

test('pkijs is not loaded at start-up; it loads, from the app\'s origin, once the person turns to a way in', async ({ page, baseURL }) => {
  await neverIdle(page);
  const loaded: { url: string; pkijs: Promise<boolean> }[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() !== 'script') return;
    loaded.push({ url: r.url(), pkijs: r.text().then((text) => PKIJS.test(text), () => false) });
  });
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  // The engine worker's chunk is in (it imports no other chunk statically; the bundle bench checks what it would).
  await expect.poll(() => loaded.some((s) => /engine\.worker-/.test(s.url))).toBe(true);
  await expect(page.getByTestId('use-simulator')).toBeEnabled();
  const atStart = [...loaded];
  expect(await Promise.all(atStart.map((s) => s.pkijs))).not.toContain(true);

  // Pointing at the simulator is enough: what its scan needs comes in before the click (worker/warmUp.ts).
  await page.getByTestId('use-simulator').hover();
  await expect.poll(async () => (await Promise.all(loaded.map((s) => s.pkijs))).includes(true)).toBe(true);
  await page.getByTestId('use-simulator').click();
  await expect(page.getByTestId('atr')).toBeVisible();
  await expect.poll(async () => (await Promise.all(loaded.map(async (s) => ((await s.pkijs) ? s.url : null)))).filter(Boolean)).toHaveLength(1);
  const withPkijs = (await Promise.all(loaded.map(async (s) => ((await s.pkijs) ? s.url : null)))).find(Boolean)!;
  expect(new URL(withPkijs).origin).toBe(new URL(baseURL!).origin);
  await page.getByTestId('scan').click();
  await expect(page.getByTestId('no-pin-summary')).toBeVisible();
});

test('while the start screen sits idle the engine rehearses a scan: pkijs, the simulator and OpenJPEG come in from the app\'s origin before any choice, and nothing shows it', async ({ page, baseURL }) => {
  const loaded: { url: string; pkijs: Promise<boolean> }[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() !== 'script' && !r.url().endsWith('.wasm')) return;
    loaded.push({ url: r.url(), pkijs: r.text().then((text) => PKIJS.test(text), () => false) });
  });
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  await waitForWarmedUp(page);
  expect(await Promise.all(loaded.map((s) => s.pkijs))).toContain(true);
  expect(loaded.some((s) => s.url.endsWith('.wasm'))).toBe(true);
  expect(loaded.every((s) => new URL(s.url).origin === new URL(baseURL!).origin)).toBe(true);
  // The rehearsal's card is the engine's own: the page still shows the start screen and an empty log.
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await expect(page.getByTestId('apdu-log-panel')).toContainText('No commands sent yet.');
  await expect(page.getByTestId('apdu-log-fold')).toHaveCount(0);
  // Its card view was drawn off the page, once: the card view's chunk came in, and nothing of the
  // drawing is in the document — no headline, no matrix, no second log.
  expect(loaded.some((s) => /\/CardView-[^/]*\.js$/.test(s.url))).toBe(true);
  // So did the views a connected card brings in, which at the first connection competed with its scan.
  for (const view of ['ServicesView', 'PinDialog', 'RowDetail', 'ExportTranscriptDialog']) {
    expect(loaded.some((s) => new RegExp(`/${view}-[^/]*\\.js$`).test(s.url)), view).toBe(true);
  }
  await expect(page.getByTestId('headline')).toHaveCount(0);
  await expect(page.getByTestId('matrix')).toHaveCount(0);
  await expect(page.getByTestId('apdu-log-panel')).toHaveCount(1);
});

test('the rehearsal\'s off-page drawing of the card view leaves the start screen where the person scrolled it', async ({ page }) => {
  // The page's idle moments, held until the test lets them run: the person has scrolled first.
  await page.addInitScript(() => {
    const held: IdleRequestCallback[] = [];
    Object.assign(window, { heldIdle: held });
    window.requestIdleCallback = (callback) => held.push(callback);
    window.cancelIdleCallback = () => undefined;
  });
  await page.setViewportSize({ width: 390, height: 500 });
  await page.goto('/');
  await page.getByTestId('use-simulator').scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  expect(await page.evaluate((mark) => performance.getEntriesByName(mark).length, WARMED_UP_MARK)).toBe(0);
  await page.evaluate(() => {
    const held = (window as unknown as { heldIdle: IdleRequestCallback[] }).heldIdle;
    for (const callback of held.splice(0)) callback({ didTimeout: false, timeRemaining: () => 50 });
  });
  await waitForWarmedUp(page);
  // Still scrolled down at the ways in. Not an exact offset: a banner appearing above meanwhile
  // ("ready to work offline") shifts the page by its height, and the browser's scroll anchoring
  // keeps what the person looks at in place.
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await expect(page.getByTestId('use-simulator')).toBeInViewport();
  await expect(page.getByTestId('start-screen')).toBeVisible();
});
