import { test, expect } from './support/test';
import { connectReader, emulator, openWithReader } from './support/usbEmulator';

test('a smart-card-class reader in a plain page shows what to do, never a raw SecurityError', async ({ page }) => {
  await openWithReader(page, 'extended-apdu');
  await page.getByTestId('connect-reader').click();
  const banner = page.getByTestId('error');
  await expect(banner).toContainText('smart-card-class (CCID) reader');
  await expect(banner).toContainText('installed MynaLens app');
  await expect(page.locator('body')).not.toContainText('SecurityError');
  await expect(page.getByTestId('reader-item')).toContainText('needs the installed app');
  await expect(page.getByTestId('card-panel')).toHaveCount(0);
});

test('in the installed app (usb-unrestricted) the same reader works, at extended-APDU level', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  await emulator(page, 'setUnrestricted', true);
  await page.reload();
  await emulator(page, 'plug', { personality: 'extended-apdu' });
  await expect(page.getByTestId('reader-guidance')).toContainText('every CCID reader');
  await connectReader(page);
  await page.getByTestId('reader-check-open').click();
  await expect(page.getByTestId('reader-check-interface')).toContainText('0x0B');
  await expect(page.getByTestId('reader-check-level')).toContainText('extended APDU');
});

test('a closed chooser, an empty reader and a reader held by the OS each say what to do', async ({ page }) => {
  await openWithReader(page, 'scr3310', { noCard: true });
  await emulator(page, 'cancelNextChooser');
  await page.getByTestId('connect-reader').click();
  await expect(page.getByTestId('error')).toContainText('No reader was chosen');

  await page.getByTestId('connect-reader').click();
  await expect(page.getByTestId('error')).toContainText('The reader has no card in it');

  await emulator(page, 'plug', { personality: 'scr3310', heldByOs: true, serialNumber: 'HELD' });
  await page.getByTestId('connect-reader').click();
  await expect(page.getByTestId('error')).toContainText(/holds the reader/);
});

test('a reader allowed before is listed after a reload and connects without the chooser', async ({ page }) => {
  await openWithReader(page, 'scr3310');
  await connectReader(page);
  await page.reload();
  await page.getByTestId('lang-en').click();
  const item = page.getByTestId('reader-item');
  await expect(item).toContainText('SCR3310-NTTCom (simulated)');
  await expect(item).toContainText('works here');
  await item.getByTestId('use-reader').click();
  await expect(page.getByTestId('card-panel')).toContainText('SCR3310-NTTCom');
});
