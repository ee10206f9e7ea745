import { bench, describe } from 'vitest';
import { Rcs380Reader } from '../usb/rcs380/Rcs380Reader';
import { SimulatedCard } from './card/SimulatedCard';
import { FakeRcs380Device } from './FakeRcs380Device';
import { loadPersonalisation } from './personalisation';
import { SimulatorTransport } from './SimulatorTransport';
import { readCertificate, reportReaderPath } from './bench-support/readerPath';

/**
 * The RC-S380 path's cost (issue 5): reading the JPKI authentication certificate through the
 * Port-100 framing, InCommRF and ISO-DEP at each frame size the card may state (FSC 16…256), next
 * to the simulator reached directly. Prints APDUs per second, card bytes per second, frames over
 * the field per read and the driver's CPU time per APDU. The emulator answers at once, so this is
 * our framing, chaining and the event-loop hops, not the air time (106 kbit/s ≈ 13 KB/s at best).
 */
const personalisation = await loadPersonalisation('adult');
const FRAME_SIZES = [16, 32, 64, 128, 256] as const;

async function openRcs380(fsc: number): Promise<{ reader: Rcs380Reader; device: FakeRcs380Device }> {
  const device = new FakeRcs380Device(new SimulatedCard(personalisation), { fsc });
  return { reader: await Rcs380Reader.open(device, { timeoutMs: 1000, presenceCheckMs: 0 }), device };
}

// The modelled link time per path and card personality, on the app's own read path, is worker/linkBudget.bench.ts.
await reportReaderPath('simulator, direct (extended)', new SimulatorTransport(new SimulatedCard(personalisation), { extendedLength: true }));
for (const fsc of FRAME_SIZES) {
  const { reader, device } = await openRcs380(fsc);
  await reportReaderPath(`RC-S380 emulator, FSC ${fsc}`, reader, { rfFrames: () => device.chip.rfFrames.length });
  await reader.close();
}

describe('JPKI authentication certificate over the RC-S380 path', () => {
  for (const fsc of [16, 256] as const) {
    let reader: Rcs380Reader | null = null;
    bench(
      `FSC ${fsc}`,
      async () => {
        reader ??= (await openRcs380(fsc)).reader;
        await readCertificate(reader);
      },
      { iterations: 10 },
    );
  }
});
