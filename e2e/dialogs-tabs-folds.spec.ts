import { test, expect } from './support/test';
import { openPin, scanCard, startSimulator } from './support/flows';

test('a dialog closes with Escape and gives focus back to what opened it; focus stays inside while it is open', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);

  // A row's detail: Escape closes it and focus returns to the row's button.
  const rowButton = page.getByTestId('row-open-jpki/000A');
  await rowButton.focus();
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('row-detail');
  await expect(detail).toBeVisible();
  await expect(detail).toHaveJSProperty('open', true);
  // Tab many times: focus never leaves the dialog (the page behind is inert).
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => document.activeElement === document.body || Boolean(document.activeElement?.closest('[data-testid="row-detail"]')));
    expect(inside).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  await expect(rowButton).toBeFocused();

  // A click on the backdrop closes a dialog that holds nothing typed…
  await rowButton.click();
  await expect(detail).toBeVisible();
  await page.mouse.click(5, 5);
  await expect(detail).toHaveCount(0);

  // …but not the PIN dialog once something is typed in it; Escape still closes it, focus back on "Enter".
  await openPin(page, 'textPin');
  await page.getByTestId('pin-input').fill('12');
  await page.mouse.click(5, 5);
  await expect(page.getByTestId('pin-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('pin-dialog')).toHaveCount(0);
  await expect(page.getByTestId('pin-open-textPin')).toBeFocused();

  // The transcript export dialog, opened from the keyboard.
  const exportButton = page.getByTestId('export-transcript');
  await exportButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-dialog')).toHaveCount(0);
  await expect(exportButton).toBeFocused();
});

test('the two views are a tab list: arrow keys, Home and End move between them', async ({ page }) => {
  await startSimulator(page, { language: 'ja' });
  const tablist = page.getByRole('tablist');
  await expect(tablist).toHaveCount(1);
  const exposure = page.getByTestId('view-exposure');
  const services = page.getByTestId('view-services');
  await expect(exposure).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', (await exposure.getAttribute('id'))!);
  await exposure.focus();
  await page.keyboard.press('ArrowRight');
  await expect(services).toBeFocused();
  await expect(services).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('no-pin-read')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(exposure).toBeFocused();
  await page.keyboard.press('End');
  await expect(services).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(exposure).toHaveAttribute('aria-selected', 'true');
  await expect(exposure).toHaveAttribute('tabindex', '0');
  await expect(services).toHaveAttribute('tabindex', '-1');
});

test('the APDU log is folded with its count; open, statuses read in the chosen language', async ({ page }) => {
  await startSimulator(page, { language: 'ja' });
  await scanCard(page);
  const toggle = page.getByTestId('apdu-log-toggle');
  await expect(toggle).toHaveText(/カードに送った \d+ 件のコマンドを表示/);
  await expect(page.getByTestId('apdu-row').first()).toBeHidden();
  await toggle.click();
  await expect(page.getByTestId('apdu-row').first()).toBeVisible();
  await expect(page.getByTestId('apdu-status').first()).toHaveText('正常終了');
  await expect(page.getByTestId('apdu-log')).toContainText('SELECT 公的個人認証AP');
  // Monospace, and a line breaks only between bytes.
  const command = page.getByTestId('apdu-command').first();
  expect(await command.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
  expect(await command.evaluate((el) => getComputedStyle(el).wordBreak)).toBe('normal');
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('apdu-status').first()).toHaveText('normal end');
  await expect(toggle).toHaveText(/Show the \d+ commands sent to the card/);
});

test('card-internal files fold into one line per applet; a PIN file is not called a key', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);
  const inside = page.getByTestId('inside-jpki');
  await expect(inside.locator('summary')).toHaveText(/^\d+ files that never leave the card$/);
  await expect(page.getByTestId('row-open-jpki/0018')).toBeHidden();
  await inside.locator('summary').click();
  await expect(page.getByTestId('row-jpki/0018')).toContainText('user-authentication PIN');
  await expect(page.getByTestId('cell-jpki/0018-none')).toHaveText('used inside the card only');
  await expect(page.getByTestId('matrix')).not.toContainText('card-internal key');
  // The table keeps what can leave the card.
  await expect(page.getByTestId('row-jpki/000A')).toBeVisible();
});
