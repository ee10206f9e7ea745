import { test, expect } from './support/test';
import { openPin, scanCard, startSimulator, submitPin } from './support/flows';

test('with one try left the dialog warns and sends only after an explicit confirmation', async ({ page }) => {
  await startSimulator(page, { cardState: 'authLastTry' });
  await scanCard(page);
  await expect(page.getByTestId('pin-tries-jpkiAuth')).toHaveAttribute('data-tries', '1');
  await openPin(page, 'jpkiAuth');
  await expect(page.getByTestId('pin-dialog-tries')).toContainText('1 of 3');
  await expect(page.getByTestId('pin-last-try')).toContainText('last try');
  await page.getByTestId('pin-input').fill('1234');
  await expect(page.getByTestId('pin-submit')).toBeDisabled();
  await page.getByTestId('pin-input').press('Enter');
  await expect(page.getByTestId('pin-input')).toHaveValue('1234');

  await page.getByTestId('pin-input').fill('');
  await submitPin(page, '1234', { confirmLastTry: true });
  await expect(page.getByTestId('pin-opened')).toBeVisible();
  await expect(page.getByTestId('pin-tries-jpkiAuth')).toHaveAttribute('data-tries', '3');
});
