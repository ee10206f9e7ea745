import { bench, describe } from 'vitest';
import type { CardTransport } from '../transport';
import { Rcs380Reader } from '../usb/rcs380/Rcs380Reader';
import { SimulatedCard } from './card/SimulatedCard';
import { FakeRcs380Device } from './FakeRcs380Device';
import { loadPersonalisation } from './personalisation';
import { SimulatorTransport } from './SimulatorTransport';

/**
 * The RC-S380 path's cost (issue 5): reading the JPKI authentication certificate through the
 * Port-100 framing, InCommRF and ISO-DEP at each frame size the card may state (FSC 16…256), next
 * to the simulator reached directly. Prints APDUs per second, card bytes per second, frames over
 * the field per read and the driver's CPU time per APDU. The emulator answers at once, so this is
 * our framing, chaining and the event-loop hops, not the air time (106 kbit/s ≈ 13 KB/s at best).
 */
const personalisation = await loadPersonalisation('adult');
const FRAME_SIZES = [16, 32, 64, 128, 256] as const;
const hex = (s: string) => Uint8Array.from(s.split(' ').map((b) => parseInt(b, 16)));
const SELECT_JPKI = hex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
const SELECT_AUTH = hex('00 A4 02 0C 02 00 0A');

/** SELECT, SELECT, then READ BINARY in the largest pieces the transport allows, to the end of the file. */
async function readCertificate(transport: CardTransport): Promise<{ apdus: number; bytes: number }> {
  await transport.transmit(SELECT_JPKI.slice());
  await transport.transmit(SELECT_AUTH.slice());
  let apdus = 2;
  let bytes = 0;
  const step = transport.extendedLength ? 0x800 : 0xff;
  for (let offset = 0; ; offset += step) {
    const command = transport.extendedLength
      ? Uint8Array.of(0x00, 0xb0, offset >> 8, offset & 0xff, 0x00, step >> 8, step & 0xff)
      : Uint8Array.of(0x00, 0xb0, offset >> 8, offset & 0xff, step);
    const response = await transport.transmit(command);
    apdus++;
    const data = response.length - 2;
    bytes += data;
    if (response[response.length - 2] !== 0x90 || data < step) break;
  }
  return { apdus, bytes };
}

async function openRcs380(fsc: number): Promise<{ reader: Rcs380Reader; device: FakeRcs380Device }> {
  const device = new FakeRcs380Device(new SimulatedCard(personalisation), { fsc });
  return { reader: await Rcs380Reader.open(device, { timeoutMs: 1000, presenceCheckMs: 0 }), device };
}

async function report(label: string, transport: CardTransport, rfFrames?: () => number): Promise<void> {
  const runs = 10;
  let apdus = 0;
  let bytes = 0;
  const framesBefore = rfFrames?.() ?? 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const r = await readCertificate(transport);
    apdus += r.apdus;
    bytes += r.bytes;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const frames = rfFrames ? `${((rfFrames() - framesBefore) / runs).toFixed(0).padStart(4)} RF frames/read, ` : ''.padEnd(22);
  // Bench files may print (house rule 12): these figures are the point of the run.
  // eslint-disable-next-line no-console
  console.log(
    `${label.padEnd(30)} ${(apdus / runs).toFixed(0).padStart(3)} APDUs/read, ${frames}${(apdus / seconds).toFixed(0).padStart(6)} APDUs/s, ` +
      `${(bytes / seconds / 1024).toFixed(0).padStart(6)} KiB/s, ${((cpu.user + cpu.system) / 1000 / apdus).toFixed(3)} ms CPU per APDU`,
  );
}

await report('simulator, direct (extended)', new SimulatorTransport(new SimulatedCard(personalisation), { extendedLength: true }));
for (const fsc of FRAME_SIZES) {
  const { reader, device } = await openRcs380(fsc);
  await report(`RC-S380 emulator, FSC ${fsc}`, reader, () => device.chip.rfFrames.length);
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
