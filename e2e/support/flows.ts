import type { Page } from '@playwright/test';
import { expect } from './test';
import { WARMED_UP_MARK } from '../../src/ui/store/warmedUpMark';

/** Starts the simulator from the start screen (opening it unless `navigate` is false), in English unless told otherwise. */
export async function startSimulator(
  page: Page,
  {
    holder = 'adult',
    cardState = 'fresh',
    language = 'en',
    navigate = true,
  }: { holder?: 'adult' | 'child'; cardState?: 'fresh' | 'authLastTry' | 'authBlocked'; language?: 'en' | 'ja'; navigate?: boolean } = {},
): Promise<void> {
  if (navigate) await page.goto('/');
  await page.getByTestId(`lang-${language}`).click();
  await page.getByTestId('holder-select').selectOption(holder);
  await page.getByTestId('card-state-select').selectOption(cardState);
  await page.getByTestId('use-simulator').click();
  // The first connect loads the simulator's chunks into the worker: allow a slow, busy machine.
  await expect(page.getByTestId('card-panel')).toBeVisible({ timeout: 20_000 });
}

/** Waits for the no-PIN scan that choosing a card starts by itself, until the summary and the PIN list are filled in. */
export async function scanCard(page: Page): Promise<void> {
  await expect(page.getByTestId('no-pin-summary')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('pin-list')).toBeVisible();
  await expect(page.getByTestId('scan')).toBeEnabled();
  await expect(page.getByTestId('scan-progress')).toHaveCount(0);
}

/** Opens the fold-out (a `<details>`) around `testId` if it is folded, as on a phone where the PIN list and each applet's files fold. */
async function unfoldAround(page: Page, testId: string): Promise<void> {
  const target = page.getByTestId(testId);
  await target.evaluate((element) => {
    for (let fold = element.closest('details'); fold; fold = fold.parentElement?.closest('details') ?? null) fold.open = true;
  });
}

/** Opens the PIN dialog of one credential. */
export async function openPin(page: Page, pinId: string): Promise<void> {
  await unfoldAround(page, `pin-open-${pinId}`);
  await page.getByTestId(`pin-open-${pinId}`).click();
  await expect(page.getByTestId('pin-dialog')).toHaveAttribute('data-pin', pinId);
}

/** Types and submits a PIN, ticking the last-try confirmation when asked, and waits for the answer. */
export async function submitPin(page: Page, value: string, { confirmLastTry = false } = {}): Promise<void> {
  await page.getByTestId('pin-input').fill(value);
  if (confirmLastTry) await page.getByTestId('pin-confirm-last-try').check();
  await page.getByTestId('pin-submit').click();
  const answered = page.getByTestId('pin-opened').or(page.getByTestId('pin-error')).or(page.getByTestId('pin-blocked-explanation'));
  await expect(answered.first()).toBeVisible();
  if ((await page.getByTestId('pin-input').count()) > 0) await expect(page.getByTestId('pin-input')).toHaveValue('');
}

/** Enters a PIN that the card accepts: opens its dialog, submits, and waits for what it opened to show. */
export async function enterPin(page: Page, pinId: string, value: string): Promise<void> {
  await openPin(page, pinId);
  await submitPin(page, value);
  await expect(page.getByTestId('pin-opened')).toBeVisible();
}

/** Opens a matrix row's detail. */
export async function openRow(page: Page, key: string): Promise<void> {
  await unfoldAround(page, `row-open-${key}`);
  await page.getByTestId(`row-open-${key}`).click();
  await expect(page.getByTestId('row-detail')).toHaveAttribute('data-row', key);
}

/** Opens the APDU log, folded by default, so its rows can be seen and clicked. */
export async function openLog(page: Page): Promise<void> {
  const fold = page.getByTestId('apdu-log-fold');
  if ((await fold.getAttribute('open')) === null) await page.getByTestId('apdu-log-toggle').click();
  await expect(fold).toHaveAttribute('open', '');
}

/** The text of every VERIFY command in the APDU log (read from the document, folded or not). */
export async function verifyCommands(page: Page): Promise<string[]> {
  const rows = page.getByTestId('apdu-row').filter({ hasText: 'VERIFY' });
  return rows.getByTestId('apdu-command').allTextContents();
}

/**
 * How many matrix rows show as read, counted once the matrix is drawn: the card view draws its
 * headline first and the PINs and the matrix in the pass after, so a count taken the moment an
 * error or a summary appears can run ahead of the rows.
 */
export async function countReadRows(page: Page, rows = page.locator('tr[data-status="read"]')): Promise<number> {
  await expect(page.getByTestId('matrix')).toBeVisible();
  return rows.count();
}

/**
 * Waits until the page has done its start-up work — the start screen's idle rehearsal, then the
 * service worker's first install — and left the mark that says so (ui/store/warmedUpMark.ts).
 */
export async function waitForWarmedUp(page: Page): Promise<void> {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, WARMED_UP_MARK);
}
