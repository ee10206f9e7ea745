import { scanCard } from './support/flows';
import { test, expect } from './support/test';

/** Issue 15 §1: the start screen offers each card personality of the simulator, named by its ATR or ATQB. */

const ATRS = {
  'my-number': '3B E0 00 FF 81 31 FE 45 14',
  'my-number-c5': '3B C5 FF 81 31 FB 45 80 73 C6 01 00 00',
  'my-number-ta1-13': '3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B',
  'my-number-specific': '3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 00 D1 D6',
  'contactless-05e0': '3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F',
  'contactless-41e0': '3B 88 80 01 00 00 41 E0 B3 81 A1 00 3B',
  'contactless-fwi13': '3B 88 80 01 00 4B 51 FF B3 81 D1 00 0F',
} as const;

/** What the line under the select shows for each: the whole ATR, or the ATQB's application data and protocol info. */
const SHOWN = {
  'my-number': `ATR: ${ATRS['my-number']}`,
  'my-number-c5': `ATR: ${ATRS['my-number-c5']}`,
  'my-number-ta1-13': `ATR: ${ATRS['my-number-ta1-13']}`,
  'my-number-specific': `ATR: ${ATRS['my-number-specific']}`,
  'contactless-05e0': 'ATQB application data and protocol info: 00 00 05 E0 · B3 81 A1',
  'contactless-41e0': 'ATQB application data and protocol info: 00 00 41 E0 · B3 81 A1',
  'contactless-fwi13': 'ATQB application data and protocol info: 00 4B 51 FF · B3 81 D1',
} as const;

test('every personality is a labelled choice, and the simulator connects behind the ATR chosen', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  const select = page.getByLabel('Card presented');
  await expect(select).toHaveValue('my-number');
  await expect(select).toHaveAccessibleDescription(/public ATR list \(pcsc-tools\)/);
  await expect(select.locator('optgroup')).toHaveCount(2);
  await expect(select.locator('option')).toHaveCount(Object.keys(ATRS).length);
  for (const [id, atr] of Object.entries(ATRS)) {
    await page.getByLabel('Card presented').selectOption(id);
    await expect(page.getByTestId('personality-bytes')).toHaveText(SHOWN[id as keyof typeof SHOWN]);
    await page.getByTestId('use-simulator').click();
    await expect(page.getByTestId('atr')).toHaveText(atr);
    await page.getByTestId('disconnect').click();
    await expect(page.getByTestId('start-screen')).toBeVisible();
  }
});

test('the FWI 13 contactless card, chosen in Japanese, scans like any other', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('lang-ja').click();
  const select = page.getByLabel('提示するカード');
  await expect(select.locator('option[value="contactless-fwi13"]')).toHaveText('ATQB … 4B 51 FF（FWI 13：最大約 2.5 秒）');
  await select.selectOption('contactless-fwi13');
  await expect(page.getByTestId('personality-bytes')).toHaveText('ATQB のアプリケーションデータとプロトコル情報：00 4B 51 FF · B3 81 D1');
  await page.getByTestId('use-simulator').click();
  await expect(page.getByTestId('atr')).toHaveText(ATRS['contactless-fwi13']);
  await scanCard(page);
  await expect(page.getByTestId('row-jpki/000A')).toHaveAttribute('data-status', 'read');
});
