import { readFile } from 'node:fs/promises';
import { test, expect } from './support/test';
import { scanCard, startSimulator } from './support/flows';

test('an exported transcript opens again as a card and replays the no-PIN scan', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-transcript').click();
  const text = await readFile((await (await download).path())!, 'utf8');

  await page.getByTestId('clear-all').click();
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await page.getByTestId('transcript-input').setInputFiles({ name: 'mynalens-transcript.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await expect(page.getByTestId('card-panel')).toContainText('transcript');
  await scanCard(page);
  await expect(page.getByTestId('cell-jpki/000A-none')).toHaveAttribute('data-cell', 'read');
});

test('a file that is not a transcript is refused with what to do next', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('transcript-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello, not a transcript') });
  await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'transcript/invalid');
  await expect(page.getByTestId('error')).toContainText('Choose a file saved with "Export transcript"');
  await expect(page.getByTestId('start-screen')).toBeVisible();
});
