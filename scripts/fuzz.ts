/**
 * `npm run fuzz`: the long run of every property and fuzz test (`*.fuzz.test.ts`). `npm test`
 * runs each target with a small fixed number of cases; this runs FUZZ_RUNS cases per target
 * (20 000 unless set; expensive targets such as whole engine sessions take a fraction, see
 * src/testing/fuzz.ts) with no per-test time limit, then prints the cases run and the failures
 * found per target, and the total. A failure prints fast-check's seed and path: replay it with
 * FUZZ_SEED=<seed> FUZZ_PATH=<path> FUZZ_RUNS=<runs> npx vitest run <file>.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = process.env.FUZZ_RUNS ?? '20000';
const dir = mkdtempSync(join(tmpdir(), 'mynalens-fuzz-'));
const reportFile = join(dir, 'report.jsonl');

console.log(`fuzz: FUZZ_RUNS=${runs} per target`);
const started = Date.now();
const vitest = spawnSync('npx', ['--no-install', 'vitest', 'run', '.fuzz.test.', '--testTimeout=0', '--hookTimeout=0', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_REPORT: reportFile },
});

interface Line {
  readonly target: string;
  readonly runs: number;
  readonly failed: number;
}
let lines: Line[] = [];
try {
  lines = readFileSync(reportFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Line);
} catch {
  console.error('fuzz: no target reported (did the test files load?)');
}
rmSync(dir, { recursive: true, force: true });

const byTarget = new Map<string, { runs: number; failed: number }>();
for (const line of lines) {
  const entry = byTarget.get(line.target) ?? { runs: 0, failed: 0 };
  entry.runs += line.runs;
  entry.failed += line.failed;
  byTarget.set(line.target, entry);
}
const width = Math.max(6, ...[...byTarget.keys()].map((t) => t.length));
console.log(`\n${'target'.padEnd(width)}  ${'cases'.padStart(9)}  failures`);
for (const [target, { runs: cases, failed }] of [...byTarget].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`${target.padEnd(width)}  ${String(cases).padStart(9)}  ${failed}`);
}
const totalCases = [...byTarget.values()].reduce((n, t) => n + t.runs, 0);
const totalFailed = [...byTarget.values()].reduce((n, t) => n + t.failed, 0);
console.log(`\nfuzz: ${byTarget.size} targets, ${totalCases} cases, ${totalFailed} failures, ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(vitest.status === 0 && totalFailed === 0 && byTarget.size > 0 ? 0 : 1);
