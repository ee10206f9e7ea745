import { test, expect } from './support/test';
import { openPin, scanCard, startSimulator } from './support/flows';

test('the matrix, summary, PINs and dialogs follow the language switch', async ({ page }) => {
  await startSimulator(page, { language: 'en' });
  await scanCard(page);
  await expect(page.locator('#matrix-heading')).toHaveText('Exposure matrix');
  await page.getByTestId('lang-ja').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.locator('#matrix-heading')).toHaveText('読み取れる情報の一覧');
  await expect(page.locator('#summary-heading')).toContainText('暗証番号なしで読めます');
  await expect(page.getByTestId('cell-jpki/0001-none')).toContainText('署名用パスワード');
  await expect(page.getByTestId('row-open-jpki/000A')).toHaveText('利用者証明用電子証明書');
  await openPin(page, 'jpkiAuth');
  await expect(page.getByTestId('pin-dialog-tries')).toContainText('残り回数：3 回');
  await page.getByTestId('pin-close').click();
  await page.getByTestId('lang-en').click();
  await openPin(page, 'jpkiAuth');
  await expect(page.getByTestId('pin-dialog-tries')).toContainText('3 of 3');
});
