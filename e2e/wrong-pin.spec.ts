import { test, expect } from './support/test';
import { openPin, scanCard, startSimulator, submitPin } from './support/flows';

test('a wrong PIN lowers the count from 3 to 2 and says so', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);
  await expect(page.getByTestId('pin-tries-jpkiAuth')).toHaveAttribute('data-tries', '3');
  await openPin(page, 'jpkiAuth');
  await submitPin(page, '9999');
  await expect(page.getByTestId('pin-error')).toHaveAttribute('data-code', 'card/wrong-pin');
  await expect(page.getByTestId('pin-error')).toContainText('2 tries left');
  await expect(page.getByTestId('pin-dialog-tries')).toContainText('2 of 3');
  await page.getByTestId('pin-close').click();
  await expect(page.getByTestId('pin-tries-jpkiAuth')).toHaveAttribute('data-tries', '2');
});
