import { scanCard } from './support/flows';
import { test, expect } from './support/test';
import { connectReader, openWithReader } from './support/usbEmulator';

test('through the PaSoRi RC-S300 emulator (vendor interface): marked experimental, and the no-PIN scan runs', async ({ page }) => {
  await openWithReader(page, 'rcs300');
  await connectReader(page);
  await expect(page.getByTestId('card-panel')).toContainText('RC-S300/S (simulated)');
  await scanCard(page);
  await expect(page.getByTestId('row-jpki/000A')).toHaveAttribute('data-status', 'read');
  await page.getByTestId('reader-check-open').click();
  await expect(page.getByTestId('reader-check-experimental')).toBeVisible();
  await expect(page.getByTestId('reader-check-protocol')).toContainText('ISO-DEP');

  // Back on the start screen the reader is listed with its experimental mark.
  await page.getByTestId('disconnect').click();
  await expect(page.getByTestId('reader-item')).toContainText('RC-S300');
  await expect(page.getByTestId('reader-experimental')).toBeVisible();
});
