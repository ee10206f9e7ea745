/**
 * `npx tsx scripts/bench-hostile-transcripts.ts [port]`: builds the app, opens each hostile transcript of
 * e2e/support/hostileTranscripts.ts in the production build and prints the worst main-thread
 * stall (the longest task of the page's main thread in Chromium's trace, with the thread's own
 * CPU time in it) and how long until the page showed the outcome. For the one file that opens (the replay flood), it also runs the no-PIN scan. Figures,
 * not asserts: e2e/hostile-transcripts.spec.ts holds the journey's promises.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
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

/** A long task of the page's main thread: wall-clock and the CPU time the thread itself spent in it. */
interface Stall {
  readonly wallMs: number;
  readonly cpuMs: number;
}

/**
 * Records the page's main-thread tasks with Chromium's trace. Each task comes with its wall time
 * and its thread time (`tdur`): on a shared, loaded machine a task waits for a core and its wall
 * time grows though the page asked no more of it; the thread time is what the page itself costs.
 */
async function watchLongTasks(page: Page): Promise<void> {
  await page.context().browser()!.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
}

async function stopWatching(page: Page): Promise<Stall[]> {
  const trace = JSON.parse((await page.context().browser()!.stopTracing()).toString()) as {
    traceEvents: { name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } }[];
  };
  const main = new Set(trace.traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}/${e.tid}`));
  const tasks = trace.traceEvents.filter((e) => e.name === 'RunTask' && e.ph === 'X' && main.has(`${e.pid}/${e.tid}`));
  if (tasks.length === 0) throw new Error('the trace holds no task of the page\'s main thread');
  return tasks
    .filter((e) => (e.dur ?? 0) > 50_000)
    .map((e) => ({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? e.dur ?? 0) / 1000 }));
}

/** The longest task, wall and thread time, or "<50" when none was over 50 ms (a long task, as the Long Tasks API counts them). */
const worstStall = (stalls: readonly Stall[]) => {
  if (stalls.length === 0) return '  <50 ms';
  const worst = stalls.reduce((a, b) => (b.wallMs > a.wallMs ? b : a));
  return `${String(Math.round(worst.wallMs)).padStart(5)} ms (CPU ${Math.round(Math.max(...stalls.map((t) => t.cpuMs)))} ms)`;
};
const allStalls = (stalls: readonly Stall[]) => stalls.map((t) => `${Math.round(t.wallMs)}/${Math.round(t.cpuMs)}`).join(',');

/**
 * The log flood of e2e/hostile-transcripts.spec.ts: a real session's export with every READ BINARY
 * answered with 20 KB, opened and scanned.
 */
async function logFlood(page: Page): Promise<void> {
  await page.goto(base);
  await page.getByTestId('lang-en').click();
  // Choosing a card scans it at once.
  await page.getByTestId('use-simulator').click();
  await page.getByTestId('no-pin-summary').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !(document.querySelector('[data-testid="scan"]') as HTMLButtonElement | null)?.disabled);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-transcript').click();
  await page.getByTestId('export-full-save').click();
  const session = await readFile((await (await download).path())!, 'utf8');
  const hostile = session.replace(/^(=> 00 B0 .*\n)<= .*$/gm, `$1<= ${'5A '.repeat(20_000)}90 00`);

  // The baseline: the real session opened and scanned again, as any person would. Both files are
  // picked from disk, as a person picks them: handing Playwright a buffer makes it build the File
  // in the page, a long task of the test's own (about 300 ms for the flood) that is not the app's.
  await page.getByTestId('clear-all').click();
  await watchLongTasks(page);
  let started = Date.now();
  const sessionPath = join('test-results', 'hostile-transcripts', 'session.txt');
  await writeFile(sessionPath, session);
  await page.getByTestId('transcript-input').setInputFiles(sessionPath);
  await page.getByTestId('no-pin-summary').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !(document.querySelector('[data-testid="scan"]') as HTMLButtonElement | null)?.disabled, null, { timeout: 300_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  let stalls = await stopWatching(page);
  if (process.env.BENCH_VERBOSE) console.log(allStalls(stalls));
  console.log(`${'(baseline) real session'.padEnd(26)} worst main-thread stall ${worstStall(stalls)}, scanned after ${Date.now() - started} ms`);

  const floodPath = join('test-results', 'hostile-transcripts', 'log-flood.txt');
  await writeFile(floodPath, hostile);
  await page.getByTestId('clear-all').click();
  await watchLongTasks(page);
  started = Date.now();
  // Opening a transcript scans it at once; the APDU log is folded, so its "earlier rows" line is in the page, not on screen.
  await page.getByTestId('transcript-input').setInputFiles(floodPath);
  await page.getByTestId('log-hidden').waitFor({ state: 'attached', timeout: 60_000 });
  await page.waitForFunction(() => !(document.querySelector('[data-testid="scan"]') as HTMLButtonElement | null)?.disabled, null, { timeout: 300_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  stalls = await stopWatching(page);
  const rows = await page.getByTestId('apdu-row').count();
  const hidden = await page.getByTestId('log-hidden').textContent();
  if (process.env.BENCH_VERBOSE) console.log(allStalls(stalls));
  console.log(`${'log-flood.txt'.padEnd(26)} worst main-thread stall ${worstStall(stalls)}, scanned after ${Date.now() - started} ms: ${rows} rows shown, ${hidden?.split(',')[0]}`);
}

execFileSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
// The machine's load beside the figures: a task that waits for a core grows in wall time only.
console.log(`${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; stalls are wall time (the main thread's own CPU time in it)`);
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
      // Opening the file scans it at once.
      await page.getByTestId('card-panel').waitFor({ timeout: 60_000 });
      await page.getByTestId('error').or(page.getByTestId('no-pin-summary')).first().waitFor({ timeout: 300_000 });
      const rows = await page.getByTestId('apdu-row').count();
      const hidden = await page.getByTestId('log-hidden').count();
      const code = await page.getByTestId('error').getAttribute('data-code', { timeout: 1_000 }).catch(() => 'no error');
      outcome = `opened; the scan ended with ${code}, ${rows} log rows shown${hidden ? ' and earlier ones counted' : ''}`;
    }
    const elapsed = Date.now() - started;
    // Whatever the outcome started (a refusal's banner, a scan's last frame) is painted before the trace stops.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const stalls = await stopWatching(page);
    if (process.env.BENCH_VERBOSE) console.log(allStalls(stalls));
    console.log(`${file.name.padEnd(26)} worst main-thread stall ${worstStall(stalls)}, outcome after ${elapsed} ms: ${outcome}`);
  }
  await logFlood(page);
  await browser.close();
} finally {
  process.kill(-server.pid!);
}
