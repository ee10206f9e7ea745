import type { BenchFigure } from './benchResults';

/**
 * The one table `npm run bench` ends with (issue 16 §4): every figure beside its target and
 * whether it was met. A pure function of the figures, so a failed part or a missed target shows
 * as a row like any other and hides nothing.
 */

export interface BenchTarget {
  readonly id: string;
  readonly label: string;
  /** The figure must be at most this; null: printed for what it is, no target. */
  readonly atMost: number | null;
  readonly unit: 'APDUs' | '×' | 'ms' | 'KiB gzip';
  readonly decimals: number;
}

export type Verdict = 'met' | 'missed' | 'not measured' | 'no target';

export interface BenchRow {
  readonly label: string;
  readonly measured: string;
  readonly target: string;
  readonly verdict: Verdict;
  readonly note: string;
}

/** The link-time ratio's reading (README "Benchmarks"): payload bytes as characters at the fastest rate the card allows. */
const LINK = 'link time ÷ payload-only limit (characters),';

export const BENCH_TARGETS: readonly BenchTarget[] = [
  { id: 'apdu.scan.extended', label: 'no-PIN scan, extended APDUs', atMost: 42, unit: 'APDUs', decimals: 0 },
  { id: 'apdu.scan.short', label: 'no-PIN scan, short APDUs only', atMost: 56, unit: 'APDUs', decimals: 0 },
  { id: 'apdu.full.extended', label: 'full flow, extended APDUs', atMost: 90, unit: 'APDUs', decimals: 0 },
  { id: 'apdu.full.short', label: 'full flow, short APDUs only', atMost: 112, unit: 'APDUs', decimals: 0 },
  // Each path's target is at the rate it runs at: the fastest both sides allow (issue 16 §2). The
  // rates a path falls back to when a card or reader will not go faster are printed beside it, with
  // no target: measured against the card's fastest rate they show what negotiating buys, and could
  // meet 1.2× only by not being fallbacks.
  { id: 'link.contact-default', label: `${LINK} contact CCID (SCR3310), fallback: rate after the ATR (not negotiated)`, atMost: null, unit: '×', decimals: 4 },
  { id: 'link.contact-negotiated', label: `${LINK} contact CCID (SCR3310), negotiated rate`, atMost: 1.2, unit: '×', decimals: 4 },
  { id: 'link.rcs380-106', label: `${LINK} RC-S380, fallback: 106 kbit/s`, atMost: null, unit: '×', decimals: 4 },
  { id: 'link.rcs380-212', label: `${LINK} RC-S380, fallback: 212 kbit/s`, atMost: null, unit: '×', decimals: 4 },
  { id: 'link.rcs380-424', label: `${LINK} RC-S380 at 424 kbit/s`, atMost: 1.2, unit: '×', decimals: 4 },
  { id: 'link.rcs300', label: `${LINK} RC-S300 (106 kbit/s)`, atMost: 1.2, unit: '×', decimals: 4 },
  { id: 'engine.msPerApdu', label: 'engine time per APDU, warm no-PIN scan in Chromium', atMost: null, unit: 'ms', decimals: 2 },
  { id: 'click.warm', label: 'click→summary, warm, ÷ engine warm scan', atMost: 2, unit: '×', decimals: 1 },
  { id: 'click.first', label: 'click→summary, first, ÷ engine warm scan', atMost: 3, unit: '×', decimals: 1 },
  { id: 'bundle.startup', label: 'start-up JavaScript (page + engine worker)', atMost: 150, unit: 'KiB gzip', decimals: 1 },
];

const withUnit = (value: number, target: BenchTarget): string => (target.unit === '×' ? `${value.toFixed(target.decimals)}×` : `${value.toFixed(target.decimals)} ${target.unit}`);

/**
 * Figures worked out from others: engine time per APDU is the engine's warm scan time in Chromium
 * (bench-click-summary.ts) over the no-PIN scan's APDUs with extended APDUs (scan.bench.ts), the
 * simulator's default reader in the page.
 */
export function deriveFigures(figures: readonly BenchFigure[]): BenchFigure[] {
  const byId = new Map(figures.map((f) => [f.id, f]));
  const engine = byId.get('engine.warmScanMs');
  const apdus = byId.get('apdu.scan.extended');
  if (!engine || !apdus || !(apdus.value > 0)) return [...figures];
  const perApdu = { id: 'engine.msPerApdu', value: engine.value / apdus.value, note: `${engine.value.toFixed(1)} ms ÷ ${apdus.value} APDUs${engine.note ? `; ${engine.note}` : ''}` };
  return [...figures, perApdu];
}

/** One row a target, in the targets' order; the last figure written for an id counts. */
export function buildBenchTable(figures: readonly BenchFigure[], targets: readonly BenchTarget[] = BENCH_TARGETS): BenchRow[] {
  const byId = new Map(figures.map((f) => [f.id, f]));
  return targets.map((t) => {
    const figure = byId.get(t.id);
    const target = t.atMost === null ? '—' : `≤ ${t.unit === '×' ? `${t.atMost}×` : `${t.atMost} ${t.unit}`}`;
    if (!figure || !Number.isFinite(figure.value)) return { label: t.label, measured: '—', target, verdict: 'not measured', note: figure?.note ?? '' };
    const verdict: Verdict = t.atMost === null ? 'no target' : figure.value <= t.atMost ? 'met' : 'missed';
    return { label: t.label, measured: withUnit(figure.value, t), target, verdict, note: figure.note ?? '' };
  });
}

/** The rows as a Markdown table (the terminal prints it as it is; the README carries it). */
export function formatBenchTable(rows: readonly BenchRow[]): string {
  const lines = ['| figure | measured | target | verdict | note |', '| --- | --- | --- | --- | --- |'];
  for (const r of rows) lines.push(`| ${r.label} | ${r.measured} | ${r.target} | ${r.verdict} | ${r.note} |`);
  return lines.join('\n');
}

/** True when every figure was measured and each with a target met it. */
export function everyTargetMet(rows: readonly BenchRow[]): boolean {
  return rows.every((r) => r.verdict === 'met' || r.verdict === 'no target');
}
