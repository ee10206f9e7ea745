import { createServer, type Server } from 'node:http';
import { test, expect, type Browser } from '@playwright/test';
import { serveBuiltSite } from './support/staticSite';

/**
 * No other site may frame MynaLens (issue 12 §4): `frame-ancestors 'none'` is sent as a header
 * (a `<meta>` policy cannot carry it). A page on another loopback origin embeds the app; the frame
 * must not show it. The control — a host that ignores `_headers` — shows that the same page would
 * otherwise display MynaLens, so the test can tell.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173);
/** The framing page's origin and a static host of dist/, inside this run's port range. */
const FRAMER_PORT = PORT + 62;
const STATIC_PORT = PORT + 63;

async function framingPage(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><title>another site</title><iframe id="victim" src="${target}/" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => server.listen(FRAMER_PORT, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${FRAMER_PORT}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Loads the framing page and answers whether MynaLens's start screen appeared inside the frame. */
async function appShownInFrame(browser: Browser, appOrigin: string): Promise<{ shown: boolean; frameUrl: string }> {
  const framer = await framingPage(appOrigin);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // The page's load event waits for its iframe's, whether the frame shows the app or an error page.
    await page.goto(framer.url, { waitUntil: 'load' });
    const child = await (await page.locator('#victim').elementHandle())!.contentFrame();
    if (!child || !child.url().startsWith(appOrigin)) return { shown: false, frameUrl: child?.url() ?? '' };
    const startScreen = child.getByTestId('start-screen');
    await startScreen.waitFor({ state: 'visible', timeout: 15_000 }).catch(() => undefined);
    return { shown: await startScreen.isVisible(), frameUrl: child.url() };
  } finally {
    await context.close();
    await framer.close();
  }
}

test.describe('MynaLens cannot be framed by another site', () => {
  test('vite preview: an iframe from another loopback origin does not show the app', async ({ browser, baseURL }) => {
    const outcome = await appShownInFrame(browser, new URL(baseURL!).origin);
    expect(outcome.shown).toBe(false);
  });

  test('a static host applying dist/_headers refuses the frame too; one ignoring it shows the app (the control)', async ({ browser }) => {
    const withHeaders = await serveBuiltSite('dist', { listenPort: STATIC_PORT });
    try {
      expect((await appShownInFrame(browser, withHeaders.origin)).shown).toBe(false);
    } finally {
      await withHeaders.close();
    }
    const metaOnly = await serveBuiltSite('dist', { headersFile: false, listenPort: STATIC_PORT });
    try {
      expect(await appShownInFrame(browser, metaOnly.origin)).toEqual({ shown: true, frameUrl: `${metaOnly.origin}/` });
    } finally {
      await metaOnly.close();
    }
  });
});
