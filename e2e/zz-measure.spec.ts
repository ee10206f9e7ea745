import { test } from './support/test';
import { scanCard, startSimulator } from './support/flows';
for (const language of ['en', 'ja'] as const) {
  test(`measure ${language}`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await startSimulator(page, { language });
    await scanCard(page);
    const m = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth, parts: Array.from(document.querySelectorAll('main > *, [role=tabpanel] > *')).map((e) => `${e.getAttribute('data-testid') ?? e.className}:${Math.round(e.getBoundingClientRect().height)}`) }));
    console.log('MEASURE', language, JSON.stringify(m));
    await page.screenshot({ path: `/tmp/t14a/after-${language}.png`, fullPage: true });
  });
}
