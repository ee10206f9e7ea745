import { afterEach, describe, expect, it } from 'vitest';
import { startEngine } from './test-support/engineHarness';

/**
 * The start screen's idle rehearsal (warmUp.ts `rehearseScan`, issue "speed to the physical
 * limit" §3): a silent scan of the engine's own simulated card that must leave no trace in the
 * person's session — no event, no log line, no row — and change nothing a real scan then shows.
 */
describe('the idle rehearsal scan', () => {
  const engines: ReturnType<typeof startEngine>[] = [];
  function start() {
    const commands: Uint8Array[] = [];
    const engine = startEngine({ spy: (command) => commands.push(command) });
    engines.push(engine);
    return { ...engine, commands };
  }
  afterEach(async () => {
    for (const engine of engines.splice(0)) await engine.close();
  });

  it('scans a card of its own and tells the page nothing but its answer: a sample of what the last scan would have shown', async () => {
    const page = start();
    await page.eventWhere((e) => e.type === 'ready');
    const sample = await page.client.call('warmUp', { rehearse: true });
    // The sample is the simulator's own card, scanned once: the rows a no-PIN scan reads, its log.
    expect(sample).toMatchObject({ holder: 'adult', connection: { kind: 'simulator', extendedLength: true } });
    const sampleRows = sample!.events.flatMap((e) => (e.type === 'row' ? [e.row] : []));
    expect(sampleRows.some((row) => row.key === 'jpki/000A' && row.status === 'read')).toBe(true);
    expect(sample!.events.filter((e) => e.type === 'progress').length).toBeGreaterThan(0);
    // A scan's events only: not the rehearsal session's end ("disconnected") after it.
    expect(sample!.events.filter((e) => e.type === 'connection')).toEqual([]);
    const lastScanLog = sample!.events.filter((e) => e.type === 'apdu');
    expect(lastScanLog.length).toBeGreaterThan(0);
    // One scan's log, not the three the card answered.
    expect(lastScanLog.length).toBeLessThan(page.commands.length / 2);
    // Its card got whole scans (each reads every free file: docs/card-reference.md §3)…
    expect(page.commands.length).toBeGreaterThanOrEqual(3 * 40);
    // …and the person's session heard nothing of them.
    expect(page.events.map((e) => e.type)).toEqual(['ready']);
    const session = page.engine['session'];
    expect(session.log).toEqual([]);
    expect(session.info).toBeNull();
    expect(session.rowList().every((row) => row.status !== 'read')).toBe(true);
  });

  it('runs once per engine: asked again, it scans nothing more and answers no second sample', async () => {
    const page = start();
    expect(await page.client.call('warmUp', { rehearse: true })).not.toBeNull();
    const sent = page.commands.length;
    expect(await page.client.call('warmUp', { rehearse: true })).toBeNull();
    expect(page.commands.length).toBe(sent);
  });

  it('leaves the first real scan exactly as it is without one', async () => {
    const rehearsed = start();
    await rehearsed.client.call('warmUp', { rehearse: true });
    const cold = start();
    const scanOf = async (page: ReturnType<typeof start>) => {
      await page.client.call('connectSimulator', { holder: 'adult' });
      return { ...(await page.scan()), log: page.apdus().map((row) => [row.command, row.responseData, row.sw]) };
    };
    const [afterRehearsal, withoutOne] = [await scanOf(rehearsed), await scanOf(cold)];
    expect(afterRehearsal).toEqual(withoutOne);
    expect(afterRehearsal.rows.some((row) => row.status === 'read')).toBe(true);
  });
});
