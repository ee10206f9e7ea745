import { countReadRows, enterPin, scanCard } from './support/flows';
import { test, expect } from './support/test';
import { connectReader, emulator, openWithReader } from './support/usbEmulator';

test('through the PaSoRi RC-S380 emulator: the no-PIN scan and a PIN, over Port-100, Type B and ISO-DEP', async ({ page }) => {
  await openWithReader(page, 'rcs380');
  await expect(page.getByTestId('reader-guidance')).toContainText('RC-S380');
  await connectReader(page);
  await expect(page.getByTestId('card-panel')).toContainText('RC-S380/S (simulated)');
  await expect(page.getByTestId('atr')).toContainText('3B 88 80 01');

  await scanCard(page);
  await expect(page.getByTestId('row-jpki/000A')).toHaveAttribute('data-status', 'read');
  await enterPin(page, 'textPin', '1234');
  await expect(page.getByTestId('row-text/0001')).toHaveAttribute('data-status', 'read');
  const withPin = page.getByTestId('apdu-row').filter({ hasText: 'VERIFY' }).getByTestId('apdu-command').filter({ hasText: 'PIN hidden' });
  await expect(withPin).toHaveText(['00 20 00 91 ** PIN hidden **']);

  await page.getByTestId('reader-check-open').click();
  await expect(page.getByTestId('reader-check-level')).toContainText('contactless');
  await expect(page.getByTestId('reader-check-protocol')).toContainText('ISO-DEP');
  await expect(page.getByTestId('reader-check-frames')).toContainText('FSC 256');
});

test('the card lifted off the RC-S380 mid-scan: the error says so and what was read stays', async ({ page }) => {
  await openWithReader(page, 'rcs380');
  // Set before connecting: the scan starts as soon as the reader is chosen (the count includes the connect's frames).
  await emulator(page, 'injectAfter', 30, { kind: 'remove-card-mid-chain' });
  await page.getByTestId('connect-reader').click();
  await expect(page.getByTestId('card-interrupted')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('error')).toContainText('The card was removed');
  expect(await countReadRows(page)).toBeGreaterThan(0);
  await expect(page.getByTestId('reconnect')).toBeVisible();
});

/** Issue 15 §1: the contactless card personalities (src/simulator/cardPersonalities.ts), ATQB and the ATR made from it. */
const CONTACTLESS_CARDS = [
  { card: 'contactless-05e0', atqb: '00 00 05 E0', protocolInfo: 'B3 81 A1', fwi: '10 / ', atr: '3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F' },
  { card: 'contactless-41e0', atqb: '00 00 41 E0', protocolInfo: 'B3 81 A1', fwi: '10 / ', atr: '3B 88 80 01 00 00 41 E0 B3 81 A1 00 3B' },
  { card: 'contactless-fwi13', atqb: '00 4B 51 FF', protocolInfo: 'B3 81 D1', fwi: '13 / 2474.52 ms', atr: '3B 88 80 01 00 4B 51 FF B3 81 D1 00 0F' },
] as const;

for (const { card, atqb, protocolInfo, fwi, atr } of CONTACTLESS_CARDS) {
  test(`the ${card} card on the RC-S380: its ATQB, the ATR made from it, a scan, and the reader check naming the card`, async ({ page }) => {
    await openWithReader(page, 'rcs380', { card });
    await connectReader(page);
    await expect(page.getByTestId('atr')).toHaveText(atr);
    await scanCard(page);
    await expect(page.getByTestId('row-jpki/000A')).toHaveAttribute('data-status', 'read');
    await page.getByTestId('reader-check-open').click();
    const facts = page.getByTestId('reader-check-atqb');
    await expect(facts).toContainText(atqb);
    await expect(facts).toContainText(protocolInfo);
    await expect(facts).toContainText(fwi);
    await expect(facts).toContainText('My Number Card (contactless, PC/SC ATR from the ATQB)');
    await expect(page.getByTestId('reader-check-atr')).toHaveText(atr);
  });
}
