/**
 * `npm run bench` (first and last step): `--reset` empties the results directory before the
 * parts run; without it, reads what each part wrote (src/testing/benchResults.ts) and prints one
 * table, every figure beside its target (src/testing/benchTable.ts), with the machine it ran on.
 * Exits 1 when a figure is missing or a target missed — after the whole table is printed.
 */
import { cpus, loadavg } from 'node:os';
import { readBenchFigures, resetBenchResults } from '../src/testing/benchResults';
import { buildBenchTable, deriveFigures, everyTargetMet, formatBenchTable } from '../src/testing/benchTable';

if (process.argv.includes('--reset')) {
  resetBenchResults();
} else {
  const figures = readBenchFigures();
  const rows = buildBenchTable(deriveFigures(figures));
  const browser = figures.find((f) => f.id === 'engine.warmScanMs')?.note ?? '';
  console.log('');
  console.log(
    `npm run bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ` +
      `load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}, Node ${process.version}${browser ? `; ${browser}` : ''}`,
  );
  console.log(formatBenchTable(rows));
  const open = rows.filter((r) => r.verdict === 'missed' || r.verdict === 'not measured');
  console.log(open.length === 0 ? 'every target met' : `${open.length} of ${rows.length} rows missed or not measured`);
  if (open.length > 0 || !everyTargetMet(rows)) process.exitCode = 1;
}
