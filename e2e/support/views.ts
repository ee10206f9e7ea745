import type { Page } from '@playwright/test';
import { expect } from './test';
import { openLog, openPin, openRow, scanCard, startSimulator, submitPin } from './flows';

export type Language = 'ja' | 'en';

/** One view of the app as a person reaches it, entered from the one before in `everyView`'s order. */
export interface View {
  readonly name: string;
  /** Brings the page to the view; `check` runs while it shows, then `leave` (if any) closes it. */
  readonly enter: (page: Page) => Promise<void>;
  readonly leave?: (page: Page) => Promise<void>;
}

const closeDetail = async (page: Page) => {
  await page.getByTestId('detail-close').click();
  await expect(page.getByTestId('row-detail')).toHaveCount(0);
};

/** Opens every applet fold-out and every "files that never leave the card" fold, so every row can be reached. */
export async function unfoldMatrix(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const details of Array.from(document.querySelectorAll<HTMLDetailsElement>('[data-testid="matrix"] details'))) details.open = true;
  });
}

/** The matrix rows, in page order, for the detail views. */
export async function rowKeys(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="row-open-"]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid')!.slice('row-open-'.length)));
}

/**
 * Every view a person can reach with the simulator, in an order that walks them in one session:
 * the start screen, an unreadable transcript's error, the scanned page, "Check the card", the APDU log open, each
 * dialog (a PIN with a wrong entry's error, the transcript export), "What a service sees" with the
 * no-PIN read, and the privacy page. Row details come from `rowKeys` after `scanned`.
 */
export function everyView(language: Language): View[] {
  return [
    {
      name: 'start',
      enter: async (page) => {
        await page.goto('/');
        await page.getByTestId(`lang-${language}`).click();
        await expect(page.getByTestId('start-screen')).toBeVisible();
      },
    },
    {
      name: 'error: unreadable transcript',
      enter: async (page) => {
        await page.getByTestId('transcript-input').setInputFiles({ name: 'not-a-transcript.txt', mimeType: 'text/plain', buffer: Buffer.from('hello\n') });
        await expect(page.getByTestId('error')).toBeVisible();
      },
    },
    {
      name: 'scanned',
      enter: async (page) => {
        await startSimulator(page, { language });
        await scanCard(page);
      },
    },
    {
      name: 'check the card',
      enter: async (page) => {
        await page.getByTestId('check-card').click();
        await expect(page.getByTestId('card-check-atr')).toBeVisible();
        await expect(page.getByTestId('card-check-expiry')).toBeVisible();
      },
    },
    {
      name: 'APDU log open',
      enter: (page) => openLog(page),
    },
    {
      name: 'PIN dialog with a wrong PIN',
      enter: async (page) => {
        await openPin(page, 'textPin');
        await submitPin(page, '0000');
        await expect(page.getByTestId('pin-error')).toBeVisible();
      },
      leave: async (page) => {
        await page.getByTestId('pin-close').click();
        await expect(page.getByTestId('pin-dialog')).toHaveCount(0);
      },
    },
    {
      // An accepted PIN closes its dialog; the page then says what the PIN opened.
      name: 'PIN accepted: what it opened',
      enter: async (page) => {
        await openPin(page, 'textPin');
        await submitPin(page, '1234');
        await expect(page.getByTestId('pin-opened')).toBeVisible();
        await expect(page.getByTestId('pin-dialog')).toHaveCount(0);
      },
    },
    {
      name: 'export dialog',
      enter: async (page) => {
        await page.getByTestId('export-transcript').click();
        await expect(page.getByTestId('export-dialog')).toBeVisible();
      },
      leave: async (page) => {
        await page.getByTestId('export-cancel').click();
        await expect(page.getByTestId('export-dialog')).toHaveCount(0);
      },
    },
    {
      name: 'what a service sees',
      enter: async (page) => {
        await page.getByTestId('view-services').click();
        await page.getByTestId('nopin-read').click();
        await expect(page.getByTestId('nopin-serial')).toBeVisible({ timeout: 20_000 });
      },
      leave: async (page) => {
        await page.getByTestId('view-exposure').click();
        await expect(page.getByTestId('matrix')).toBeVisible();
      },
    },
    {
      name: 'privacy page',
      enter: async (page) => {
        await page.getByTestId('privacy-open').click();
        await expect(page.getByTestId('privacy-page')).toBeVisible();
      },
    },
  ];
}

/** A row's detail as a view of its own. */
export function detailView(key: string): View {
  return {
    name: `detail ${key}`,
    enter: (page) => openRow(page, key),
    leave: closeDetail,
  };
}
