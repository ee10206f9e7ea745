import type { Page } from '@playwright/test';
import { test, expect } from './support/test';
import { accessibilityProblems, VIEWPORTS } from './support/accessibility';
import { scanCard } from './support/flows';
import { foreignWords, visibleText } from './support/languageCheck';
import { emulator } from './support/usbEmulator';
import type { Language, View } from './support/views';

/**
 * The views only a USB reader reaches (issue 14 §3–§4), as e2e/every-view.spec.ts checks the
 * simulator's: a reader with no card, whose error offers the reader report, and a reader of each
 * kind connected and scanned with the report offered beside it, and its reader check (a CCID
 * reader's descriptor and ATR, the RC-S380's and the experimental RC-S300's ATQB facts).
 */
/** The app with no emulated reader (the walk clears the emulator's saved readers before every page load) in `language`. */
async function openWithNoReader(page: Page, language: Language): Promise<void> {
  await page.goto('/');
  await page.getByTestId(`lang-${language}`).click();
}

function readerViews(language: Language): View[] {
  const connected = (personality: string): View[] => [
    {
      name: `${personality} connected and scanned, the reader report offered`,
      enter: async (page) => {
        await openWithNoReader(page, language);
        await emulator(page, 'plug', { personality });
        await page.getByTestId('connect-reader').click();
        await expect(page.getByTestId('card-panel')).toBeVisible();
        await scanCard(page);
        await expect(page.getByTestId('card-panel').getByTestId('reader-report-save').first()).toBeVisible();
      },
    },
    {
      name: `${personality} reader check`,
      enter: async (page) => {
        await page.getByTestId('reader-check-open').click();
        await expect(page.getByTestId('reader-check-atr')).toBeVisible();
      },
      leave: async (page) => {
        await page.getByTestId('reader-check-close').click();
        await expect(page.getByTestId('reader-check')).toHaveCount(0);
      },
    },
  ];
  return [
    {
      name: 'a reader with no card: the error, the reader report offered',
      enter: async (page) => {
        await openWithNoReader(page, language);
        await emulator(page, 'plug', { personality: 'scr3310', noCard: true });
        await page.getByTestId('connect-reader').click();
        await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'usb/no-card');
        await expect(page.getByTestId('error').getByTestId('reader-report-save')).toBeVisible();
      },
    },
    ...connected('scr3310'),
    ...connected('rcs380'),
    ...connected('rcs300'),
  ];
}

async function walk(page: Page, language: Language, check: (name: string) => Promise<void>): Promise<void> {
  // The emulator replays the readers of earlier page loads from sessionStorage: each view's reader starts alone.
  await page.addInitScript(() => sessionStorage.clear());
  for (const view of readerViews(language)) {
    await view.enter(page);
    await check(view.name);
    await view.leave?.(page);
  }
}

for (const language of ['ja', 'en'] as const) {
  test(`every reader view in ${language} speaks only ${language === 'ja' ? 'Japanese' : 'English'} (technical tokens aside)`, async ({ page }) => {
    test.setTimeout(180_000);
    const found: Record<string, string[]> = {};
    await walk(page, language, async (name) => {
      const words = foreignWords(await visibleText(page), language);
      if (words.length > 0) found[name] = words;
    });
    expect(found).toEqual({});
  });

  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    test(`every reader view in ${language} on a ${device}: no serious accessibility problem, nothing scrolls sideways`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize(viewport);
      const problems: Record<string, string[]> = {};
      await walk(page, language, async (name) => {
        const found = await accessibilityProblems(page);
        if (found.length > 0) problems[name] = found;
      });
      expect(problems).toEqual({});
    });
  }
}
