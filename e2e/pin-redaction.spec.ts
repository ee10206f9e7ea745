import { readFile } from 'node:fs/promises';
import { test, expect } from './support/test';
import { openPin, scanCard, startSimulator, submitPin, verifyCommands } from './support/flows';

test('the APDU log and the exported transcript never contain the PIN: VERIFY data shows as ** with a PIN hidden badge', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);
  for (const pin of ['jpkiAuth', 'textPin']) {
    await openPin(page, pin);
    await submitPin(page, '1234');
    await expect(page.getByTestId('pin-opened')).toBeVisible();
    await page.getByTestId('pin-close').click();
  }
  const commands = await verifyCommands(page);
  const sent = commands.filter((c) => c.includes('**'));
  expect(sent).toHaveLength(2);
  for (const c of sent) expect(c).toContain('** ** ** **');
  for (const c of commands) expect(c).not.toContain('31 32 33 34');
  const sensitiveRows = page.locator('[data-testid="apdu-row"][data-sensitive="true"]');
  await expect(sensitiveRows).toHaveCount(2);
  await expect(sensitiveRows.getByTestId('pin-hidden')).toHaveCount(2);

  const download = page.waitForEvent('download');
  await page.getByTestId('export-transcript').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('mynalens-transcript.txt');
  const text = await readFile((await file.path())!, 'utf8');
  expect(text).toMatch(/=>/);
  expect(text.replace(/\s/g, '')).not.toMatch(/0020008\d0431323334/i);
});
