import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The viewports every view is checked at: a desktop and a 390×844 phone (issue 14 §4). */
export const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

/** Axe's serious and critical violations on the page as it stands, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** Axe's serious and critical violations, and a page wider than the window (it would scroll sideways). */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const problems = await seriousViolations(page);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  if (scrollWidth > innerWidth) problems.push(`scrolls sideways: ${scrollWidth} > ${innerWidth}`);
  return problems;
}
