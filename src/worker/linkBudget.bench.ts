import { bench, describe } from 'vitest';
import { SimulatedCard, loadPersonalisation } from '../simulator';
import { FakeRcs300Device, type FakeRcs300DeviceOptions } from '../simulator/FakeRcs300Device';
import { FakeRcs380Device, type FakeRcs380DeviceOptions } from '../simulator/FakeRcs380Device';
import { payloadOnlyMicros } from '../simulator/rcs380/typeBAirTime';
import type { CardTransport } from '../transport';
import { Rcs300Reader } from '../usb/rcs300/Rcs300Reader';
import { Rcs380Reader } from '../usb/rcs380/Rcs380Reader';
import { verifyPin } from './pinFlow';
import type { PinKey } from '../protocol';
import { runScan } from './scan';
import { EngineSession } from './session';

/**
 * Issue 16 §2 on the app's own read path: the card check, the no-PIN scan and the full flow (every
 * credential of docs/card-reference.md §10 verified and what it opens read) through the engine's
 * session, over the RC-S380 and RC-S300 emulators, per card personality. Prints APDUs, APDU
 * payload bytes, bytes on the air both ways (ISO-DEP prologue and CRC_B included), the link time
 * the emulator's Type B model counts at the negotiated rate, the payload-only floor at the
 * fastest rate the card allows (424 kbit/s: 8 bits a byte, no framing, no turnaround) and the
 * ratio. A Type B character is 10 etu for 8 bits, so framing alone puts the ratio at 1.25 or more.
 */
const personalisation = await loadPersonalisation('adult');
const p = personalisation.pins;
const CREDENTIALS: readonly [PinKey, string][] = [
  ['jpkiAuth', p.jpkiAuth], ['jpkiSign', p.jpkiSign!], ['textPin', p.textPin], ['textPinA', p.pinA], ['textPinB', p.pinB],
  ['visualBirth', p.birthKey], ['visualPinA', p.pinA], ['visualPinB', p.pinB], ['commonPin', p.commonPin], ['jukiPin', p.jukiPin],
];

/** Card personalities by their ATQB (docs/card-reference.md §1), both offering 212/424 kbit/s both ways. */
const PERSONALITIES: readonly { name: string; options: FakeRcs380DeviceOptions & FakeRcs300DeviceOptions }[] = [
  { name: 'ATQB 05 E0 B3 81 A1', options: { applicationData: [0x00, 0x00, 0x05, 0xe0], protocolInfo: [0xb3, 0x81, 0xa1] } },
  { name: 'ATQB 4B 51 FF B3 81 D1', options: { applicationData: [0x00, 0x4b, 0x51, 0xff], protocolInfo: [0xb3, 0x81, 0xd1] } },
];
const FASTEST_KBPS = 424;

interface Air {
  readonly micros: number;
  readonly bytesToCard: number;
  readonly bytesToReader: number;
}

async function measure(label: string, reader: CardTransport, air: () => Air, withPins: boolean): Promise<void> {
  const session = new EngineSession(() => undefined);
  const before = { ...air() };
  session.attach(reader, { reader: { id: 'bench', name: label } });
  await session.checkWhichCard(false);
  await runScan(session);
  if (withPins) for (const [pinId, pin] of CREDENTIALS) await verifyPin(session, { pinId, pin });
  const after = { ...air() };
  const payload = session.log.reduce((sum, e) => sum + e.command.length + (e.response?.length ?? 0), 0);
  const modelledMs = (after.micros - before.micros) / 1000;
  const floorMs = payloadOnlyMicros(payload, FASTEST_KBPS) / 1000;
  const toCard = after.bytesToCard - before.bytesToCard;
  const toReader = after.bytesToReader - before.bytesToReader;
  // Bench files may print (house rule 12): these figures are the point of the run.
  // eslint-disable-next-line no-console
  console.log(
    `${label.padEnd(58)} ${String(session.log.length).padStart(3)} APDUs, ${String(payload).padStart(6)} payload B, air ${String(toCard).padStart(5)} B to card / ${String(toReader).padStart(6)} B to reader, ` +
      `${modelledMs.toFixed(1).padStart(7)} ms modelled, ${floorMs.toFixed(1).padStart(6)} ms payload-only at ${FASTEST_KBPS}, ratio ${(modelledMs / floorMs).toFixed(2)} (target ≤ 1.2)`,
  );
  await session.detach();
}

for (const { name, options } of PERSONALITIES) {
  for (const withPins of [false, true]) {
    const flow = withPins ? 'full flow' : 'no-PIN scan';
    for (const [path, bitRates] of [['RC-S380 negotiated', undefined], ['RC-S380 held at 106', [] as readonly number[]]] as const) {
      const device = new FakeRcs380Device(new SimulatedCard(personalisation), { fsc: 256, ...options });
      const reader = await Rcs380Reader.open(device, { timeoutMs: 1000, presenceCheckMs: 0, ...(bitRates ? { bitRates } : {}) });
      await measure(`${flow}, ${path} (${reader.report().bitRateKbps}), ${name}`, reader, () => device.chip.air, withPins);
    }
    const device = new FakeRcs300Device(new SimulatedCard(personalisation), options);
    const reader = await Rcs300Reader.open(device, { timeoutMs: 1000, presenceCheckMs: 0 });
    await measure(`${flow}, RC-S300 vendor route (106), ${name}`, reader, () => device.reader.air, withPins);
  }
}

describe('the app read path over the RC-S380 emulator', () => {
  bench(
    'card check + no-PIN scan',
    async () => {
      const device = new FakeRcs380Device(new SimulatedCard(personalisation), { fsc: 256 });
      const reader = await Rcs380Reader.open(device, { timeoutMs: 1000, presenceCheckMs: 0 });
      const session = new EngineSession(() => undefined);
      session.attach(reader);
      await session.checkWhichCard(false);
      await runScan(session);
      await session.detach();
    },
    { iterations: 5 },
  );
});
