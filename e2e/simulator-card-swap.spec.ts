import { readFile } from 'node:fs/promises';
import { test, expect } from './support/test';
import { openPin, scanCard, startSimulator, submitPin } from './support/flows';

test("the simulator: the child's card after the adult's shows and exports the child's card only", async ({ page }) => {
  // The adult's card with its text PIN: My Number, name and address on screen.
  await startSimulator(page, { holder: 'adult' });
  await scanCard(page);
  await openPin(page, 'textPin');
  await submitPin(page, '1234');
  await expect(page.getByTestId('row-text/0002')).toHaveAttribute('data-status', 'read');

  // Back to the start (no reload) and the child's card instead.
  await page.getByTestId('disconnect').click();
  await page.getByTestId('holder-select').selectOption('child');
  await page.getByTestId('use-simulator').click();
  await expect(page.getByTestId('card-panel')).toContainText('simulated under-15 card');
  // The child's card is scanned at once; nothing of the adult's session stays: not her name and address (text EF 0002), no text PIN verified.
  await scanCard(page);
  await expect(page.getByTestId('pin-textPin')).not.toContainText(/verified/i);
  await expect(page.getByTestId('row-text/0002')).not.toHaveAttribute('data-status', 'read');

  await openPin(page, 'visualPinA');
  await submitPin(page, '987654321018');
  await expect(page.getByTestId('row-visual/0002')).toHaveAttribute('data-status', 'read');
  // The My Number and the four facts stay behind the child's text PIN, which nobody entered.
  await expect(page.getByTestId('row-text/0001')).not.toHaveAttribute('data-status', 'read');
  await expect(page.getByTestId('row-text/0002')).not.toHaveAttribute('data-status', 'read');
  await expect(page.locator('body')).not.toContainText('見本　花子');

  const download = page.waitForEvent('download');
  await page.getByTestId('export-transcript').click();
  await page.getByTestId('export-full-save').click();
  const transcript = await readFile((await (await download).path())!, 'utf8');
  // The adult's name as her text AP holds it (UTF-8).
  expect(transcript).not.toContain('E8 A6 8B E6 9C AC E3 80 80 E8 8A B1 E5 AD 90');
  // The adult's My Number (123456789018) as the card stores it, in ASCII.
  expect(transcript).not.toContain('31 32 33 34 35 36 37 38 39 30 31 38');
});
