import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { test, expect } from './support/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium';
import { scanCard, startSimulator, waitForWarmedUp } from './support/flows';
import { WARMED_UP_MARK } from '../src/ui/store/warmedUpMark';
import { serveBuiltSite } from './support/staticSite';
import { RECORD_ENGINE_ANSWERS, type EngineAnswer } from './support/engineAnswers';

test.describe('installable, offline, private', () => {
  test('Chrome reports no installability errors', async ({ baseURL }) => {
    // Installability needs a real (non-incognito) profile, so this journey launches its own.
    const profile = mkdtempSync(join(tmpdir(), 'mynalens-profile-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    try {
      const foreign: string[] = [];
      context.on('request', (r) => {
        if (!r.url().startsWith(new URL(baseURL!).origin) && !r.url().startsWith('data:')) foreign.push(r.url());
      });
      const page = await context.newPage();
      await page.goto(baseURL!);
      await page.evaluate(() => navigator.serviceWorker.ready);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: { errorId: string }[];
      };
      expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
      const manifest = await page.locator('link[rel="manifest"]').getAttribute('href');
      expect(manifest).toBeTruthy();
      expect(foreign).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  test('the service worker controls the page after a reload, and the app loads and a full scan runs offline', async ({ page, context }) => {
    await page.goto('/');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect(page.getByTestId('app-status')).toHaveAttribute('data-status', 'offline-ready');
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await context.setOffline(true);
    await page.reload();
    // A full simulator scan with the network gone: every chunk, the worker and the card come from the cache.
    await startSimulator(page);
    await scanCard(page);
    await expect(page.getByTestId('cell-jpki/000A-none')).toHaveAttribute('data-cell', 'read');
    await expect(page.getByTestId('cell-cardLevel/0045-none')).toHaveAttribute('data-cell', 'read');
    await context.setOffline(false);
  });

  test('the offline copy is fetched only after the start screen\'s rehearsal, and the page is marked warmed up only once it is stored', async ({ page }) => {
    // Records when the engine answered the rehearsal (RECORD_ENGINE_ANSWERS), when the service
    // worker was registered, and what its install had come to when the page left its warmed-up mark.
    await page.addInitScript({ content: RECORD_ENGINE_ANSWERS });
    await page.addInitScript({
      content: `(() => {
        const w = window;
        w.order = { registered: null, installAtMark: null };
        let registration = null;
        const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
        navigator.serviceWorker.register = (...args) => {
          w.order.registered = performance.now();
          return register(...args).then((r) => (registration = r));
        };
        const mark = performance.mark.bind(performance);
        performance.mark = (name, options) => {
          if (name === '${WARMED_UP_MARK}') w.order.installAtMark = registration ? { installing: registration.installing !== null, stored: (registration.active || registration.waiting) !== null } : 'not registered';
          return mark(name, options);
        };
      })();`,
    });
    await page.goto('/');
    await waitForWarmedUp(page);
    const { order, answers } = await page.evaluate(() => {
      const w = window as unknown as { order: { registered: number | null; installAtMark: unknown }; engineAnswers: EngineAnswer[] };
      return { order: w.order, answers: w.engineAnswers };
    });
    const rehearsal = answers.find((a) => a.method === 'warmUp' && (a.params as { rehearse?: boolean }).rehearse);
    expect(rehearsal).toBeDefined();
    expect(order.registered).not.toBeNull();
    expect(order.registered!).toBeGreaterThanOrEqual(rehearsal!.answeredAt);
    expect(order.installAtMark).toEqual({ installing: false, stored: true });
    await expect(page.getByTestId('app-status')).toHaveAttribute('data-status', 'offline-ready');
  });

  test('a new version waiting shows "update available"; Reload activates it and the page comes back under it', async ({ browser }) => {
    // Its own loopback server over the built site, so the journey can deploy a "new version" —
    // the same service worker script with one line more — without touching the shared server.
    const site = await serveBuiltSite();
    const context = await browser.newContext({ baseURL: site.origin });
    const foreign: string[] = [];
    context.on('request', (r) => {
      if (!r.url().startsWith(site.origin) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    try {
      const page = await context.newPage();
      await page.goto('/');
      await page.evaluate(() => navigator.serviceWorker.ready);
      await expect(page.getByTestId('app-status')).toHaveAttribute('data-status', 'offline-ready');

      // A later visit: the page is now controlled, so a new version has to wait for it.
      await page.reload();
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      site.deployNextVersion();
      await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.update()));
      const status = page.getByTestId('app-status');
      await expect(status).toHaveAttribute('data-status', 'update-available');
      expect(site.servedNextVersion()).toBe(true);
      const waiting = () => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting?.state ?? 'none'));
      expect(await waiting()).toBe('installed');
      // The new worker takes over first ("controlling"), then the page reloads under it.
      const reloaded = page.waitForEvent('load');
      await status.getByRole('button', { name: /reload|再読み込み/i }).click();
      await reloaded;
      await expect
        .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'))
        .toBe('activated');
      await expect(page.getByTestId('start-screen')).toBeVisible();
      await expect(page.getByTestId('app-status')).toHaveCount(0);
      expect(await waiting()).toBe('none');
      expect(foreign).toEqual([]);
    } finally {
      await context.close();
      await site.close();
    }
  });

  test('a Content-Security-Policy allowing only this origin is present and blocks inline script', async ({ page }) => {
    await page.goto('/');
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("require-trusted-types-for 'script'");
    // Inline script text is refused before it reaches the DOM (Trusted Types, no policy makes
    // TrustedScript), and a script URL of another origin is refused by our default policy.
    const outcome = await page.evaluate(async () => {
      const tryIt = async (build: (script: HTMLScriptElement) => void) => {
        try {
          const script = document.createElement('script');
          build(script);
          document.body.append(script);
          await new Promise((r) => setTimeout(r, 50));
          return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true ? 'ran' : 'not run';
        } catch (error) {
          return `refused: ${(error as Error).name}`;
        }
      };
      return {
        inline: await tryIt((s) => (s.textContent = 'window.__inlineRan = true;')),
        foreign: await tryIt((s) => (s.src = 'https://example.com/tracker.js')),
      };
    });
    expect(outcome).toEqual({ inline: 'refused: TypeError', foreign: 'refused: TypeError' });
  });

  test('the privacy page says what is kept and how to check, in both languages', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('lang-en').click();
    await page.getByTestId('privacy-open').click();
    await expect(page.getByTestId('privacy-page')).toContainText('Network panel');
    await page.getByTestId('lang-ja').click();
    await expect(page.getByTestId('privacy-page')).toContainText('ネットワーク');
    await page.getByTestId('privacy-close').click();
    await expect(page.getByTestId('use-simulator')).toBeVisible();
  });
});
