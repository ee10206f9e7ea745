import { openPin, scanCard, submitPin } from './support/flows';
import { test, expect } from './support/test';
import { connectReader, emulator, openWithReader } from './support/usbEmulator';

test('through the PaSoRi RC-S380 emulator: the no-PIN scan and a PIN, over Port-100, Type B and ISO-DEP', async ({ page }) => {
  await openWithReader(page, 'rcs380');
  await expect(page.getByTestId('reader-guidance')).toContainText('RC-S380');
  await connectReader(page);
  await expect(page.getByTestId('card-panel')).toContainText('RC-S380/S (simulated)');
  await expect(page.getByTestId('atr')).toContainText('3B 88 80 01');

  await scanCard(page);
  await expect(page.getByTestId('row-jpki/000A')).toHaveAttribute('data-status', 'read');
  await openPin(page, 'textPin');
  await submitPin(page, '1234');
  await expect(page.getByTestId('pin-opened')).toBeVisible();
  await page.getByTestId('pin-close').click();
  await expect(page.getByTestId('row-text/0001')).toHaveAttribute('data-status', 'read');
  const withPin = page.getByTestId('apdu-row').filter({ hasText: 'VERIFY' }).getByTestId('apdu-command').filter({ hasText: 'PIN hidden' });
  await expect(withPin).toHaveText(['00 20 00 91 ** PIN hidden **']);

  await page.getByTestId('reader-check-open').click();
  await expect(page.getByTestId('reader-check-level')).toContainText('contactless');
  await expect(page.getByTestId('reader-check-protocol')).toContainText('ISO-DEP');
  await expect(page.getByTestId('reader-check-frames')).toContainText('FSC 256');
});

test('the card lifted off the RC-S380 mid-scan: the error says so and what was read stays', async ({ page }) => {
  await openWithReader(page, 'rcs380');
  await connectReader(page);
  await emulator(page, 'injectAfter', 30, { kind: 'remove-card-mid-chain' });
  await page.getByTestId('scan').click();
  await expect(page.getByTestId('card-interrupted')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('error')).toContainText('The card was removed');
  expect(await page.locator('tr[data-status="read"]').count()).toBeGreaterThan(0);
  await expect(page.getByTestId('reconnect')).toBeVisible();
});
