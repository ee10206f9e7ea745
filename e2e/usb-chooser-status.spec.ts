import { test, expect } from './support/test';
import { emulator, openWithReader } from './support/usbEmulator';

test('"Connect a USB reader…" says to look at the browser’s window while it is open, and what happened when it closed', async ({ page }) => {
  await openWithReader(page, 'scr3310');
  const status = page.getByTestId('usb-chooser-status');

  // Closed with no pick.
  await emulator(page, 'holdNextChooser');
  await emulator(page, 'cancelNextChooser');
  await page.getByTestId('connect-reader').click();
  await expect(status).toHaveAttribute('data-phase', 'open');
  await expect(status).toHaveText('Choose your reader in the browser’s window, then press “Connect”.');
  await emulator(page, 'closeChooser');
  await expect(status).toHaveAttribute('data-phase', 'none-chosen');
  await expect(status).toContainText('no reader chosen');

  // A reader this page cannot drive (a smart-card-class reader needs the installed app).
  await emulator(page, 'plug', { personality: 'extended-apdu', serialNumber: 'CLASS0B' });
  await emulator(page, 'holdNextChooser');
  await page.getByTestId('connect-reader').click();
  await expect(status).toHaveAttribute('data-phase', 'open');
  await emulator(page, 'closeChooser');
  await expect(status).toHaveAttribute('data-phase', 'not-supported');
  await expect(status).toContainText('is not a reader this page can use');
  await expect(page.getByTestId('error')).toContainText('installed MynaLens app');

  // Connected, in Japanese.
  await page.getByTestId('lang-ja').click();
  await emulator(page, 'plug', { personality: 'scr3310', serialNumber: 'SECOND' });
  await emulator(page, 'holdNextChooser');
  await page.getByTestId('connect-reader').click();
  await expect(status).toHaveText('ブラウザーの画面でリーダーを選び、「接続」を押してください。');
  await emulator(page, 'closeChooser');
  await expect(page.getByTestId('card-panel')).toBeVisible();
  await expect(status).toHaveAttribute('data-phase', 'connected');
  await expect(status).toContainText('に接続しました');
});
