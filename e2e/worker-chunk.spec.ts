import { test, expect } from './support/test';

test('the card engine runs in its own worker chunk, and the simulator and OpenJPEG load only when used', async ({ page, baseURL }) => {
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
