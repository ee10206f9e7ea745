import { test, expect } from './support/test';
import { openPin, openRow, scanCard, startSimulator, submitPin } from './support/flows';

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

for (const language of ['ja', 'en'] as const) {
  for (const size of SIZES) {
    test(`main views at ${size.width}×${size.height} in ${language}: nothing cut off`, async ({ page }) => {
      const shot = (view: string, fullPage = false) =>
        page.screenshot({ path: `test-results/screenshots/${view}-${size.name}-${language}.png`, fullPage });
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto('/');
      await page.getByTestId(`lang-${language}`).click();
      await shot('start', true);

      await startSimulator(page, { language });
      await scanCard(page);
      await shot('matrix', true);
      await page.getByTestId('applet-text').scrollIntoViewIfNeeded();
      await shot('matrix-viewport');

      await openPin(page, 'jpkiSign');
      await page.getByTestId('pin-input').fill('MYNA2026');
      await shot('pin-dialog');
      await page.getByTestId('pin-input').fill('');
      await submitPin(page, 'MYNA2026');

      await openRow(page, 'jpki/0001');
      await shot('certificate-detail');

      // Nothing wider than the viewport: the matrix scrolls inside its own panel.
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);

      await page.getByTestId('detail-close').click();
      await page.getByTestId('view-services').click();
      await shot('services', true);
      expect(await overflow()).toBeLessThanOrEqual(0);
    });
  }
}
