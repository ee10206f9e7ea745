import { test, expect } from './support/test';
import { openPin, scanCard, startSimulator, submitPin, verifyCommands } from './support/flows';

const withData = (commands: string[]) => commands.filter((c) => c.includes('**'));

test('a card with the PIN already blocked shows it blocked and never sends it', async ({ page }) => {
  await startSimulator(page, { cardState: 'authBlocked' });
  await scanCard(page);
  await expect(page.getByTestId('pin-blocked-jpkiAuth')).toBeVisible();
  await openPin(page, 'jpkiAuth');
  await expect(page.getByTestId('pin-blocked-explanation')).toContainText('municipal office');
  await expect(page.getByTestId('pin-blocked-explanation')).toContainText('lost or stolen card, not for a forgotten PIN');
  await expect(page.getByTestId('pin-input')).toHaveCount(0);
  await page.getByTestId('pin-close').click();
  expect(withData(await verifyCommands(page))).toEqual([]);
});

test('a wrong last try blocks the PIN, which is never sent again', async ({ page }) => {
  await startSimulator(page, { cardState: 'authLastTry' });
  await scanCard(page);
  await openPin(page, 'jpkiAuth');
  await submitPin(page, '0000', { confirmLastTry: true });
  await expect(page.getByTestId('pin-blocked-explanation')).toBeVisible();
  await expect(page.getByTestId('pin-input')).toHaveCount(0);
  await page.getByTestId('pin-close').click();
  await expect(page.getByTestId('pin-blocked-jpkiAuth')).toBeVisible();
  const afterBlock = withData(await verifyCommands(page));
  expect(afterBlock).toHaveLength(1);

  await page.getByTestId('scan').click();
  await expect(page.getByTestId('scan')).toHaveText('Scan again');
  await openPin(page, 'jpkiAuth');
  await expect(page.getByTestId('pin-blocked-explanation')).toBeVisible();
  await page.getByTestId('pin-close').click();
  expect(withData(await verifyCommands(page))).toEqual(afterBlock);
});
