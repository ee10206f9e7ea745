import { describe, expect, it } from 'vitest';
import { EmulatedUsbHost } from '../simulator/usb/EmulatedUsbHost';
import type { EngineFailure } from '../protocol';
import { startEngine } from './test-support/engineHarness';

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e: EngineFailure) => e.code);

/** An engine with the SCR3310 emulator connected, and a reader that will hang on its next command (endless time extensions). */
async function hungReader() {
  const usb = new EmulatedUsbHost();
  const harness = startEngine(undefined, { usb });
  await usb.run({ action: 'plug', options: { personality: 'scr3310' } });
  await usb.run({ action: 'grant', index: 0 });
  await harness.client.call('connectReader', { readerId: '04E6:511A#0', unrestricted: false });
  await usb.run({ action: 'inject-after', xfrBlocks: 10, fault: { kind: 'endless-time-extension' } });
  return { usb, ...harness };
}

describe('ending the session while a reader hangs (issue 15 §3)', () => {
  it.each(['clear', 'disconnect'] as const)('%s is answered while a scan waits on a hung reader, ends the scan, and the engine is usable after', async (method) => {
    const { client, events, eventWhere, apdus, close } = await hungReader();
    const scan = codeOf(client.call('scan', {}));
    // The 10th exchange hangs: the scan is waiting on the reader when the person ends the session.
    await eventWhere(() => apdus().length >= 9);
    expect(await client.call(method, {})).toBeNull();
    expect(await scan).toMatch(/^transport\//);
    expect(events.some((e) => e.type === 'connection' && !e.connected)).toBe(true);
    if (method === 'clear') {
      // Nothing of the cleared card comes back: no row and no log line from the hung exchange.
      const logged = apdus().length;
      expect((await client.call('connectSimulator', { holder: 'adult' })).kind).toBe('simulator');
      expect(apdus().length).toBe(logged);
    } else {
      expect((await client.call('connectSimulator', { holder: 'adult' })).kind).toBe('simulator');
    }
    const { rows } = await client.call('scan', {});
    expect(rows.find((r) => r.key === 'jpki/000A')?.status).toBe('read');
    await close();
  });

  it('requests sent before Clear everything that had not started are cancelled, not run on the next card', async () => {
    const { client, eventWhere, apdus, close } = await hungReader();
    const scan = codeOf(client.call('scan', {}));
    await eventWhere(() => apdus().length >= 9);
    const queued = codeOf(client.call('pinStatus', {}));
    await client.call('clear', {});
    expect(await scan).toMatch(/^transport\//);
    expect(await queued).toBe('engine/cancelled');
    await close();
  });

  it('the reader report can be saved while the reader hangs', async () => {
    const { client, eventWhere, apdus, close } = await hungReader();
    const scan = codeOf(client.call('scan', {}));
    await eventWhere(() => apdus().length >= 9);
    const report = JSON.parse((await client.call('readerReport', {})).text) as { apdus: unknown[] };
    expect(report.apdus.length).toBeGreaterThanOrEqual(9);
    await client.call('disconnect', {});
    expect(await scan).toMatch(/^transport\//);
    await close();
  });
});
