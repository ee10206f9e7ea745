import { readFile } from 'node:fs/promises';
import { test, expect } from './support/test';
import { enterPin, scanCard, startSimulator, verifyCommands } from './support/flows';

test('the APDU log and the exported transcript never contain the PIN nor its length: every VERIFY shows as ** PIN hidden ** with a badge', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);
  for (const [pin, value] of [['jpkiAuth', '1234'], ['jpkiSign', 'MYNA2026']] as const) {
    await enterPin(page, pin, value);
  }
  const commands = await verifyCommands(page);
  const sent = commands.filter((c) => c.includes('**'));
  expect(sent).toHaveLength(2);
  // A 4-digit PIN and an 8-character password look the same: no Lc, no count of hidden bytes.
  expect(sent).toEqual(['00 20 00 98 ** PIN hidden **', '00 20 00 9B ** PIN hidden **']);
  for (const c of commands) expect(c).not.toContain('31 32 33 34');
  const sensitiveRows = page.locator('[data-testid="apdu-row"][data-sensitive="true"]');
  await expect(sensitiveRows).toHaveCount(2);
  await expect(sensitiveRows.getByTestId('pin-hidden')).toHaveCount(2);

  const download = page.waitForEvent('download');
  await page.getByTestId('export-transcript').click();
  await page.getByTestId('export-full-save').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('mynalens-transcript.txt');
  const text = await readFile((await file.path())!, 'utf8');
  expect(text).toMatch(/=>/);
  expect(text.match(/^=> 00 20 00 9[8B] \*\* PIN hidden \*\*$/gm)).toHaveLength(2);
  expect(text).not.toMatch(/00 20 00 (80|98|9B) 0[48]/);
  expect(text.replace(/\s/g, '')).not.toMatch(/0020008\d0431323334/i);
  expect(text.replace(/\s/g, '')).not.toMatch(/4D594E4132303236/i); // MYNA2026
});
