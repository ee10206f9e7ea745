import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect } from './support/test';
import { enterPin, openLog, openRow, scanCard, startSimulator } from './support/flows';
import { drawnAsCanvas, dumpPage, type PageDump } from './support/pageDump';

/** The adult simulator holder's My Number (README, Simulator holders) = 照合番号A. */
const MY_NUMBER = '123456789018';
const GROUPED = '1234 5678 9018';
const ASCII_HEX = '31 32 33 34 35 36 37 38 39 30 31 38';
/** Text EF 0001 as docs/card-reference.md §7.2 draws it, and its SHA-256, which §7.4 stores in EF 0003 DF31. */
const EF_0001_HEX = `FF 10 0C ${ASCII_HEX} FF FF`;
const DIGEST_HEX = createHash('sha256').update(Buffer.from(EF_0001_HEX.replace(/ /g, ''), 'hex')).digest('hex').toUpperCase();

/** Spaced upper-case hex, as the raw view and the log show bytes. */
const spaced = (compact: string) => compact.toUpperCase().match(/../g)!.join(' ');

/** Every 8-byte run of a value: a leak of any one of them is a leak. */
function runsOf(compactHex: string): string[] {
  const runs: string[] = [];
  for (let i = 0; i + 16 <= compactHex.length; i += 2) runs.push(compactHex.slice(i, i + 16).toUpperCase());
  return runs;
}

/** The compressed pixels of a PNG (its IDAT data): what draws the digits, unlike the header every PNG shares. */
function pixelsHex(png: Buffer): string {
  const hex = png.toString('hex').toUpperCase();
  const from = hex.indexOf('49444154') + 8; // "IDAT"
  const to = hex.indexOf('49454E44') - 16; // back over IDAT's CRC and IEND's length field
  return hex.slice(from, to);
}

/** The ways the number can be written, found in a page's text whatever the spacing or case. */
function numberForms(text: string): string[] {
  const compact = text.toUpperCase().replace(/\s+/g, '');
  const found: string[] = [];
  if (compact.includes(MY_NUMBER)) found.push('the 12 digits');
  if (compact.includes(ASCII_HEX.replace(/ /g, ''))) found.push('the digits as ASCII hex');
  if (runsOf(DIGEST_HEX).some((run) => compact.includes(run))) found.push('the SHA-256 of EF 0001');
  return found;
}

/** Opens a row: the decoded view shows at once; the raw bytes are one click away, under "technical details". */
async function showRow(page: Page, key: string, view: 'decoded' | 'raw'): Promise<void> {
  await openRow(page, key);
  if (view === 'raw') await page.getByTestId('detail-raw').click();
  await expect(page.getByTestId(`detail-${view}-view`)).toBeVisible();
}

async function closeRow(page: Page): Promise<void> {
  await page.getByTestId('detail-close').click();
  await expect(page.getByTestId('row-detail')).toHaveCount(0);
}

/** Enters the PINs that open the My Number: the text PIN (text EF 0001, 0003) and PIN-A of the visual AP (EF 0005). */
async function openTheNumber(page: Page): Promise<void> {
  await enterPin(page, 'textPin', '1234');
  await enterPin(page, 'visualPinA', MY_NUMBER);
  for (const key of ['text/0001', 'text/0003', 'visual/0005']) await expect(page.getByTestId(`row-${key}`)).toHaveAttribute('data-status', 'read');
}

test('the My Number is nowhere on the page until Reveal, and everywhere it belongs after', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);
  await openTheNumber(page);

  // Before Reveal: every place the number could show, in both views, read the way a script could.
  const before: PageDump[] = [await dumpPage(page)];
  for (const key of ['text/0001', 'text/0003', 'visual/0005']) {
    await openRow(page, key);
    for (const view of ['decoded', 'raw'] as const) {
      if (view === 'raw') await page.getByTestId('detail-raw').click();
      await expect(page.getByTestId(`detail-${view}-view`)).toBeVisible();
      if (key === 'text/0001' && view === 'decoded') await expect(page.getByTestId('my-number-value')).toHaveText('●●●● ●●●● 9018');
      if (key === 'text/0003' && view === 'decoded') {
        await expect(page.locator('[data-derived="true"] [data-testid="field-value"][data-hidden="true"]')).toHaveCount(2);
      }
      if (key === 'visual/0005' && view === 'decoded') {
        await expect(page.getByTestId('image-cover')).toBeVisible();
        await expect(page.getByTestId('card-image').locator('img')).toHaveCount(0);
      }
      before.push(await dumpPage(page));
    }
    await closeRow(page);
  }
  await openLog(page);
  await expect(page.locator('[data-testid="apdu-response"][data-hidden="true"]').first()).toBeVisible();
  for (const dump of before) expect(numberForms(dump.text)).toEqual([]);

  // Reveal once: every place shows it.
  await showRow(page, 'visual/0005', 'decoded');
  await page.getByTestId('my-number-reveal').click();
  const picture = page.getByTestId('card-image').locator('img');
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 72)).toBe(true);
  const pictureSource = (await picture.getAttribute('src'))!;
  const pixels = pixelsHex(Buffer.from(pictureSource.replace('data:image/png;base64,', ''), 'base64'));
  const derived = await page.locator('[data-derived="true"] [data-testid="field-value"]').allInnerTexts();
  await page.getByTestId('detail-raw').click();
  await expect(page.getByTestId('detail-raw-view')).toContainText(spaced(pixels.slice(0, 32)));
  await closeRow(page);

  await showRow(page, 'text/0001', 'decoded');
  await expect(page.getByTestId('my-number-value')).toHaveText(GROUPED);
  await page.getByTestId('detail-raw').click();
  await expect(page.getByTestId('detail-raw-view')).toContainText(EF_0001_HEX);
  await closeRow(page);

  await showRow(page, 'text/0003', 'decoded');
  await expect(page.getByTestId('row-detail')).toContainText(DIGEST_HEX);
  derived.push(...(await page.locator('[data-derived="true"] [data-testid="field-value"]').allInnerTexts()));
  await page.getByTestId('detail-raw').click();
  await expect(page.getByTestId('detail-raw-view')).toContainText(spaced(DIGEST_HEX));
  await closeRow(page);

  await expect(page.getByTestId('apdu-response').filter({ hasText: ASCII_HEX })).toHaveCount(1);
  await expect(page.getByTestId('log-my-number-reveal')).toHaveAttribute('aria-pressed', 'true');

  // What Reveal showed was not on the page before it: the picture (as an image, its bytes, a canvas) and the signatures.
  expect(derived).toHaveLength(3); // text 0003 digest and signature, visual 0005 signature
  const secretRuns = [...runsOf(pixels), ...derived.flatMap((value) => runsOf(value.replace(/\s/g, '')))];
  const drawn = await drawnAsCanvas(page, pictureSource);
  for (const dump of before) {
    const compact = dump.text.toUpperCase().replace(/\s+/g, '');
    expect(secretRuns.filter((run) => compact.includes(run))).toEqual([]);
    expect(dump.text).not.toContain(pictureSource.slice('data:image/png;base64,'.length, 64));
    expect(dump.imageSources).not.toContain(pictureSource);
    expect(dump.canvases.map((c) => c.dataUrl)).not.toContain(drawn.dataUrl);
  }

  // Hide (here from the log): every place hides it again.
  await page.getByTestId('log-my-number-reveal').click();
  await expect(page.getByTestId('apdu-response').filter({ hasText: ASCII_HEX })).toHaveCount(0);
  await showRow(page, 'visual/0005', 'decoded');
  await expect(page.getByTestId('card-image').locator('img')).toHaveCount(0);
  const hidden = await dumpPage(page);
  expect(numberForms(hidden.text)).toEqual([]);
  expect(hidden.imageSources).not.toContain(pictureSource);
});

test('Clear everything hides the My Number again, and the next card starts hidden', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);
  await openTheNumber(page);
  await showRow(page, 'text/0001', 'decoded');
  await page.getByTestId('my-number-reveal').click();
  await expect(page.getByTestId('my-number-value')).toHaveText(GROUPED);
  await closeRow(page);

  await page.getByTestId('clear-all').click();
  await expect(page.getByTestId('start-screen')).toBeVisible();
  // The same page, no reload: a new card from the start screen.
  await page.getByTestId('use-simulator').click();
  await expect(page.getByTestId('card-panel')).toBeVisible({ timeout: 20_000 });
  await scanCard(page);
  await openTheNumber(page);
  await showRow(page, 'text/0001', 'decoded');
  await expect(page.getByTestId('my-number-value')).toHaveText('●●●● ●●●● 9018');
  await expect(page.getByTestId('my-number-reveal')).toHaveAttribute('aria-pressed', 'false');
  expect(numberForms((await dumpPage(page)).text)).toEqual([]);
});
