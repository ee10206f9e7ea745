import { test, expect } from './support/test';
import { scanCard } from './support/flows';

test('the card check names the card, its ATR, the applets that answered and the card ID and expiry read with no PIN; its APDUs are in the log', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('use-simulator').click();
  await expect(page.getByTestId('atr')).toHaveText('3B E0 00 FF 81 31 FE 45 14');
  // Choosing the simulator scanned it; the check comes after, with what the scan read.
  await scanCard(page);
  const before = await page.getByTestId('apdu-row').count();

  await page.getByTestId('check-card').click();
  const identity = page.getByTestId('identity');
  await expect(identity).toContainText('JPKIAPICCTOKEN2');
  // The virtual card answers as a My Number Card; it is never called one.
  await expect(identity).toContainText('not a real one');
  await expect(identity).not.toContainText('This is a My Number Card');
  await expect(identity.getByTestId('card-check-atr')).toHaveAttribute('data-known', 'true');
  await expect(identity.getByTestId('card-check-applets')).toContainText('JPKI');
  await expect(identity.getByTestId('card-check-applets')).toContainText('Card face check');
  await expect(identity.getByTestId('card-check-id')).toContainText('read with no PIN');
  await expect(identity.getByTestId('card-check-expiry')).toContainText(/\d{4}/);

  const rows = page.getByTestId('apdu-row');
  await expect(rows).toHaveCount(before + 3);
  await expect(rows.nth(before)).toContainText('SELECT JPKI AP');
  await expect(rows.nth(before)).toContainText('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
  await expect(rows.nth(before + 2)).toContainText('READ BINARY');
  await expect(rows.nth(before + 2)).toContainText('4A 50 4B 49 41 50 49 43 43 54 4F 4B 45 4E 32');
  await expect(rows.nth(before + 2)).toContainText('9000');
});

test('the language follows the switch and is remembered across a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('lang-ja').click();
  await expect(page.getByTestId('use-simulator')).toHaveText('シミュレーターを使う');
  await page.reload();
  await expect(page.getByTestId('use-simulator')).toHaveText('シミュレーターを使う');
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('use-simulator')).toHaveText('Use the simulator');
});
