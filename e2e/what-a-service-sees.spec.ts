import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './support/test';
import { startSimulator, verifyCommands } from './support/flows';

/** The default holder's credentials (README, "The default holder's PINs"). */
const AUTH_PIN = '1234';
const SIGN_PASSWORD = 'MYNA2026';

async function openServices(page: Page): Promise<void> {
  await page.getByTestId('view-services').click();
  await expect(page.getByTestId('services-view')).toBeVisible();
  // The view reads every PIN's tries left on entry, spending nothing. Until that answer arrives
  // the field says "tries unknown" (empty data-tries); afterwards it shows a count or, for a
  // blocked PIN, gives way to the blocked notice. Wait for either settled state in one locator:
  // checking one element and then querying it again races the answer.
  const triesKnown = page.locator('[data-testid="login-tries"]:not([data-tries=""])');
  await expect(triesKnown.or(page.getByTestId('login-blocked'))).toBeVisible();
}

async function logIn(page: Page, pin: string): Promise<void> {
  await page.getByTestId('login-pin-input').fill(pin);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-pin-input')).toHaveValue('');
  await expect(page.getByTestId('login-submit')).not.toHaveText(/Logging in/);
}

test('two service logins record the same serial number, highlighted, and the PIN shows as ** PIN hidden ** in the log', async ({ page }) => {
  await startSimulator(page);
  await openServices(page);
  await logIn(page, AUTH_PIN);
  await expect(page.getByTestId('service-record')).toHaveCount(1);
  await expect(page.getByTestId('record-verdict')).toHaveAttribute('data-valid', 'true');
  await expect(page.getByTestId('login-submit')).toHaveText('Log in to service B');
  await logIn(page, AUTH_PIN);
  const records = page.getByTestId('service-record');
  await expect(records).toHaveCount(2);
  await expect(records.nth(0)).toHaveAttribute('data-service', 'A');
  await expect(records.nth(1)).toHaveAttribute('data-service', 'B');
  const serials = await page.getByTestId('record-serial').allInnerTexts();
  expect(serials[0]).toMatch(/^[0-9A-F]+$/);
  expect(serials[1]).toBe(serials[0]);
  await expect(page.getByTestId('record-serial').first()).toHaveAttribute('data-match', 'true');
  await expect(page.getByTestId('same-serial-note')).toContainText(serials[0]!);
  const verifies = await verifyCommands(page);
  expect(verifies).toContain('00 20 00 80 ** PIN hidden **');
  expect(verifies.join(' ')).not.toContain('31 32 33 34');
});

test('the no-PIN view lists the read APDUs, none a VERIFY, and the same serial a login records', async ({ page }) => {
  await startSimulator(page);
  await openServices(page);
  await page.getByTestId('nopin-read').click();
  const commands = await page.getByTestId('nopin-apdu-command').allInnerTexts();
  expect(commands[0]).toBe('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
  expect(commands[1]).toBe('00 A4 02 0C 02 00 0A');
  expect(commands.slice(2).length).toBeGreaterThan(0);
  for (const command of commands.slice(2)) expect(command).toMatch(/^00 B0 /);
  await expect(page.getByTestId('nopin-summary')).toContainText('0 PIN commands');
  const serial = await page.getByTestId('nopin-serial').innerText();
  await logIn(page, AUTH_PIN);
  await expect(page.getByTestId('record-serial')).toHaveText(serial);
});

test('signing a text produces a downloadable detached signature and shows the facts that travel with it', async ({ page }) => {
  await startSimulator(page);
  await openServices(page);
  await page.getByTestId('sign-text').fill('I agree to the terms. 同意します。');
  await page.getByTestId('sign-pin-input').fill(SIGN_PASSWORD.toLowerCase());
  await page.getByTestId('sign-submit').click();
  await expect(page.getByTestId('sign-result')).toHaveAttribute('data-self-check', 'true');
  await expect(page.locator('[data-testid="sign-fact"][data-field="name"]')).toContainText('見本　花子');
  await expect(page.locator('[data-testid="sign-fact"][data-field="address"]')).toContainText('東京都千代田区');
  await expect(page.locator('[data-testid="sign-fact"][data-field="birthDate"]')).toContainText('12 June 1985');
  await expect(page.locator('[data-testid="sign-fact"][data-field="sex"]')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sign-download').click()]);
  expect(download.suggestedFilename()).toBe('signature.p7s');
  const bytes = await readFile((await download.path())!);
  // A DER ContentInfo (SEQUENCE) carrying the signedData OID 1.2.840.113549.1.7.2.
  expect(bytes[0]).toBe(0x30);
  expect(bytes.includes(Buffer.from('06092a864886f70d010702', 'hex'))).toBe(true);
  expect(bytes.length).toBeGreaterThan(1000);
});

test('a wrong PIN in the login and in signing shows the tries left as in the exposure view', async ({ page }) => {
  await startSimulator(page);
  await openServices(page);
  await expect(page.getByTestId('login-tries')).toHaveAttribute('data-tries', '3');
  await logIn(page, '9999');
  await expect(page.getByTestId('login-error')).toHaveAttribute('data-code', 'card/wrong-pin');
  await expect(page.getByTestId('login-error')).toContainText('2 tries left');
  await expect(page.getByTestId('login-tries')).toHaveAttribute('data-tries', '2');
  await expect(page.getByTestId('service-record')).toHaveCount(0);
  await page.getByTestId('sign-text').fill('text');
  await page.getByTestId('sign-pin-input').fill('WRONG1');
  await page.getByTestId('sign-submit').click();
  await expect(page.getByTestId('sign-error')).toHaveAttribute('data-code', 'card/wrong-pin');
  await expect(page.getByTestId('sign-error')).toContainText('4 tries left');
  await expect(page.getByTestId('sign-result')).toHaveCount(0);
  await page.getByTestId('view-exposure').click();
  await expect(page.getByTestId('pin-tries-jpkiAuth')).toHaveAttribute('data-tries', '2');
});

test('with one try left the login asks for confirmation; a blocked PIN cannot be sent', async ({ page }) => {
  await startSimulator(page, { cardState: 'authLastTry' });
  await openServices(page);
  await page.getByTestId('login-pin-input').fill(AUTH_PIN);
  await expect(page.getByTestId('login-last-try')).toBeVisible();
  await expect(page.getByTestId('login-submit')).toBeDisabled();
  await page.getByTestId('login-confirm-last-try').check();
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('service-record')).toHaveCount(1);
  await page.getByTestId('disconnect').click();
  await startSimulator(page, { cardState: 'authBlocked' });
  await openServices(page);
  await expect(page.getByTestId('login-blocked')).toBeVisible();
  await expect(page.getByTestId('login-submit')).toHaveCount(0);
});

test('certificate and card-data checks say what they could prove', async ({ page }) => {
  await startSimulator(page);
  await openServices(page);
  await page.getByTestId('certs-check').click();
  const auth = page.locator('[data-testid="cert-check"][data-which="auth"]');
  await expect(auth.getByTestId('cert-bundled')).toHaveAttribute('data-status', 'verified');
  await expect(auth.getByTestId('cert-on-card')).toHaveAttribute('data-status', 'verified');
  await expect(auth).toContainText('simulator’s test CA');
  await expect(page.locator('[data-testid="cert-check"][data-which="sign"]')).toHaveAttribute('data-state', 'needs-pin');
  await expect(page.getByTestId('certs-revocation')).toContainText('revocation');
  await expect(page.getByTestId('certs-law')).toContainText('self-check');
  await page.getByTestId('carddata-check').click();
  await expect(page.locator('[data-testid="carddata-item"][data-which="textIntegrity"]')).toHaveAttribute('data-state', 'needs-pin');
  await page.getByTestId('carddata-enter-textPin').click();
  await page.getByTestId('pin-input').fill('1234');
  await page.getByTestId('pin-submit').click();
  await expect(page.getByTestId('pin-opened')).toBeVisible();
  await page.getByTestId('carddata-check').click();
  await expect(page.locator('[data-testid="carddata-item"][data-which="textIntegrity"]')).toHaveAttribute('data-status', 'verified');
});
