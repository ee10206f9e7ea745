import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run bench` runs in parts (vitest bench, the bundle, click→summary in Chromium), each its
 * own process; each part writes the figures it measured here as JSON, one file a part, and
 * `scripts/bench-table.ts` reads them all into one table (benchTable.ts). The directory is emptied
 * at the start of a run, so a part that failed leaves its figures "not measured" instead of last
 * run's. Test support only: it imports nothing of the app.
 */
export const BENCH_RESULTS_DIR = join(process.cwd(), 'temp', 'bench-results');

/** One measured figure: `id` is what benchTable.ts's targets refer to. */
export interface BenchFigure {
  readonly id: string;
  readonly value: number;
  /** What the figure is of, beyond its id: the worst case it comes from, the raw-bit ratio beside it… */
  readonly note?: string;
}

export function resetBenchResults(): void {
  rmSync(BENCH_RESULTS_DIR, { recursive: true, force: true });
  mkdirSync(BENCH_RESULTS_DIR, { recursive: true });
}

/** Writes (or replaces) one part's figures. */
export function writeBenchFigures(part: string, figures: readonly BenchFigure[]): void {
  mkdirSync(BENCH_RESULTS_DIR, { recursive: true });
  writeFileSync(join(BENCH_RESULTS_DIR, `${part}.json`), `${JSON.stringify(figures, null, 1)}\n`);
}

/** Every figure written since the last reset; a part's file that is not JSON counts as no figures. */
export function readBenchFigures(): BenchFigure[] {
  let files: string[];
  try {
    files = readdirSync(BENCH_RESULTS_DIR).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files.flatMap((f) => {
    try {
      return JSON.parse(readFileSync(join(BENCH_RESULTS_DIR, f), 'utf8')) as BenchFigure[];
    } catch {
      return [];
    }
  });
}
