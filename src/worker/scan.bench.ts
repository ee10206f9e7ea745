import { bench, describe } from 'vitest';
import type { PinKey } from '../protocol';
import { writeBenchFigures, type BenchFigure } from '../testing/benchResults';
import { pinsOf, startEngine } from './test-support/engineHarness';

/**
 * What a full scan costs (docs/card-reference.md §3: the fewest APDUs): the no-PIN scan, and the
 * all-PIN scan (no-PIN scan, then every credential of §10 verified and its files read), over a
 * reader with and without extended length. Prints APDUs, bytes moved and engine time once per
 * mode, then lets vitest time repeated runs.
 */
const values = await pinsOf('adult');
const ALL_PINS: readonly [PinKey, string][] = [
  ['jpkiAuth', values.jpkiAuth],
  ['jpkiSign', values.jpkiSign!],
  ['textPin', values.textPin],
  ['textPinA', values.pinA],
  ['textPinB', values.pinB],
  ['visualBirth', values.birthKey],
  ['visualPinA', values.pinA],
  ['visualPinB', values.pinB],
  ['commonPin', values.commonPin],
  ['jukiPin', values.jukiPin],
];

async function connect(extendedLength: boolean) {
  const h = startEngine();
  await h.client.call('connectSimulator', { holder: 'adult', extendedLength });
  return h;
}

type Harness = Awaited<ReturnType<typeof connect>>;

const noPinScan = async (h: Harness) => {
  await h.scan();
};
const allPinScan = async (h: Harness) => {
  await h.scan();
  for (const [pinId, pin] of ALL_PINS) await h.verifyPin({ pinId, pin });
};

/** Bytes on the wire of one exchange: command (hex tokens) + response data + status word. */
const hexBytes = (hex: string) => (hex === '' ? 0 : hex.split(' ').length);

async function measure(label: string, h: Harness, run: (h: Harness) => Promise<void>): Promise<void> {
  const before = h.apdus().length;
  const started = performance.now();
  await run(h);
  const ms = performance.now() - started;
  const rows = h.apdus().slice(before);
  const bytes = rows.reduce((sum, r) => sum + hexBytes(r.command) + hexBytes(r.responseData) + (r.sw ? 2 : 0), 0);
  // Bench files may print (house rule 12): these figures are the point of the run.
  // eslint-disable-next-line no-console
  console.log(`${label}: ${rows.length} APDUs, ${bytes} bytes moved, ${ms.toFixed(1)} ms engine time (first run)`);
}

/**
 * The APDU counts of `npm run bench`'s table, counted as worker/apduBudget.test.ts asserts them:
 * a fresh engine, connect and scan, then every credential verified; every APDU from the connection on.
 */
const counts: BenchFigure[] = [];
for (const extendedLength of [true, false]) {
  const h = await connect(extendedLength);
  const afterConnect = h.apdus().length;
  await noPinScan(h);
  const scan = h.apdus().length;
  for (const [pinId, pin] of ALL_PINS) await h.client.call('verifyPin', { pinId, pin });
  const mode = extendedLength ? 'extended' : 'short';
  const note = afterConnect > 0 ? `${afterConnect} of them at connection` : '';
  counts.push({ id: `apdu.scan.${mode}`, value: scan, note }, { id: `apdu.full.${mode}`, value: h.apdus().length, note });
  await h.close();
}
writeBenchFigures('apdu-counts', counts);

for (const extendedLength of [true, false]) {
  const mode = extendedLength ? 'extended length' : 'short APDUs only';
  const h = await connect(extendedLength);
  await measure(`no-PIN scan, ${mode}`, h, noPinScan);
  await measure(`all-PIN scan, ${mode}`, h, allPinScan);
  describe(`full scans, ${mode}`, () => {
    bench('no-PIN scan', () => noPinScan(h), { iterations: 20 });
    bench('all-PIN scan', () => allPinScan(h), { iterations: 10 });
  });
}
