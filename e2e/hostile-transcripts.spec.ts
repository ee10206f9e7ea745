import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { test, expect } from './support/test';
import { scanCard, startSimulator } from './support/flows';
import { writeHostileTranscripts, type HostileTranscript } from './support/hostileTranscripts';

/**
 * Issue 12 §3: a transcript is a file anyone can send. Each hostile file is refused with its own
 * clear error, naming the file, within 5 s — and the page answers a click meanwhile (the file goes
 * to the engine worker unread; the main thread never reads or parses it).
 */

let files: HostileTranscript[] = [];
test.beforeAll(async () => {
  files = await writeHostileTranscripts(join('test-results', 'hostile-transcripts'));
});

/** Chooses the file, then proves the page still answers: a click on the language switch takes effect. */
async function openWhileClicking(page: Page, path: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('transcript-input').setInputFiles(path);
  await page.getByTestId('lang-ja').click();
  await expect(page.getByTestId('lang-ja')).toHaveAttribute('aria-pressed', 'true', { timeout: 1_000 });
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('lang-en')).toHaveAttribute('aria-pressed', 'true', { timeout: 1_000 });
}

const REFUSED = [
  ['flood-61xx.txt', 'goes on with "more bytes waiting" (61xx)'],
  ['response-8mb-in-25mb.txt', 'files over 2 MB are not opened'],
  ['fifty-megabytes.txt', 'files over 2 MB are not opened'],
  ['line-10mb.txt', 'files over 2 MB are not opened'],
  ['line-300kb.txt', 'no line of a real transcript is longer than 256 KB'],
  ['response-80kb.txt', 'a card answers one command with at most 65538'],
  ['invalid-hex.txt', 'Choose a file saved with "Export transcript"'],
] as const;

for (const [name, says] of REFUSED) {
  test(`${name} is refused with a clear error, and the page keeps answering`, async ({ page }) => {
    const file = files.find((f) => f.name === name)!;
    await openWhileClicking(page, file.path);
    const error = page.getByTestId('error');
    await expect(error).toHaveAttribute('data-code', file.refusedWith!, { timeout: 5_000 });
    await expect(error).toContainText(says);
    if (file.refusedWith !== 'transcript/invalid') await expect(error).toContainText(`"${name}"`);
    // The engine was not replaced: the error blames the file, and the start screen is still usable.
    await expect(page.getByTestId('start-screen')).toBeVisible();
    await page.getByTestId('lang-ja').click();
    if (file.refusedWith !== 'transcript/invalid') await expect(error).toContainText(`「${name}」`);
    await page.getByTestId('use-simulator').click();
    await expect(page.getByTestId('card-panel')).toBeVisible({ timeout: 20_000 });
  });
}

test('a file within the caps whose GET RESPONSE answers 61 00 for ever opens, and the scan stops at the cap with a clear error', async ({ page }) => {
  const file = files.find((f) => f.name === 'replay-flood-61xx.txt')!;
  await openWhileClicking(page, file.path);
  // Opening the file scans it at once.
  await expect(page.getByTestId('card-panel')).toContainText('Replaying replay-flood-61xx.txt');
  await page.getByTestId('lang-ja').click();
  await expect(page.getByTestId('lang-ja')).toHaveAttribute('aria-pressed', 'true', { timeout: 1_000 });
  const error = page.getByTestId('error');
  await expect(error).toHaveAttribute('data-code', 'card/unexpected-status', { timeout: 5_000 });
  // The issuer security domain's SELECT (not found), then the JPKI SELECT and 64 GET RESPONSE rounds
  // of 1 KB fill the 65 536 bytes one command may get; the channel stops there (it went on to 256
  // rounds, 256 KB, before the cap).
  await expect(page.getByTestId('apdu-row')).toHaveCount(1 + 1 + 64);
});

test('a replay that floods the APDU log shows the newest rows, counts the earlier ones, and the export keeps them all', async ({ page }) => {
  // A real session, then every READ BINARY answered with 20 KB: about a megabyte of hex for the log.
  await startSimulator(page);
  await scanCard(page);
  const recorded = page.waitForEvent('download');
  await page.getByTestId('export-transcript').click();
  await page.getByTestId('export-full-save').click();
  const session = await readFile((await (await recorded).path())!, 'utf8');
  const hostile = session.replace(/^(=> 00 B0 .*\n)<= .*$/gm, `$1<= ${'5A '.repeat(20_000)}90 00`);
  await page.getByTestId('clear-all').click();
  await page.getByTestId('transcript-input').setInputFiles({ name: 'log-flood.txt', mimeType: 'text/plain', buffer: Buffer.from(hostile) });
  await expect(page.getByTestId('card-panel')).toContainText('Replaying log-flood.txt');
  // Opening the file scanned it at once.
  const hidden = page.getByTestId('log-hidden');
  await expect(hidden).toContainText('earlier rows not shown', { timeout: 5_000 });
  await page.getByTestId('lang-ja').click();
  await expect(hidden).toContainText('行は表示していません', { timeout: 1_000 });
  await expect(page.getByTestId('scan')).toBeEnabled({ timeout: 30_000 });

  const shown = await page.getByTestId('apdu-row').count();
  expect(shown).toBeLessThanOrEqual(500);
  const notShown = Number((await hidden.textContent())!.match(/(\d+)/)![1]);
  const exported = page.waitForEvent('download');
  await page.getByTestId('export-transcript').click();
  await page.getByTestId('export-full-save').click();
  const text = await readFile((await (await exported).path())!, 'utf8');
  expect(text.match(/^=> /gm)).toHaveLength(shown + notShown);
});
