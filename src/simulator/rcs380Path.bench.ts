import { bench, describe } from 'vitest';
import { Rcs380Reader } from '../usb/rcs380/Rcs380Reader';
import { SimulatedCard } from './card/SimulatedCard';
import { FakeRcs380Device, type FakeRcs380DeviceOptions } from './FakeRcs380Device';
import { loadPersonalisation } from './personalisation';
import { SimulatorTransport } from './SimulatorTransport';
import { readCertificate, reportReaderPath } from './bench-support/readerPath';
import { reportLinkTime } from './bench-support/linkTime';
import { FakeRcs300Device, type FakeRcs300DeviceOptions } from './FakeRcs300Device';
import { Rcs300Reader } from '../usb/rcs300/Rcs300Reader';

/**
 * The RC-S380 path's cost (issue 5): reading the JPKI authentication certificate through the
 * Port-100 framing, InCommRF and ISO-DEP at each frame size the card may state (FSC 16…256), next
 * to the simulator reached directly. Prints APDUs per second, card bytes per second, frames over
 * the field per read and the driver's CPU time per APDU. The emulator answers at once, so this is
 * our framing, chaining and the event-loop hops, not the air time (106 kbit/s ≈ 13 KB/s at best).
 */
const personalisation = await loadPersonalisation('adult');
const FRAME_SIZES = [16, 32, 64, 128, 256] as const;

async function openRcs380(fsc: number, options: FakeRcs380DeviceOptions = {}, bitRates?: readonly number[]): Promise<{ reader: Rcs380Reader; device: FakeRcs380Device }> {
  const device = new FakeRcs380Device(new SimulatedCard(personalisation), { fsc, ...options });
  return { reader: await Rcs380Reader.open(device, { timeoutMs: 1000, presenceCheckMs: 0, ...(bitRates ? { bitRates } : {}) }), device };
}

/**
 * Card personalities by their ATQB (pcsc-tools smartcard_list.txt, docs/card-reference.md §1): Protocol
 * Info B3 81 A1 (FWI 10) and B3 81 D1 (FWI 13), both offering 212/424 kbit/s both ways. The air
 * time model does not depend on FWI (a card's processing time is not link time); both are listed
 * so the table shows every personality.
 */
const PERSONALITIES: readonly { name: string; options: FakeRcs380DeviceOptions & FakeRcs300DeviceOptions }[] = [
  { name: 'ATQB 05 E0 B3 81 A1', options: { applicationData: [0x00, 0x00, 0x05, 0xe0], protocolInfo: [0xb3, 0x81, 0xa1] } },
  { name: 'ATQB 4B 51 FF B3 81 D1', options: { applicationData: [0x00, 0x4b, 0x51, 0xff], protocolInfo: [0xb3, 0x81, 0xd1] } },
];

/** Modelled link time per path and personality: the card's fastest rate is 424 kbit/s (ATQB B3). */
async function reportLinkTimes(): Promise<void> {
  for (const { name, options } of PERSONALITIES) {
    for (const [path, bitRates] of [
      ['RC-S380 at the negotiated rate', undefined],
      ['RC-S380 held at 106', [] as readonly number[]],
    ] as const) {
      const { reader, device } = await openRcs380(256, options, bitRates);
      await reportLinkTime(`${path} (${reader.report().bitRateKbps}), ${name}`, reader, () => device.chip.air, 424);
      await reader.close();
    }
    const device = new FakeRcs300Device(new SimulatedCard(personalisation), options);
    const reader = await Rcs300Reader.open(device, { timeoutMs: 1000, presenceCheckMs: 0 });
    await reportLinkTime(`RC-S300 vendor route (106), ${name}`, reader, () => device.reader.air, 424);
    await reader.close();
  }
}


await reportLinkTimes();
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
