import { test, expect } from './support/test';

test('the simulator answers the card check with the My Number Card token, shown in the APDU log', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('use-simulator').click();
  await expect(page.getByTestId('atr')).toHaveText('3B E0 00 FF 81 31 FE 45 14');

  await page.getByTestId('check-card').click();
  await expect(page.getByTestId('identity')).toContainText('JPKIAPICCTOKEN2');

  const rows = page.getByTestId('apdu-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('SELECT JPKI AP');
  await expect(rows.nth(0)).toContainText('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
  await expect(rows.nth(2)).toContainText('READ BINARY');
  await expect(rows.nth(2)).toContainText('4A 50 4B 49 41 50 49 43 43 54 4F 4B 45 4E 32');
  await expect(rows.nth(2)).toContainText('9000');
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
