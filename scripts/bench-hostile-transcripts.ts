/**
 * `npx tsx scripts/bench-hostile-transcripts.ts [port]`: builds the app, opens each hostile transcript of
 * e2e/support/hostileTranscripts.ts in the production build and prints the worst main-thread
 * stall (the longest long task a PerformanceObserver saw) and how long until the page showed the
 * outcome. For the one file that opens (the replay flood), it also runs the no-PIN scan. Figures,
 * not asserts: e2e/hostile-transcripts.spec.ts holds the journey's promises.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium';
import { writeHostileTranscripts } from '../e2e/support/hostileTranscripts';

const port = Number(process.argv[2] ?? 6499);
const base = `http://127.0.0.1:${port}/`;

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await fetch(base).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no server on ${base}`);
}

/** Starts recording long tasks (tasks over 50 ms on the main thread). */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const tasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = tasks;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
  });
}

/** The longest long task, or "<50" when there was none (the API reports only tasks over 50 ms). */
const worstStall = (page: Page) =>
  page.evaluate(() => {
    const tasks = (window as unknown as { longTasks: number[] }).longTasks;
    return tasks.length === 0 ? '<50' : String(Math.round(Math.max(...tasks)));
  });
const allStalls = (page: Page) => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.map(Math.round).join(","));

/**
 * The log flood of e2e/hostile-transcripts.spec.ts: a real session's export with every READ BINARY
 * answered with 20 KB, opened and scanned.
 */
async function logFlood(page: Page): Promise<void> {
  await page.goto(base);
  await page.getByTestId('lang-en').click();
  await page.getByTestId('use-simulator').click();
  await page.getByTestId('scan').click();
  await page.getByTestId('no-pin-summary').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !(document.querySelector('[data-testid="scan"]') as HTMLButtonElement | null)?.disabled);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-transcript').click();
  await page.getByTestId('export-full-save').click();
  const session = await readFile((await (await download).path())!, 'utf8');
  const hostile = session.replace(/^(=> 00 B0 .*\n)<= .*$/gm, `$1<= ${'5A '.repeat(20_000)}90 00`);

  // The baseline: the real session opened and scanned again, as any person would.
  await page.getByTestId('clear-all').click();
  await watchLongTasks(page);
  let started = Date.now();
  await page.getByTestId('transcript-input').setInputFiles({ name: 'session.txt', mimeType: 'text/plain', buffer: Buffer.from(session) });
  await page.getByTestId('scan').click();
  await page.getByTestId('no-pin-summary').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !(document.querySelector('[data-testid="scan"]') as HTMLButtonElement | null)?.disabled, null, { timeout: 300_000 });
  if (process.env.BENCH_VERBOSE) console.log(await allStalls(page));
  console.log(`${'(baseline) real session'.padEnd(26)} worst main-thread stall ${(await worstStall(page)).padStart(5)} ms, scanned after ${Date.now() - started} ms`);

  await page.getByTestId('clear-all').click();
  await watchLongTasks(page);
  started = Date.now();
  await page.getByTestId('transcript-input').setInputFiles({ name: 'log-flood.txt', mimeType: 'text/plain', buffer: Buffer.from(hostile) });
  await page.getByTestId('scan').click();
  await page.getByTestId('log-hidden').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !(document.querySelector('[data-testid="scan"]') as HTMLButtonElement | null)?.disabled, null, { timeout: 300_000 });
  const rows = await page.getByTestId('apdu-row').count();
  const hidden = await page.getByTestId('log-hidden').textContent();
  if (process.env.BENCH_VERBOSE) console.log(await allStalls(page));
  console.log(`${'log-flood.txt'.padEnd(26)} worst main-thread stall ${(await worstStall(page)).padStart(5)} ms, scanned after ${Date.now() - started} ms: ${rows} rows shown, ${hidden?.split(',')[0]}`);
}

execFileSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
try {
  await waitForServer();
  const files = await writeHostileTranscripts(join('test-results', 'hostile-transcripts'));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  for (const file of files) {
    await page.goto(base);
    await page.getByTestId('lang-en').click();
    await watchLongTasks(page);
    const started = Date.now();
    await page.getByTestId('transcript-input').setInputFiles(file.path);
    let outcome: string;
    if (file.refusedWith) {
      outcome = (await page.getByTestId('error').getAttribute('data-code', { timeout: 60_000 })) ?? '?';
    } else {
      await page.getByTestId('card-panel').waitFor({ timeout: 60_000 });
      await page.getByTestId('scan').click();
      await page.getByTestId('error').or(page.getByTestId('no-pin-summary')).first().waitFor({ timeout: 300_000 });
      const rows = await page.getByTestId('apdu-row').count();
      const hidden = await page.getByTestId('log-hidden').count();
      const code = await page.getByTestId('error').getAttribute('data-code', { timeout: 1_000 }).catch(() => 'no error');
      outcome = `opened; the scan ended with ${code}, ${rows} log rows shown${hidden ? ' and earlier ones counted' : ''}`;
    }
    const elapsed = Date.now() - started;
    if (process.env.BENCH_VERBOSE) console.log(await allStalls(page));
    console.log(`${file.name.padEnd(26)} worst main-thread stall ${(await worstStall(page)).padStart(5)} ms, outcome after ${elapsed} ms: ${outcome}`);
  }
  await logFlood(page);
  await browser.close();
} finally {
  process.kill(-server.pid!);
}
