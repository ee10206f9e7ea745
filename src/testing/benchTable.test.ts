import { describe, expect, it } from 'vitest';
import { BENCH_TARGETS, buildBenchTable, deriveFigures, everyTargetMet, formatBenchTable, type BenchTarget } from './benchTable';

const TARGETS: readonly BenchTarget[] = [
  { id: 'apdu', label: 'APDUs', atMost: 42, unit: 'APDUs', decimals: 0 },
  { id: 'ratio', label: 'ratio', atMost: 1.2, unit: '×', decimals: 2 },
  { id: 'size', label: 'size', atMost: 150, unit: 'KiB gzip', decimals: 1 },
  { id: 'free', label: 'no target', atMost: null, unit: 'ms', decimals: 2 },
];

describe('the bench table', () => {
  it('puts each figure beside its target: at the target is met, above it missed', () => {
    const rows = buildBenchTable(
      [
        { id: 'apdu', value: 42 },
        { id: 'ratio', value: 1.4321, note: 'raw bits 1.97×' },
        { id: 'size', value: 147.84 },
        { id: 'free', value: 0.5 },
      ],
      TARGETS,
    );
    expect(rows).toEqual([
      { label: 'APDUs', measured: '42 APDUs', target: '≤ 42 APDUs', verdict: 'met', note: '' },
      { label: 'ratio', measured: '1.43×', target: '≤ 1.2×', verdict: 'missed', note: 'raw bits 1.97×' },
      { label: 'size', measured: '147.8 KiB gzip', target: '≤ 150 KiB gzip', verdict: 'met', note: '' },
      { label: 'no target', measured: '0.50 ms', target: '—', verdict: 'no target', note: '' },
    ]);
    expect(everyTargetMet(rows)).toBe(false);
  });

  it('a figure a failed part never wrote is a row "not measured", and the rest of the table stands', () => {
    const rows = buildBenchTable([{ id: 'size', value: 100 }], TARGETS);
    expect(rows.map((r) => r.verdict)).toEqual(['not measured', 'not measured', 'met', 'not measured']);
    expect(everyTargetMet(rows)).toBe(false);
    const all = ['apdu', 'ratio', 'size', 'free'].map((id) => ({ id, value: 1 }));
    expect(everyTargetMet(buildBenchTable(all, TARGETS))).toBe(true);
  });

  it('a figure that is not a number is not measured, and the last figure written for an id counts', () => {
    const rows = buildBenchTable([{ id: 'apdu', value: 50 }, { id: 'apdu', value: 40 }, { id: 'ratio', value: Number.NaN }], TARGETS);
    expect(rows[0]!.verdict).toBe('met');
    expect(rows[1]!.verdict).toBe('not measured');
  });

  it('prints one Markdown row a target, in order, and every issue 16 target is in it — each path at the rate it runs at, its fallbacks with none', () => {
    const text = formatBenchTable(buildBenchTable([{ id: 'apdu', value: 43 }], TARGETS));
    expect(text.split('\n')).toEqual([
      '| figure | measured | target | verdict | note |',
      '| --- | --- | --- | --- | --- |',
      '| APDUs | 43 APDUs | ≤ 42 APDUs | missed |  |',
      '| ratio | — | ≤ 1.2× | not measured |  |',
      '| size | — | ≤ 150 KiB gzip | not measured |  |',
      '| no target | — | — | not measured |  |',
    ]);
    expect(BENCH_TARGETS.filter((t) => t.atMost !== null).map((t) => `${t.id} ${t.atMost}`)).toEqual([
      'apdu.scan.extended 42', 'apdu.scan.short 56', 'apdu.full.extended 90', 'apdu.full.short 112',
      'link.contact-negotiated 1.2', 'link.rcs380-424 1.2', 'link.rcs300 1.2',
      'click.warm 2', 'click.first 3', 'bundle.startup 150',
    ]);
  });

  it('engine time per APDU is the warm scan time over the no-PIN scan\'s APDUs, and absent when either is', () => {
    expect(deriveFigures([{ id: 'engine.warmScanMs', value: 21.5, note: 'Chromium 140' }, { id: 'apdu.scan.extended', value: 43 }])).toContainEqual({
      id: 'engine.msPerApdu',
      value: 0.5,
      note: '21.5 ms ÷ 43 APDUs; Chromium 140',
    });
    expect(deriveFigures([{ id: 'engine.warmScanMs', value: 21.5 }]).map((f) => f.id)).toEqual(['engine.warmScanMs']);
  });
});
