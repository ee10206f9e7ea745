import { test, expect } from './support/test';
import { enterPin, openRow, scanCard, startSimulator } from './support/flows';

test('the text PIN opens the My Number, masked until Reveal, and the four facts', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);
  await enterPin(page, 'textPin', '1234');

  await expect(page.getByTestId('row-text/0001')).toHaveAttribute('data-status', 'read');
  await openRow(page, 'text/0001');
  const value = page.getByTestId('my-number-value');
  await expect(value).toHaveText('●●●● ●●●● 9018');
  await expect(page.getByTestId('my-number-note')).toContainText('特定個人情報');
  await expect(page.locator('body')).not.toContainText('123456789018');
  await expect(page.locator('body')).not.toContainText('1234 5678');
  await page.getByTestId('my-number-reveal').click();
  await expect(value).toHaveText('1234 5678 9018');
  expect((await value.innerText()).replace(/\s/g, '')).toBe('123456789018');
  await page.getByTestId('detail-close').click();

  await openRow(page, 'text/0002');
  const detail = page.getByTestId('row-detail');
  await expect(detail).toContainText('見本　花子');
  await expect(detail).toContainText('東京都千代田区見本町一丁目２番３号');
  await expect(detail).toContainText('12 June 1985');
  await expect(detail).toContainText('female');
});
