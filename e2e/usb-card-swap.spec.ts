import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { enterPin, openPin, scanCard, submitPin } from './support/flows';
import { test, expect } from './support/test';
import { connectReader, emulator, openWithReader } from './support/usbEmulator';

/** The two simulated cards' identification numbers (card-level GET DATA 0045) as transcript hex. */
const ADULT_CARD_NUMBER = '39 30 30 30 30 30 30 30 30 30 30 30 30 30 31';
const CHILD_CARD_NUMBER = '39 30 30 30 30 30 30 30 30 30 30 30 30 30 32';
/** The adult's name as the text AP holds it (UTF-8) and her My Number (ASCII). */
const ADULT_NAME = 'E8 A6 8B E6 9C AC E3 80 80 E8 8A B1 E5 AD 90';
const ADULT_MY_NUMBER = '31 32 33 34 35 36 37 38 39 30 31 38';
/** The text AP's AID: where the adult's text PIN was entered; the child's card is never asked there. */
const TEXT_AP = 'D3 92 10 00 31 00 01 01 04 08';

/** Saves the transcript through the page's own button and returns its text. */
async function exportedTranscript(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-transcript').click();
  await page.getByTestId('export-full-save').click();
  return readFile((await (await download).path())!, 'utf8');
}

for (const personality of ['scr3310', 'rcs380', 'rcs300'] as const) {
  test(`${personality}: "Reconnect and continue" with another holder's card clears everything the first card showed`, async ({ page }) => {
    // The adult's card: the no-PIN scan, then the text PIN opens the My Number, name and address.
    await openWithReader(page, personality);
    await connectReader(page);
    await scanCard(page);
    await enterPin(page, 'textPin', '1234');
    await expect(page.getByTestId('row-text/0001')).toHaveAttribute('data-status', 'read');
    await expect(page.getByTestId('row-text/0002')).toHaveAttribute('data-status', 'read');

    // The card is pulled and the child's card goes in.
    // (The CCID reader says so on its interrupt pipe; the contactless readers' idle presence check notices.)
    await emulator(page, 'removeCard');
    await expect(page.getByTestId('card-interrupted')).toBeVisible({ timeout: 30_000 });
    await emulator(page, 'insertCard', 'child');
    await page.getByTestId('reconnect').click();
    await expect(page.getByTestId('card-panel')).toBeVisible();

    const notice = page.getByTestId('card-changed');
    await expect(notice).toHaveText('A different card is in the reader; what the previous card showed was cleared.');
    await expect(page.locator('[data-testid^="row-text/"][data-status="read"]')).toHaveCount(0);
    await expect(page.locator('tr[data-status="read"]')).toHaveCount(0);
    await expect(page.getByTestId('apdu-command').filter({ hasText: TEXT_AP })).toHaveCount(0);

    // No scan: the child's 照合番号A at once, from the PIN list the new card brought.
    await enterPin(page, 'visualPinA', '987654321018');
    await expect(page.getByTestId('row-visual/0002')).toHaveAttribute('data-status', 'read');
    await expect(page.locator('[data-testid^="row-text/"][data-status="read"]')).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText('見本　花子');
    await expect(page.locator('body')).not.toContainText('123456789018');

    // One transcript, one card: the child's.
    const transcript = await exportedTranscript(page);
    expect(transcript).toContain(CHILD_CARD_NUMBER);
    expect(transcript).not.toContain(ADULT_CARD_NUMBER);
    expect(transcript).not.toContain(ADULT_NAME);
    expect(transcript).not.toContain(ADULT_MY_NUMBER);
    expect(transcript).not.toContain(TEXT_AP);

    // The notice in Japanese too.
    await page.getByTestId('lang-ja').click();
    await expect(notice).toHaveText('リーダーには別のカードが入っています。前のカードで表示していた内容は消去しました。');
  });
}

test('scr3310: the same card put back continues the session, with no notice and the rows a PIN opened kept', async ({ page }) => {
  await openWithReader(page, 'scr3310');
  await connectReader(page);
  await scanCard(page);
  await openPin(page, 'textPin');
  await submitPin(page, '1234');
  await emulator(page, 'removeCard');
  await expect(page.getByTestId('card-interrupted')).toBeVisible({ timeout: 30_000 });
  await emulator(page, 'insertCard');
  await page.getByTestId('reconnect').click();
  await expect(page.getByTestId('card-panel')).toBeVisible();
  await expect(page.getByTestId('row-text/0001')).toHaveAttribute('data-status', 'read');
  await expect(page.getByTestId('card-changed')).toHaveCount(0);
});
