import type { Page } from '@playwright/test';
import { test, expect } from './support/test';
import { openRow, scanCard, startSimulator } from './support/flows';

/** The start screen's one sentence, then the choice: the scan runs by itself, its progress in a live region. */
async function startAndWatchProgress(page: Page, language: 'ja' | 'en'): Promise<void> {
  await page.goto('/');
  await page.getByTestId(`lang-${language}`).click();
  await expect(page.getByTestId('start-lead')).toContainText(language === 'ja' ? '暗証番号なしで' : 'with no PIN');
  // Record, as it happens, whether the progress panel with its status line was ever put in the page.
  await page.evaluate(() => {
    (window as unknown as { __progressSeen: boolean }).__progressSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="scan-progress"] [role="status"]')) (window as unknown as { __progressSeen: boolean }).__progressSeen = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await startSimulator(page, { language, navigate: false });
  await scanCard(page);
  expect(await page.evaluate(() => (window as unknown as { __progressSeen: boolean }).__progressSeen)).toBe(true);
}

/** Every serial mark on the page: its text and its colour. */
async function marks(page: Page): Promise<{ text: string; background: string }[]> {
  return page.getByTestId('serial-mark').evaluateAll((els) => els.map((el) => ({ text: el.textContent ?? '', background: getComputedStyle(el).backgroundColor })));
}

for (const language of ['ja', 'en'] as const) {
  test(`the scanned view leads with the auth certificate's serial, read with no PIN, marked alike everywhere (${language})`, async ({ page }) => {
    await startAndWatchProgress(page, language);
    // No "Scan the card" press was needed: the headline is there, above the PINs.
    const headline = page.getByTestId('headline');
    await expect(headline).toContainText(language === 'ja' ? '暗証番号なしで読めます' : 'Readable with no PIN');
    await expect(headline).toContainText(language === 'ja' ? 'ログインしたサービス' : 'every service you log in to');
    const serial = (await headline.getByTestId('serial-mark').textContent())!;
    expect(serial).toMatch(/^[0-9A-F]{6,}$/);
    await expect(headline).toHaveAttribute('data-serial', serial);
    // The first screen shows the whole headline: the ways in sit low on the start screen, and the
    // page scrolled to reach one must not open the result scrolled past the headline's start.
    const headlineTop = await headline.evaluate((element) => element.getBoundingClientRect().top);
    const headlineBottom = await headline.evaluate((element) => element.getBoundingClientRect().bottom);
    expect(headlineTop).toBeGreaterThanOrEqual(0);
    expect(headlineBottom).toBeLessThanOrEqual(page.viewportSize()!.height);
    const summaryBox = (await page.getByTestId('no-pin-summary').boundingBox())!;
    const pinsBox = (await page.getByTestId('pin-list').boundingBox())!;
    expect(summaryBox.y).toBeLessThan(pinsBox.y);
    // Other no-PIN facts follow the headline.
    await expect(page.getByTestId('fact-cardSerial')).toBeVisible();

    // The certificate detail shows the same serial, in the same mark.
    await openRow(page, 'jpki/000A');
    await expect(page.getByTestId('row-detail').getByTestId('serial-mark')).toHaveText(serial);
    // Its hex (the key's modulus, the signature, the raw bytes) waits behind "technical details".
    await expect(page.getByTestId('detail-raw-view')).toBeHidden();
    await page.getByTestId('detail-raw').click();
    await expect(page.getByTestId('detail-raw-view')).toBeVisible();
    const inDetail = await marks(page);
    await page.getByTestId('detail-close').click();

    // One click: the service view, where a service reads the same number with no PIN.
    await page.getByTestId('see-services-link').click();
    await expect(page.getByTestId('services-view')).toBeVisible();
    await expect(page.getByTestId('nopin-serial').getByTestId('serial-mark')).toHaveText(serial);
    const inServices = await marks(page);

    const all = [...inDetail, ...inServices];
    expect(new Set(all.map((m) => m.text))).toEqual(new Set([serial]));
    expect(new Set(all.map((m) => m.background)).size).toBe(1);
    expect(all[0]!.background).not.toBe('rgba(0, 0, 0, 0)');
  });
}

test('a transcript speaks of the recorded card, and still names only the serial it read', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);
  const serial = (await page.getByTestId('headline').getByTestId('serial-mark').textContent())!;
  const recorded = page.waitForEvent('download');
  await page.getByTestId('export-transcript').click();
  await page.getByTestId('export-full-save').click();
  const path = (await (await recorded).path())!;
  await page.getByTestId('clear-all').click();
  await page.getByTestId('transcript-input').setInputFiles(path);
  await scanCard(page);
  const headline = page.getByTestId('headline');
  await expect(headline).toContainText('in this recording');
  await expect(headline).not.toContainText('your authentication certificate');
  await expect(headline.getByTestId('serial-mark')).toHaveText(serial);
});
