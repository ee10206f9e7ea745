import { bench, describe } from 'vitest';
import { CcidReader } from '../usb/ccid/CcidReader';
import type { CardTransport } from '../transport';
import { SimulatedCard } from './card/SimulatedCard';
import { FakeCcidDevice, type FakeCcidPersonality } from './FakeCcidDevice';
import { loadPersonalisation } from './personalisation';
import { SimulatorTransport } from './SimulatorTransport';
import { readCertificate, reportReaderPath } from './bench-support/readerPath';

/**
 * The CCID path's cost (issue: real readers, part 1): reading the JPKI authentication
 * certificate over every reader personality, next to the simulator reached directly. Prints
 * APDUs per second, card bytes per second, and the driver's CPU time per APDU (the fake reader
 * answers at once, so this is our framing, T=1 and chaining, not the bus).
 */
const personalisation = await loadPersonalisation('adult');
const PERSONALITIES: readonly FakeCcidPersonality[] = ['scr3310', 'extended-apdu', 'short-apdu', 't0', 'two-slot'];

async function openPersonality(personality: FakeCcidPersonality): Promise<CardTransport> {
  return CcidReader.open(new FakeCcidDevice(new SimulatedCard(personalisation), { personality }), { timeoutMs: 1000 });
}


await reportReaderPath('simulator, direct (extended)', new SimulatorTransport(new SimulatedCard(personalisation), { extendedLength: true }), { runs: 20 });
await reportReaderPath('simulator, direct (short)', new SimulatorTransport(new SimulatedCard(personalisation), { extendedLength: false }), { runs: 20 });
for (const personality of PERSONALITIES) await reportReaderPath(`CCID ${personality}`, await openPersonality(personality), { runs: 20 });

describe('JPKI authentication certificate over the CCID path', () => {
  for (const personality of ['scr3310', 'extended-apdu'] as const) {
    let reader: CardTransport | null = null;
    bench(
      personality,
      async () => {
        reader ??= await openPersonality(personality);
        await readCertificate(reader);
      },
      { iterations: 20 },
    );
  }
});
