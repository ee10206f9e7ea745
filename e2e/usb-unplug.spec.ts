import { test, expect } from './support/test';
import { countReadRows } from './support/flows';
import { emulator, openWithReader } from './support/usbEmulator';

test('the reader pulled out mid-scan: the error says so, what was read stays, re-plugging continues', async ({ page }) => {
  await openWithReader(page, 'scr3310');
  // Forty T=1 exchanges in (counted from before the connect: the scan starts as soon as the reader is chosen), the cable goes.
  await emulator(page, 'injectAfter', 40, { kind: 'unplug-during-command' });
  await page.getByTestId('connect-reader').click();

  await expect(page.getByTestId('card-interrupted')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('error')).toContainText('The reader was disconnected');
  const readBefore = await countReadRows(page);
  expect(readBefore).toBeGreaterThan(0);
  await expect(page.getByTestId('row-jpki/000A')).toHaveAttribute('data-status', 'read');

  await emulator(page, 'replug');
  await page.getByTestId('reconnect').click();
  await expect(page.getByTestId('card-panel')).toBeVisible();
  expect(await countReadRows(page)).toBeGreaterThanOrEqual(readBefore);
  // Continuing does not scan by itself: what was read stays until the person asks for the rest.
  await page.getByTestId('scan').click();
  await expect(page.getByTestId('no-pin-summary')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('scan')).toBeEnabled();
  expect(await countReadRows(page)).toBeGreaterThan(readBefore);
});

test('a card taken out during a scan: the error says so and the session can be reconnected', async ({ page }) => {
  await openWithReader(page, 'scr3310');
  await emulator(page, 'injectAfter', 20, { kind: 'remove-card-during-command' });
  await page.getByTestId('connect-reader').click();
  await expect(page.getByTestId('card-interrupted')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('error')).toContainText('The card was removed');
  await expect(page.getByTestId('reconnect')).toBeVisible();
});
