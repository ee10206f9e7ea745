import { test, expect } from './support/test';
import { openPin, openRow, scanCard, startSimulator, submitPin } from './support/flows';

test('visual PIN-A (the My Number) opens the card face with the face photo drawn', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);
  await openPin(page, 'visualPinA');
  await expect(page.getByTestId('pin-dialog-tries')).toContainText('10 of 10');
  await submitPin(page, '123456789018');
  await expect(page.getByTestId('pin-opened')).toBeVisible();

  await expect(page.getByTestId('row-visual/0002')).toHaveAttribute('data-status', 'read');
  await openRow(page, 'visual/0002');
  const images = page.getByTestId('card-image');
  await expect(images.first()).toBeVisible();
  const photo = images.filter({ hasText: /photo/i }).locator('img');
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
});

test('a PIN whose maximum tries no source establishes shows the count the card gave, never "of N" (docs/card-reference.md §15.7)', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);
  const textPinA = page.getByTestId('pin-tries-textPinA');
  await expect(textPinA).toHaveAttribute('data-tries', '10');
  await expect(textPinA).toHaveText('Tries left: 10');
  await openPin(page, 'textPinA');
  await expect(page.getByTestId('pin-dialog-tries')).toHaveText('Tries left before you type: 10.');
});
