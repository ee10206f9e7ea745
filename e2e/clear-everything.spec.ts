import { test, expect } from './support/test';
import { openLog, openPin, scanCard, startSimulator, submitPin } from './support/flows';

test('"Clear everything" forgets the card data and the log and returns to the start', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);
  await openPin(page, 'textPin');
  await submitPin(page, '1234');
  await openLog(page);
  await expect(page.getByTestId('apdu-row').first()).toBeVisible();

  await page.getByTestId('clear-all').click();
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await expect(page.getByTestId('matrix')).toHaveCount(0);
  await expect(page.getByTestId('apdu-row')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('見本');
  const stored = await page.evaluate(() => Object.keys(localStorage));
  expect(stored).toEqual(['mynalens.language']);
});
