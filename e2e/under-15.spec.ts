import { test, expect } from './support/test';
import { scanCard, startSimulator } from './support/flows';

test('the under-15 card has no signature certificate', async ({ page }) => {
  await startSimulator(page, { holder: 'child' });
  await scanCard(page);
  await expect(page.getByTestId('card-panel')).toContainText('under-15');
  await expect(page.getByTestId('fact-authCertificate')).toBeVisible();
  await expect(page.getByTestId('fact-signatureCertificateExists')).toHaveCount(0);
  await expect(page.getByTestId('row-jpki/0001')).not.toHaveAttribute('data-status', 'read');
  await expect(page.locator('body')).not.toContainText('見本　太郎');
});
