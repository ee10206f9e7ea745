import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { toHex } from '../bytes';
import { CARD_PERSONALITIES, CARD_PERSONALITY_IDS, type CardPersonalityId } from '../simulator';
import { loadSimulatorTransport } from './simulatorFactory';
import type { SimulatorPersonalityId } from '../protocol';
import { startEngine, statuses } from './test-support/engineHarness';

/** Issue 15 §1: the simulator presents each card personality of its catalogue (simulator/cardPersonalities.ts). */

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('the simulator card personalities through the engine', () => {
  it('the protocol names exactly the simulator catalogue', () => {
    expectTypeOf<SimulatorPersonalityId>().toEqualTypeOf<CardPersonalityId>();
    expect(Object.keys(CARD_PERSONALITIES)).toEqual([...CARD_PERSONALITY_IDS]);
  });

  it.each(CARD_PERSONALITY_IDS)('%s: the connection reports its listed ATR and the no-PIN scan reads the certificate', async (personality) => {
    const h = startEngine();
    close = h.close;
    const connection = await h.client.call('connectSimulator', { holder: 'adult', personality });
    expect(connection.atr).toBe(toHex(CARD_PERSONALITIES[personality].atr));
    const { rows } = await h.scan();
    expect(statuses(rows)['jpki/000A']).toBe('read');
  });

  it('the lazy factory the worker uses gives the personality too, and the simulator its own ATR by default', async () => {
    const fwi13 = await loadSimulatorTransport('adult', true, undefined, 'contactless-fwi13');
    expect(toHex(fwi13.atr)).toBe('3B 88 80 01 00 4B 51 FF B3 81 D1 00 0F');
    const plain = await loadSimulatorTransport('adult', true);
    expect(toHex(plain.atr)).toBe('3B E0 00 FF 81 31 FE 45 14');
  });
});
