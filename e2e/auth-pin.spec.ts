import { test, expect } from './support/test';
import { openPin, scanCard, startSimulator, submitPin } from './support/flows';

test('the authentication PIN is accepted and opens no further file: the signature certificate and the 券面 APs stay locked', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);
  await openPin(page, 'jpkiAuth');
  await expect(page.getByTestId('pin-dialog-tries')).toContainText('3 of 3');
  await submitPin(page, '1234');
  await expect(page.getByTestId('pin-opened')).toContainText('opens no further files');

  await expect(page.getByTestId('pin-jpkiAuth')).toContainText('Verified');
  await expect(page.getByTestId('pin-tries-jpkiAuth')).toHaveAttribute('data-tries', '3');
  for (const key of ['jpki/0001', 'text/0001', 'text/0002', 'visual/0002']) {
    await expect(page.getByTestId(`row-${key}`)).not.toHaveAttribute('data-status', 'read');
  }
});
