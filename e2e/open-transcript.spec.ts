import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './support/test';
import { enterPin, openPin, scanCard, startSimulator, submitPin } from './support/flows';

/** Saves the session's full transcript through the export dialog and returns its text. */
async function exportFull(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-transcript').click();
  await page.getByTestId('export-full-save').click();
  return readFile((await (await download).path())!, 'utf8');
}

/** Back to the start screen, then opens the text as a transcript file. */
async function openAsTranscript(page: Page, text: string, name: string): Promise<void> {
  await page.getByTestId('clear-all').click();
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await page.getByTestId('transcript-input').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await expect(page.getByTestId('card-panel')).toBeVisible();
}

test('an exported transcript opens again as a replay, named on the connection line, and replays the no-PIN scan', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);
  const text = await exportFull(page);

  await openAsTranscript(page, text, 'my-session.txt');
  await expect(page.getByTestId('connection-line')).toHaveText('Replaying my-session.txt — not a card');
  await scanCard(page);
  await expect(page.getByTestId('cell-jpki/000A-none')).toHaveAttribute('data-cell', 'read');
});

test('a transcript replayed in another order gives each PIN its own answer', async ({ page }) => {
  // Recorded: scan, a wrong authentication PIN, then the right 券面事項入力補助 PIN.
  await startSimulator(page);
  await scanCard(page);
  await openPin(page, 'jpkiAuth');
  await submitPin(page, '9999');
  await expect(page.getByTestId('pin-error')).toContainText('2 tries left');
  await page.getByTestId('pin-close').click();
  await enterPin(page, 'textPin', '1234');
  const text = await exportFull(page);

  // Replayed: scan, then the 券面事項入力補助 PIN first — it is accepted, as on the card.
  await openAsTranscript(page, text, 'recorded.txt');
  await scanCard(page);
  await enterPin(page, 'textPin', '1234');
  await expect(page.getByTestId('row-text/0001')).toHaveAttribute('data-status', 'read');
  // A PIN the recording never entered: the replay says so instead of inventing an answer.
  await openPin(page, 'visualPinB');
  await submitPin(page, '60061220354821');
  await expect(page.getByTestId('pin-error')).toContainText('Not in this transcript');
});

test('a file that is not a transcript is refused with what to do next', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('transcript-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello, not a transcript') });
  await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'transcript/invalid');
  await expect(page.getByTestId('error')).toContainText('Choose a file saved with "Export transcript"');
  await expect(page.getByTestId('start-screen')).toBeVisible();
});
