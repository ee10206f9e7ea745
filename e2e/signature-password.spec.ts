import { test, expect } from './support/test';
import { openPin, openRow, scanCard, startSimulator, submitPin } from './support/flows';

test('the signature password opens the signature certificate with the four facts, exportable as PEM and DER', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);
  await openPin(page, 'jpkiSign');
  await expect(page.getByTestId('pin-dialog-tries')).toContainText('5 of 5');
  // Typed in lower case: the dialog upper-cases the password before it is sent (docs/card-reference.md §6.2).
  await submitPin(page, 'myna2026');
  await expect(page.getByTestId('pin-opened')).toContainText('opened 1 file');

  await expect(page.getByTestId('row-jpki/0001')).toHaveAttribute('data-status', 'read');
  await expect(page.getByTestId('status-jpki/0001')).toHaveText('read after Signature password');
  await openRow(page, 'jpki/0001');
  const detail = page.getByTestId('row-detail');
  await expect(detail).toContainText('見本　花子');
  await expect(detail).toContainText('東京都千代田区見本町一丁目２番３号');
  await expect(detail).toContainText('12 June 1985');
  await expect(detail).toContainText('female');
  // Its serial is not a login record: it travels with every signed document, beside the four facts.
  await expect(detail.getByTestId('linkable-note')).toHaveAttribute('data-linkable', 'signedDocuments');
  await expect(detail.getByTestId('linkable-note')).toContainText('sent with every document you sign');
  await expect(detail.getByTestId('linkable-note')).toContainText('name, address, date of birth and sex');
  await expect(detail.getByTestId('linkable-note')).not.toContainText('logins');

  // Before saving, the detail names what the certificate file reveals (docs/card-reference.md §12).
  const reveals = detail.getByTestId('certificate-reveals');
  await expect(reveals).toContainText('serial number');
  for (const fact of ['serial', 'name', 'address', 'birthDate', 'sex']) await expect(reveals.locator(`[data-fact="${fact}"]`)).toBeVisible();

  const pem = page.waitForEvent('download');
  await page.getByTestId('export-pem').click();
  expect((await pem).suggestedFilename()).toBe('mynalens-jpki-0001.pem');
  const der = page.waitForEvent('download');
  await page.getByTestId('export-der').click();
  expect((await der).suggestedFilename()).toBe('mynalens-jpki-0001.der');
});
