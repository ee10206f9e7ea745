import { test, expect } from './support/test';
import { enterPin, openRow, scanCard, startSimulator } from './support/flows';

test('visual PIN-B (birth date + expiry year + security code) opens the card face', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);
  await enterPin(page, 'visualPinB', '60061220354821');

  await expect(page.getByTestId('row-visual/0002')).toHaveAttribute('data-status', 'read');
  await expect(page.getByTestId('row-visual/0005')).not.toHaveAttribute('data-status', 'read');
  await openRow(page, 'visual/0002');
  await expect(page.getByTestId('row-detail')).toContainText('12 June 2035');
  await expect(page.getByTestId('card-image').first()).toBeVisible();
});
