import type { Page } from '@playwright/test';
import { test, expect } from './support/test';
import { enterPin, openRow, scanCard, startSimulator } from './support/flows';

/** The default holder's credentials (README, "The default holder's PINs"). */
const AUTH_PIN = '1234';
const SIGN_PASSWORD = 'MYNA2026';

// The default holder's authentication certificate runs from 2025-06-30T15:00:00Z (00:00 on 1 July in
// Japan) to 2030-06-12T14:59:59Z (the end of 12 June in Japan), docs/card-reference.md §12.

/** The value of one decoded field of the open detail, found by its label. */
function field(page: Page, label: string) {
  return page.getByTestId('row-detail').getByTestId('field').filter({ has: page.locator('dt', { hasText: label }) }).getByTestId('field-value');
}

async function logInToService(page: Page): Promise<void> {
  await page.getByTestId('view-services').click();
  await expect(page.getByTestId('services-view')).toBeVisible();
  await expect(page.locator('[data-testid="login-tries"]:not([data-tries=""])')).toBeVisible();
  await page.getByTestId('login-pin-input').fill(AUTH_PIN);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('service-record')).toHaveCount(1);
}

test('a certificate date is the same Japan-time day, in 和暦, in the certificate detail and the service view', async ({ page }) => {
  await startSimulator(page, { language: 'ja' });
  await scanCard(page);
  await openRow(page, 'jpki/000A');
  await expect(field(page, '有効期間の開始')).toHaveText('令和7年7月1日');
  await expect(field(page, '有効期間の満了')).toHaveText('令和12年6月12日');
  await expect(page.getByTestId('row-detail')).not.toContainText('2025-06-30');
  await page.getByTestId('detail-close').click();

  await logInToService(page);
  await expect(page.getByTestId('service-record')).toContainText('有効期間 令和7年7月1日 ～ 令和12年6月12日');
  await expect(page.getByTestId('service-record')).toContainText(/ログイン時刻 令和\d+年\d+月\d+日 \d\d:\d\d:\d\d（日本時間）/);
});

test('in English the same day, Gregorian, in both views', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);
  await openRow(page, 'jpki/000A');
  await expect(field(page, 'valid from')).toHaveText('1 July 2025');
  await expect(field(page, 'valid until')).toHaveText('12 June 2030');
  await page.getByTestId('detail-close').click();

  await logInToService(page);
  await expect(page.getByTestId('service-record')).toContainText('Valid from 1 July 2025 to 12 June 2030');
});

test('a birth date shows its era year, never the era alone', async ({ page }) => {
  await startSimulator(page, { language: 'ja' });
  await scanCard(page);
  await enterPin(page, 'jpkiSign', SIGN_PASSWORD);
  await openRow(page, 'jpki/0001');
  await expect(field(page, '生年月日')).toHaveText('昭和60年6月12日');
  await expect(page.getByTestId('row-detail')).not.toContainText('(昭和)');
  await page.getByTestId('detail-close').click();

  // The card face's own birth date and expiry, through the same formatter.
  await enterPin(page, 'visualPinA', '123456789018');
  await openRow(page, 'visual/0002');
  await expect(field(page, '生年月日')).toHaveText('昭和60年6月12日');
  await expect(field(page, '有効期限')).toHaveText('令和17年6月12日');
});
