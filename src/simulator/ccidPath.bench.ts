import { bench, describe } from 'vitest';
import { CcidReader } from '../usb/ccid/CcidReader';
import type { CardTransport } from '../transport';
import { SimulatedCard } from './card/SimulatedCard';
import { FakeCcidDevice, type FakeCcidPersonality } from './FakeCcidDevice';
import { loadPersonalisation } from './personalisation';
import { SimulatorTransport } from './SimulatorTransport';

/**
 * The CCID path's cost (issue: real readers, part 1): reading the JPKI authentication
 * certificate over every reader personality, next to the simulator reached directly. Prints
 * APDUs per second, card bytes per second, and the driver's CPU time per APDU (the fake reader
 * answers at once, so this is our framing, T=1 and chaining, not the bus).
 */
const personalisation = await loadPersonalisation('adult');
const PERSONALITIES: readonly FakeCcidPersonality[] = ['scr3310', 'extended-apdu', 'short-apdu', 't0', 'two-slot'];
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

async function openPersonality(personality: FakeCcidPersonality): Promise<CardTransport> {
  return CcidReader.open(new FakeCcidDevice(new SimulatedCard(personalisation), { personality }), { timeoutMs: 1000 });
}

async function report(label: string, transport: CardTransport): Promise<void> {
  const runs = 20;
  let apdus = 0;
  let bytes = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const r = await readCertificate(transport);
    apdus += r.apdus;
    bytes += r.bytes;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerApdu = (cpu.user + cpu.system) / 1000 / apdus;
  // Bench files may print (house rule 12): these figures are the point of the run.
  // eslint-disable-next-line no-console
  console.log(
    `${label.padEnd(34)} ${(apdus / runs).toFixed(0).padStart(3)} APDUs/read, ${(apdus / seconds).toFixed(0).padStart(6)} APDUs/s, ` +
      `${(bytes / seconds / 1024).toFixed(0).padStart(6)} KiB/s, ${cpuMsPerApdu.toFixed(3)} ms CPU per APDU`,
  );
}

await report('simulator, direct (extended)', new SimulatorTransport(new SimulatedCard(personalisation), { extendedLength: true }));
await report('simulator, direct (short)', new SimulatorTransport(new SimulatedCard(personalisation), { extendedLength: false }));
for (const personality of PERSONALITIES) await report(`CCID ${personality}`, await openPersonality(personality));

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
