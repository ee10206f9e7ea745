import { test, expect } from './support/test';
import { openRow, scanCard, startSimulator } from './support/flows';

test('the no-PIN scan reads the authentication certificate and its serial; other applets and the signature certificate stay locked', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);

  await expect(page.getByTestId('cell-jpki/000A-none')).toHaveAttribute('data-cell', 'read');
  await expect(page.getByTestId('status-jpki/000A')).toHaveText('read with no PIN');
  await expect(page.getByTestId('cell-jpki/0001-none')).toHaveAttribute('data-cell', 'locked');
  await expect(page.getByTestId('cell-jpki/0001-none')).toContainText('Signature password');
  await expect(page.getByTestId('cell-jpki/0001-jpkiSign')).toHaveAttribute('data-cell', 'readable');
  for (const key of ['text/0001', 'text/0002', 'visual/0001', 'visual/0002', 'visual/0005']) {
    await expect(page.getByTestId(`cell-${key}-none`)).toHaveAttribute('data-cell', 'locked');
  }
  await expect(page.getByTestId('cell-cardLevel/0045-none')).toHaveAttribute('data-cell', 'read');

  const summary = page.getByTestId('no-pin-summary');
  await expect(summary.getByTestId('fact-authCertificate')).toContainText(/serial number [0-9A-F]+ .*link/);
  await expect(summary.getByTestId('fact-cardSerial')).toBeVisible();
  await expect(summary.getByTestId('fact-municipality')).toBeVisible();
  await expect(summary.getByTestId('fact-birthMonthDay')).toBeVisible();
  await expect(summary).not.toContainText('見本');

  await openRow(page, 'jpki/000A');
  const detail = page.getByTestId('row-detail');
  await expect(detail).toContainText('serial number');
  await expect(detail.getByTestId('linkable-note')).toContainText('links your logins across services');
  await page.getByTestId('detail-raw').click();
  await expect(page.getByTestId('detail-raw-view')).toContainText(/^[\s\S]*30 82/);
});
