import { test, expect } from './support/test';
import { openPin, scanCard, startSimulator, verifyCommands } from './support/flows';

test('a malformed PIN is refused as typed and never sent, so no try is spent', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);
  const before = await verifyCommands(page);
  await openPin(page, 'jpkiAuth');
  await page.getByTestId('pin-input').fill('12a');
  await expect(page.getByTestId('pin-problem')).toHaveAttribute('data-problem', 'notDigits');
  await expect(page.getByTestId('pin-problem')).toContainText('Nothing has been sent');
  await expect(page.getByTestId('pin-submit')).toBeDisabled();
  await page.getByTestId('pin-input').press('Enter');
  await page.getByTestId('pin-input').fill('123');
  await expect(page.getByTestId('pin-problem')).toHaveAttribute('data-problem', 'length');
  await page.getByTestId('pin-close').click();

  const after = await verifyCommands(page);
  expect(after).toEqual(before);
  expect(after.filter((c) => c.includes('**'))).toEqual([]);
  await expect(page.getByTestId('pin-tries-jpkiAuth')).toHaveAttribute('data-tries', '3');
});
