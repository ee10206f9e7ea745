import { scanCard } from './support/flows';
import { test, expect } from './support/test';
import { connectReader, emulator, openWithReader } from './support/usbEmulator';

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

test('in the installed app (usb-unrestricted) the RC-S300 takes its CCID interface: not experimental, APDU level, and the scan runs', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  await emulator(page, 'setUnrestricted', true);
  await page.reload();
  await emulator(page, 'plug', { personality: 'rcs300-ccid' });
  await connectReader(page);
  await scanCard(page);
  await expect(page.getByTestId('row-jpki/000A')).toHaveAttribute('data-status', 'read');
  await page.getByTestId('reader-check-open').click();
  await expect(page.getByTestId('reader-check-interface')).toContainText('0x0B');
  await expect(page.getByTestId('reader-check-level')).toContainText('extended APDU');
  await expect(page.getByTestId('reader-check-experimental')).toHaveCount(0);
});

test('where the Web Smart Card API lists the same RC-S300, its WebUSB entry points there instead of the experimental route', async ({ page }) => {
  await openWithReader(page, 'rcs300');
  await connectReader(page);
  await page.getByTestId('disconnect').click();
  await emulator(page, 'addSmartCardReader', { name: 'Sony FeliCa RC-S300/S 00 00' });
  await page.getByTestId('smartcard-section').getByTestId('smartcard-refresh').click();
  const item = page.getByTestId('reader-item');
  await expect(item.getByTestId('reader-prefer-smartcard')).toContainText('Sony FeliCa RC-S300/S 00 00');
});
