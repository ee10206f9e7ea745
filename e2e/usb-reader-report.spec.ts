import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { scanCard } from './support/flows';
import { test, expect } from './support/test';
import { connectReader, emulator, openWithReader } from './support/usbEmulator';

/** The adult simulator holder (README "Simulator holders"): the My Number, in digits and as the card stores it (ASCII). */
const MY_NUMBER = '123456789018';
const MY_NUMBER_ASCII_HEX = '31 32 33 34 35 36 37 38 39 30 31 38';

interface SavedReport {
  readonly name: string;
  readonly text: string;
  readonly json: {
    format: string;
    version: number;
    attempt: { outcome: string; error: { code: string } | null };
    reader: { vendorId: string; productId: string };
    usb: { device: Record<string, unknown>; configurations: unknown[]; ccidClassDescriptor: { raw: string } | null };
    startUp: { steps: { call: string; atMs: number }[] };
    card: { atr: string | null };
    negotiated: { protocol: string } | null;
    apdus: { command: string; responseData: string | null }[];
  };
}

async function saveReport(page: Page, where: 'card-panel' | 'error'): Promise<SavedReport> {
  const download = page.waitForEvent('download');
  await page.getByTestId(where).getByTestId('reader-report-save').click();
  const file = await download;
  const text = await readFile((await file.path())!, 'utf8');
  return { name: file.suggestedFilename(), text, json: JSON.parse(text) as SavedReport['json'] };
}

test('Save a reader report after a connection: descriptors, start-up steps, ATR, the no-PIN scan — and nothing personal', async ({ page }) => {
  await openWithReader(page, 'scr3310');
  await connectReader(page);
  await scanCard(page);
  const { name, text, json } = await saveReport(page, 'card-panel');
  expect(name).toBe('mynalens-reader-report-04E6-511A.json');
  expect(json).toMatchObject({ format: 'mynalens-reader-report', version: 1, attempt: { outcome: 'connected', error: null } });
  expect(json.reader).toMatchObject({ vendorId: '04E6', productId: '511A' });
  expect(json.usb.configurations.length).toBeGreaterThan(0);
  expect(json.usb.ccidClassDescriptor?.raw).toMatch(/^36 21 /);
  expect(json.startUp.steps[0]).toMatchObject({ call: 'open' });
  expect(json.startUp.steps.some((s) => s.call === 'transferOut')).toBe(true);
  expect(json.card.atr).toBe('3B E0 00 FF 81 31 FE 45 14');
  expect(json.negotiated?.protocol).toBe('T=1');
  expect(json.apdus.length).toBeGreaterThan(20);
  expect(json.apdus.some((a) => a.command.startsWith('00 A4 04'))).toBe(true);
  expect(text).not.toContain(MY_NUMBER);
  expect(text).not.toContain(MY_NUMBER_ASCII_HEX);
  // The test fixture fails the journey if the page or its worker made any request off the app's origin.
});

test('Save a reader report after a reader error: offered beside the error, and it says where start-up stopped', async ({ page }) => {
  await openWithReader(page, 'scr3310', { noCard: true });
  await page.getByTestId('connect-reader').click();
  await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'usb/no-card');
  const { json } = await saveReport(page, 'error');
  expect(json.attempt).toMatchObject({ outcome: 'failed', error: { code: 'usb/no-card' } });
  expect(json.startUp.steps.length).toBeGreaterThan(3);
});

for (const end of ['disconnect', 'clear-all'] as const) {
  test(`a hung reader: ${end} still works, and the app is usable after (issue 15 §3)`, async ({ page }) => {
    await openWithReader(page, 'scr3310');
    await connectReader(page);
    // From the 30th exchange on, the reader asks for more time for ever.
    await emulator(page, 'injectAfter', 30, { kind: 'endless-time-extension' });
    await page.getByTestId('scan').click();
    await expect.poll(() => page.getByTestId('apdu-row').count()).toBeGreaterThan(10);
    // The scan is stuck on the reader (its deadline is a minute away), and the buttons say so.
    await expect(page.getByTestId('scan-progress')).toBeVisible();
    await expect(page.getByTestId('scan')).toBeDisabled();
    await page.getByTestId(end).click();
    await expect(page.getByTestId('card-panel')).toBeHidden();
    await expect(page.getByTestId('apdu-row')).toHaveCount(0);
    await expect(page.getByTestId('error')).toBeHidden();
    // Usable: the simulator connects and scans at once.
    await page.getByTestId('use-simulator').click();
    await expect(page.getByTestId('card-panel')).toBeVisible({ timeout: 20_000 });
    await scanCard(page);
  });
}
