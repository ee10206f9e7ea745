import type { Page } from '@playwright/test';
import { test, expect } from './support/test';
import { openPin, openRow, scanCard, startSimulator, submitPin, verifyCommands } from './support/flows';

/** VERIFY commands that carried a PIN (shown as ** in the log). */
const withData = (commands: string[]) => commands.filter((c) => c.includes('**'));

/** Opens the services view and waits until it has the signature password's state from the card. */
async function openSignSection(page: Page): Promise<void> {
  await page.getByTestId('view-services').click();
  await expect(page.getByTestId('sign-document')).toBeVisible();
}

test('the under-15 card has no signature certificate', async ({ page }) => {
  await startSimulator(page, { holder: 'child' });
  await scanCard(page);
  await expect(page.getByTestId('card-panel')).toContainText('under-15');
  await expect(page.getByTestId('fact-authCertificate')).toBeVisible();
  await expect(page.getByTestId('fact-signatureCertificateExists')).toHaveCount(0);
  await expect(page.getByTestId('row-jpki/0001')).not.toHaveAttribute('data-status', 'read');
  await expect(page.locator('body')).not.toContainText('見本　太郎');
});

test('the under-15 card says its signature password was never issued — not blocked, nothing to reset (docs/card-reference.md §6.2)', async ({ page }) => {
  await startSimulator(page, { holder: 'child' });
  await scanCard(page);

  // The PIN list: no count of tries, no blocked badge, no Enter button.
  const sign = page.getByTestId('pin-jpkiSign');
  await expect(sign).toHaveAttribute('data-not-issued', 'true');
  await expect(page.getByTestId('pin-not-issued-jpkiSign')).toHaveText('No signature password (no signature certificate: issued only from age 15)');
  await expect(page.getByTestId('pin-blocked-jpkiSign')).toHaveCount(0);
  await expect(page.getByTestId('pin-open-jpkiSign')).toHaveCount(0);
  await expect(sign).not.toContainText('tries left');
  await expect(sign).not.toContainText('Blocked');
  // The authentication PIN of the same card is untouched.
  await expect(page.getByTestId('pin-tries-jpkiAuth')).toHaveText('3 of 3 tries left');

  // The matrix: the certificate, its key and its password are "not issued", not "locked".
  for (const file of ['0001', '001A', '001B']) {
    await expect(page.getByTestId(`row-jpki/${file}`)).toHaveAttribute('data-status', 'not-issued');
    await expect(page.getByTestId(`cell-jpki/${file}-none`)).toHaveAttribute('data-cell', 'not-issued');
    await expect(page.getByTestId(`status-jpki/${file}`)).toHaveText('not issued: no signature certificate (issued only from age 15)');
  }
  await expect(page.getByTestId('cell-jpki/0001-jpkiSign')).toHaveCount(0);
  await openRow(page, 'jpki/0001');
  await expect(page.getByTestId('detail-not-issued')).toContainText('no signature certificate was issued with this card');
  await expect(page.getByTestId('row-detail')).not.toContainText('Enter one of its PINs');
  await page.getByTestId('detail-close').click();

  // The summary says it in plain words.
  await expect(page.getByTestId('fact-signatureCertificateNotIssued')).toContainText('One is issued only from age 15');

  // The sign section: the same words, no password field, no Sign button.
  await openSignSection(page);
  await expect(page.getByTestId('sign-not-issued')).toContainText('A signature certificate is issued only from age 15');
  await expect(page.getByTestId('sign-pin-input')).toHaveCount(0);
  await expect(page.getByTestId('sign-submit')).toHaveCount(0);
  await expect(page.getByTestId('sign-blocked')).toHaveCount(0);

  // Nowhere is a parent told to take the card to the office to reset a password that does not exist.
  await expect(page.locator('body')).not.toContainText('municipal office');
  expect(withData(await verifyCommands(page))).toEqual([]);
});

test('in Japanese: 署名用電子証明書は15歳未満には発行されません', async ({ page }) => {
  await startSimulator(page, { holder: 'child', language: 'ja' });
  await scanCard(page);
  await expect(page.getByTestId('pin-not-issued-jpkiSign')).toHaveText('署名用パスワードなし（署名用電子証明書は15歳未満には発行されません）');
  await expect(page.getByTestId('pin-blocked-jpkiSign')).toHaveCount(0);
  await expect(page.getByTestId('cell-jpki/0001-none')).toHaveText('未発行');
  await expect(page.getByTestId('status-jpki/0001')).toHaveText('未発行：署名用電子証明書なし（15歳未満には発行されません）');
  await expect(page.getByTestId('fact-signatureCertificateNotIssued')).toContainText('署名用電子証明書は15歳未満には発行されない');
  await openSignSection(page);
  await expect(page.getByTestId('sign-not-issued')).toContainText('署名用電子証明書は15歳未満には発行されません');
  await expect(page.locator('body')).not.toContainText('市区町村の窓口');
});

test('the sign section alone (no scan first) asks the card and says "not issued"', async ({ page }) => {
  await startSimulator(page, { holder: 'child' });
  await openSignSection(page);
  await expect(page.getByTestId('sign-not-issued')).toBeVisible();
  await expect(page.getByTestId('sign-blocked')).toHaveCount(0);
  await expect(page.getByTestId('sign-submit')).toHaveCount(0);
});

test('an adult card whose signature password really is blocked still says blocked, with the municipal-office advice', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);
  await openPin(page, 'jpkiSign');
  for (let i = 0; i < 4; i++) await submitPin(page, 'WRONG1');
  await submitPin(page, 'WRONG1', { confirmLastTry: true });
  await expect(page.getByTestId('pin-blocked-explanation')).toContainText('municipal office');
  await expect(page.getByTestId('pin-not-issued-explanation')).toHaveCount(0);
  await page.getByTestId('pin-close').click();

  await expect(page.getByTestId('pin-blocked-jpkiSign')).toBeVisible();
  await expect(page.getByTestId('pin-not-issued-jpkiSign')).toHaveCount(0);
  await expect(page.getByTestId('row-jpki/0001')).not.toHaveAttribute('data-status', 'not-issued');
  await expect(page.getByTestId('cell-jpki/0001-jpkiSign')).toHaveAttribute('data-cell', 'readable');
  await expect(page.getByTestId('fact-signatureCertificateExists')).toBeVisible();
  await expect(page.getByTestId('fact-signatureCertificateNotIssued')).toHaveCount(0);

  // A fresh scan asks the card again: EF 0008 says 8F 8F 00, so 63C0 is a block.
  await scanCard(page);
  await expect(page.getByTestId('pin-blocked-jpkiSign')).toBeVisible();
  await openSignSection(page);
  await expect(page.getByTestId('sign-blocked')).toContainText('municipal office');
  await expect(page.getByTestId('sign-not-issued')).toHaveCount(0);
});
