import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import { activateTypeB } from './activation';
import type { FrameOutcome } from './IsoDepProtocol';
import type { TypeBBitRates } from './typeB';

/** Frames by hand from ISO/IEC 14443-3 §7.7–§7.11 and 14443-4 §7.5.4; a reader that logs its rate changes and field resets. */
function scripted(steps: readonly (readonly [out: string, back: string | 'timeout'])[]) {
  const log: string[] = [];
  let next = 0;
  const exchange = async (frame: Uint8Array): Promise<FrameOutcome> => {
    const step = steps[next++];
    if (!step) throw new Error(`unscripted frame ${toHex(frame)}`);
    expect(toHex(frame)).toBe(toHex(fromHex(step[0])));
    log.push(toHex(frame).slice(0, 2));
    return step[1] === 'timeout' ? { kind: 'timeout' } : { kind: 'frame', bytes: fromHex(step[1]) };
  };
  const bitRates = {
    rates: [212, 424],
    set: async (r: TypeBBitRates) => void log.push(`rate ${r.toCard}/${r.toReader}`),
    resetField: async () => void log.push('field reset'),
  };
  return { exchange, bitRates, log, done: () => next === steps.length };
}

const ATQB = '50 12 34 56 78 00 00 05 E0 B3 81 A1';

describe('Type B activation at the fastest common rate', () => {
  it('a card that ignores ATTRIB at 424 is woken again after a field reset and activated at 106', async () => {
    const { exchange, bitRates, log, done } = scripted([
      ['05 00 08', ATQB],
      ['1D 12 34 56 78 00 A8 01 00', 'timeout'],
      ['05 00 08', ATQB],
      ['1D 12 34 56 78 00 08 01 00', '00'],
    ]);
    const activation = await activateTypeB(exchange, { attempts: 1, intervalMs: 0, fsdi: 8, bitRates });
    expect(activation).toMatchObject({ bitRates: { toCard: 106, toReader: 106 }, fellBackFrom: { toCard: 424, toReader: 424 }, attempts: 1 });
    expect(log).toEqual(['05', '1D', 'field reset', '05', '1D']);
    expect(done()).toBe(true);
  });

  it('answers ATTRIB at 424, not the probe: the reader goes back to 106 before the field reset', async () => {
    const { exchange, bitRates, log } = scripted([
      ['05 00 08', ATQB],
      ['1D 12 34 56 78 00 A8 01 00', '00'],
      ['B2', 'timeout'],
      ['B2', 'timeout'],
      ['B2', 'timeout'],
      ['05 00 08', ATQB],
      ['1D 12 34 56 78 00 08 01 00', '00'],
    ]);
    const activation = await activateTypeB(exchange, { attempts: 1, intervalMs: 0, fsdi: 8, bitRates });
    expect(activation?.fellBackFrom).toEqual({ toCard: 424, toReader: 424 });
    expect(log).toEqual(['05', '1D', 'rate 424/424', 'B2', 'B2', 'B2', 'rate 106/106', 'field reset', '05', '1D']);
  });

  it('a reader without other rates asks for 106 (Param 2 = 08) and probes nothing', async () => {
    const { exchange, log } = scripted([
      ['05 00 08', ATQB],
      ['1D 12 34 56 78 00 08 01 00', '00'],
    ]);
    const activation = await activateTypeB(exchange, { attempts: 1, intervalMs: 0, fsdi: 8 });
    expect(activation).toMatchObject({ bitRates: { toCard: 106, toReader: 106 }, fellBackFrom: null });
    expect(log).toEqual(['05', '1D']);
  });
});
