import type { Page, Worker } from '@playwright/test';
import { test, expect } from './support/test';
import { scanCard, startSimulator } from './support/flows';

/** The card engine's worker (e2e/worker-chunk.spec.ts checks it is its own chunk). */
async function engineWorker(page: Page): Promise<Worker> {
  await expect.poll(() => page.workers().filter((w) => w.url().includes('engine.worker')).length).toBeGreaterThan(0);
  return page.workers().filter((w) => w.url().includes('engine.worker')).at(-1)!;
}

test.describe('the card engine worker is restarted when it dies', () => {
  test('a crash (an uncaught error in the worker) is reported in English, and the person can connect and scan again', async ({ page }) => {
    await startSimulator(page);
    await scanCard(page);
    const worker = await engineWorker(page);
    // No hook ships in the app: the test runs code inside the worker through the DevTools protocol.
    await worker.evaluate(() => {
      setTimeout(() => {
        throw new Error('e2e: the card engine crashes');
      });
    });
    const error = page.getByTestId('error');
    await expect(error).toHaveAttribute('data-code', 'engine/restarted');
    await expect(error).toContainText('restarted');
    await expect(error).toContainText('connect the card again and scan it once more');
    // Nothing read from the card is left on screen; the start screen is back.
    await expect(page.getByTestId('card-panel')).toHaveCount(0);
    await expect(page.getByTestId('apdu-row')).toHaveCount(0);

    await page.getByTestId('use-simulator').click();
    await expect(page.getByTestId('card-panel')).toBeVisible();
    await expect(error).toHaveCount(0);
    await scanCard(page);
    await expect(page.getByTestId('cell-jpki/000A-none')).toHaveAttribute('data-cell', 'read');
  });

  test('a worker that stops without a word (it closed itself) is noticed by the heartbeat, reported in Japanese, and replaced', async ({ page }) => {
    await startSimulator(page, { language: 'ja' });
    const worker = await engineWorker(page);
    await worker.evaluate(() => self.close());
    const error = page.getByTestId('error');
    await expect(error).toHaveAttribute('data-code', 'engine/restarted', { timeout: 20_000 });
    await expect(error).toContainText('再起動しました');
    await page.getByTestId('use-simulator').click();
    await scanCard(page);
    await expect(page.getByTestId('cell-jpki/000A-none')).toHaveAttribute('data-cell', 'read');
  });
});
