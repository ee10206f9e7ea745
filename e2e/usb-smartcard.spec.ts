import { scanCard } from './support/flows';
import { test, expect } from './support/test';
import { emulator } from './support/usbEmulator';

test('PC/SC through the Web Smart Card API: the reader is listed, the card scans, taking it out keeps the rows', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  await emulator(page, 'addSmartCardReader', { name: 'Simulated PC/SC reader 00 00' });
  await emulator(page, 'addSmartCardReader', { name: 'Empty reader 01 00', noCard: true });
  const section = page.getByTestId('smartcard-section');
  await section.getByTestId('smartcard-refresh').click();
  const items = section.getByTestId('smartcard-item');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('card in');
  await expect(items.nth(1)).toContainText('no card');
  await expect(items.nth(1).getByTestId('use-smartcard')).toBeDisabled();

  await items.nth(0).getByTestId('use-smartcard').click();
  await expect(page.getByTestId('card-panel')).toContainText('PC/SC reader Simulated PC/SC reader 00 00');
  await expect(page.getByTestId('atr')).toHaveText('3B E0 00 FF 81 31 FE 45 14');
  await scanCard(page);
  await expect(page.getByTestId('row-jpki/000A')).toHaveAttribute('data-status', 'read');

  await emulator(page, 'removeSmartCard', 'Simulated PC/SC reader 00 00');
  await expect(page.getByTestId('card-interrupted')).toBeVisible();
  await expect(page.getByTestId('error')).toContainText('The card was removed');
  await expect(page.getByTestId('row-jpki/000A')).toHaveAttribute('data-status', 'read');
});
