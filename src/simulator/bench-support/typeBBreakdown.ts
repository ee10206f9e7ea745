import type { ExchangeKindTotals } from '../rcs380/TypeBAirLedger';

/** A copy of a ledger's totals by kind, taken when a run ends (the ledger goes on counting the close). */
export function snapshotByKind(byKind: ReadonlyMap<string, ExchangeKindTotals>): Map<string, ExchangeKindTotals> {
  return new Map([...byKind].map(([kind, totals]) => [kind, { ...totals }]));
}

/**
 * The per-exchange breakdown of one contactless run (issue 16 §2), one line per kind of exchange:
 * how many, the time, and its parts — APDU payload characters, other characters (PCBs, R- and
 * S-blocks, activation), SOF/EOF/CRC_B, and TR0/TR1/guard — then the overhead beside the
 * payload-only limit (`limitMs`), so it shows what any saving would have to come from.
 */
export function formatTypeBBreakdown(title: string, byKind: ReadonlyMap<string, ExchangeKindTotals>, limitMs: number): string {
  const ms = (micros: number) => (micros / 1000).toFixed(2).padStart(8);
  const rows = [...byKind].sort(([, a], [, b]) => b.micros - a.micros);
  const total = rows.reduce((sum, [, t]) => sum + t.micros, 0);
  const lines = rows.map(
    ([kind, t]) =>
      `  ${kind.padEnd(32)} ${String(t.exchanges).padStart(4)} × ${ms(t.micros)} ms: payload ${ms(t.payload)}, other characters ${ms(t.protocol)}, ` +
      `SOF/EOF/CRC_B ${ms(t.framing)}, TR0/TR1/guard ${ms(t.turnaround)}`,
  );
  const overhead = total / 1000 - limitMs;
  return [
    `${title}: ${ms(total)} ms modelled against a limit of ${limitMs.toFixed(2)} ms; ${overhead.toFixed(2)} ms over it ` +
      `(1.2× allows ${(limitMs * 0.2).toFixed(2)} ms)`,
    ...lines,
  ].join('\n');
}
