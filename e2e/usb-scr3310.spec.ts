import { enterPin, scanCard } from './support/flows';
import { test, expect } from './support/test';
import { connectReader, openWithReader } from './support/usbEmulator';

test('through the SCR3310-NTTCom emulator: the no-PIN scan, a PIN, and the reader check run the real CCID and T=1 code', async ({ page }) => {
  await openWithReader(page, 'scr3310');
  await expect(page.getByTestId('reader-guidance')).toContainText('SCR3310-NTTCom');
  await connectReader(page);
  await expect(page.getByTestId('card-panel')).toContainText('SCR3310-NTTCom (simulated)');
  await expect(page.getByTestId('atr')).toHaveText('3B E0 00 FF 81 31 FE 45 14');

  await scanCard(page);
  await expect(page.getByTestId('row-jpki/000A')).toHaveAttribute('data-status', 'read');
  await expect(page.getByTestId('row-text/0001')).toHaveAttribute('data-status', 'not-read');

  await enterPin(page, 'textPin', '1234');
  await expect(page.getByTestId('row-text/0001')).toHaveAttribute('data-status', 'read');
  // The PIN travelled through the T=1 driver, yet the log shows neither it nor its length.
  const withPin = page.getByTestId('apdu-row').filter({ hasText: 'VERIFY' }).getByTestId('apdu-command').filter({ hasText: 'PIN hidden' });
  await expect(withPin).toHaveText(['00 20 00 91 ** PIN hidden **']);

  await page.getByTestId('reader-check-open').click();
  const check = page.getByTestId('reader-check');
  await expect(check).toBeVisible();
  await expect(page.getByTestId('reader-check-interface')).toContainText('0xFF');
  await expect(page.getByTestId('reader-check-level')).toContainText('TPDU');
  await expect(page.getByTestId('reader-check-protocol')).toHaveText('T=1');
  await expect(page.getByTestId('reader-check-atr')).toContainText('IFSC: 254');
});
