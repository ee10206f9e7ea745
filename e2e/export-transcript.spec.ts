import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './support/test';
import { enterPin, openPin, scanCard, startSimulator, submitPin } from './support/flows';

/** The adult simulator holder (README "Simulator holders"). */
const MY_NUMBER_ASCII_HEX = '31 32 33 34 35 36 37 38 39 30 31 38'; // 123456789018
const PIN_B = '60061220354821';

async function save(page: Page, kind: 'full' | 'redacted'): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-transcript').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await page.getByTestId(`export-${kind}-save`).click();
  const file = await download;
  await expect(page.getByTestId('export-dialog')).toBeHidden();
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

/**
 * The data of every answer given after a right PIN in the same applet, read from the full file
 * the way docs/card-reference.md §5 says a card keeps its state: SELECT by name forgets the PIN.
 */
function answersAfterPins(text: string): string[] {
  const lines = text.split('\n').filter((l) => l.startsWith('=> ') || l.startsWith('<= '));
  const out: string[] = [];
  let verified = false;
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const command = lines[i]!.slice(3);
    const response = lines[i + 1]!.slice(3);
    if (command.startsWith('00 A4 04')) verified = false;
    else if (command.includes('PIN hidden')) verified = response === '90 00';
    else if (verified && response.length > 5) out.push(response.slice(0, -6));
  }
  return out;
}

test('export says what each kind of file holds; the redacted one withholds what PINs opened, the full one replays', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);
  await enterPin(page, 'textPin', '1234');
  await enterPin(page, 'visualPinB', PIN_B);

  // The dialog is a native <dialog>, and names the personal data actually read.
  await page.getByTestId('export-transcript').click();
  const dialog = page.locator('dialog[open][data-testid="export-dialog"]');
  await expect(dialog).toBeVisible();
  const full = dialog.getByTestId('export-full');
  for (const fact of ['authCertificate', 'myNumber', 'name', 'address', 'birthDate', 'sex', 'photo', 'cardExpiry', 'securityCode']) {
    await expect(full.locator(`[data-fact="${fact}"]`)).toBeVisible();
  }
  await expect(full.locator('[data-fact="myNumber"]')).toContainText('My Number');
  await expect(dialog.getByTestId('export-pin-a')).toContainText('照合番号A');
  await expect(dialog.getByTestId('export-pin-b')).toContainText('照合番号B');
  const redacted = dialog.getByTestId('export-redacted');
  await expect(redacted.locator('[data-fact="authCertificate"]')).toBeVisible();
  for (const fact of ['myNumber', 'name', 'address', 'birthDate', 'securityCode']) await expect(redacted.locator(`[data-fact="${fact}"]`)).toHaveCount(0);
  await dialog.getByTestId('export-cancel').click();
  await expect(page.getByTestId('export-dialog')).toBeHidden();

  const fullFile = await save(page, 'full');
  const redactedFile = await save(page, 'redacted');
  expect(fullFile.name).toBe('mynalens-transcript.txt');
  expect(redactedFile.name).toBe('mynalens-transcript-redacted.txt');

  // Full: the My Number is there, which is why the dialog warned. Redacted: not, nor any answer a PIN opened.
  expect(fullFile.text).toContain(MY_NUMBER_ASCII_HEX);
  expect(redactedFile.text).not.toContain(MY_NUMBER_ASCII_HEX);
  // (Filler such as 16 × FF also sits in free files, so only answers with content are looked for.)
  const protectedAnswers = answersAfterPins(fullFile.text).filter((data) => data.length >= 12 * 3 && new Set(data.split(' ')).size > 1);
  expect(protectedAnswers.length).toBeGreaterThan(5);
  for (const data of protectedAnswers) expect(redactedFile.text).not.toContain(data);
  // Same structure: as many APDUs, each answer as long.
  const shape = (text: string) => text.split('\n').filter((l) => l.startsWith('=> ') || l.startsWith('<= ')).map((l) => l.split(' ').length);
  expect(shape(redactedFile.text)).toEqual(shape(fullFile.text));

  // The full file replays past the PINs, to the same My Number row.
  await page.getByTestId('clear-all').click();
  await page.getByTestId('transcript-input').setInputFiles({ name: fullFile.name, mimeType: 'text/plain', buffer: Buffer.from(fullFile.text) });
  await expect(page.getByTestId('connection-line')).toHaveText(`Replaying ${fullFile.name} — not a card`);
  await scanCard(page);
  await enterPin(page, 'textPin', '1234');
  await expect(page.getByTestId('row-text/0001')).toHaveAttribute('data-status', 'read');

  // The redacted file replays the scan, and stops at the PIN with a clear message.
  await page.getByTestId('clear-all').click();
  await page.getByTestId('transcript-input').setInputFiles({ name: redactedFile.name, mimeType: 'text/plain', buffer: Buffer.from(redactedFile.text) });
  await scanCard(page);
  await expect(page.getByTestId('cell-jpki/000A-none')).toHaveAttribute('data-cell', 'read');
  await openPin(page, 'textPin');
  await submitPin(page, '1234');
  await expect(page.getByTestId('pin-error')).toHaveAttribute('data-code', 'transport/replay-withheld');
  await expect(page.getByTestId('pin-error')).toContainText('redacted transcript');
});
