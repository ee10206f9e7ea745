import { bench, describe } from 'vitest';
import { SimulatedCard, loadPersonalisation } from '../simulator';
import { CONTACTLESS_PERSONALITIES, CONTACT_PERSONALITIES, type CardPersonalityId } from '../simulator/cardPersonalities';
import { contactPayloadBitsMicros, contactPayloadCharactersMicros, type ContactAir } from '../simulator/ccid/contactAirTime';
import { FakeCcidDevice } from '../simulator/FakeCcidDevice';
import { FakeRcs300Device } from '../simulator/FakeRcs300Device';
import { FakeRcs380Device } from '../simulator/FakeRcs380Device';
import { formatTypeBBreakdown, snapshotByKind } from '../simulator/bench-support/typeBBreakdown';
import type { TypeBAirLedger, ExchangeKindTotals } from '../simulator/rcs380/TypeBAirLedger';
import { payloadCharactersMicros, payloadOnlyMicros } from '../simulator/rcs380/typeBAirTime';
import { writeBenchFigures, type BenchFigure } from '../testing/benchResults';
import type { CardTransport } from '../transport';
import { CcidReader } from '../usb/ccid/CcidReader';
import { parseAtqb } from '../usb/isodep/typeB';
import { Rcs300Reader } from '../usb/rcs300/Rcs300Reader';
import { Rcs380Reader } from '../usb/rcs380/Rcs380Reader';
import { verifyPin } from './pinFlow';
import type { PinKey } from '../protocol';
import { runScan } from './scan';
import { EngineSession } from './session';

/**
 * Issue 16 §2 on the app's own read path: the card check, the no-PIN scan and the full flow (every
 * credential of docs/card-reference.md §10 verified and what it opens read) through the engine's
 * session, per path and per card personality. Prints APDUs, APDU payload bytes, bytes on the wire
 * both ways from power-on (ATR, PPS, T=1 prologue and EDC; polling, ATTRIB, ISO-DEP prologue and CRC_B), the link time the
 * emulator's model counts (ccid/contactAirTime.ts, rcs380/typeBAirTime.ts) and its ratio to the
 * payload-only limit at the fastest rate the card allows — counted in characters (the reading the
 * table's target uses, README "Benchmarks") and in raw bits beside it. Writes the worst ratio of
 * each path for `npm run bench`'s table.
 *
 * Paths: the SCR3310-NTTCom (libccid's published descriptor: TPDU level, so our T=1 blocks as they are)
 * at the negotiated rate, and the same exchanges at the rate in force after the ATR (what a reader
 * that cannot negotiate spends; for a card without TA1, or in specific mode, the two are the same); the RC-S380 offering the card
 * 106 only, up to 212, and up to 424 kbit/s; the RC-S300's vendor route (106 kbit/s).
 */
const personalisation = await loadPersonalisation('adult');
const p = personalisation.pins;
const CREDENTIALS: readonly [PinKey, string][] = [
  ['jpkiAuth', p.jpkiAuth], ['jpkiSign', p.jpkiSign!], ['textPin', p.textPin], ['textPinA', p.pinA], ['textPinB', p.pinB],
  ['visualBirth', p.birthKey], ['visualPinA', p.pinA], ['visualPinB', p.pinB], ['commonPin', p.commonPin], ['jukiPin', p.jukiPin],
];

interface Limit {
  /** Payload bytes → µs as characters and as raw bits at the fastest rate the card allows. */
  readonly characters: (bytes: number) => number;
  readonly bits: (bytes: number) => number;
  readonly says: string;
}

interface Run {
  readonly path: string;
  readonly ratio: number;
  readonly bitsRatio: number;
  readonly card: CardPersonalityId;
  readonly flow: string;
  readonly limitMs: number;
  /** Contactless runs: the time by kind of exchange (TypeBAirLedger). */
  readonly byKind?: ReadonlyMap<string, ExchangeKindTotals>;
}

const runs: Run[] = [];

/**
 * Every APDU byte the app exchanges, counted where the reader takes it. The session's log cannot
 * serve: it shows a VERIFY without its data (house rule 6 hides a PIN's length too), yet the card
 * receives those bytes, so they belong to the payload. Counted before the send, since PIN bytes are
 * zeroed once transmitted.
 */
function countPayload(reader: CardTransport): () => number {
  let bytes = 0;
  const transmit = reader.transmit.bind(reader);
  reader.transmit = async (command, meta) => {
    bytes += command.length;
    const response = await transmit(command, meta);
    bytes += response.length;
    return response;
  };
  return () => bytes;
}

/** Runs the app's path over `reader` and measures each of `views` (one link, or one link seen at two rates). */
async function measure(
  flow: 'no-PIN scan' | 'full flow',
  card: CardPersonalityId,
  reader: CardTransport,
  views: readonly { path: string; label: string; air: () => ContactAir | TypeBAirLedger }[],
  limit: () => Limit,
): Promise<void> {
  const session = new EngineSession(() => undefined);
  // From power-on: each device is fresh, so the totals include the reader's start-up on the link
  // (contact activation, ATR and PPS; Type B polling, ATTRIB and the rate change).
  const before = views.map(() => ({ micros: 0, bytesToCard: 0, bytesToReader: 0 }));
  const payloadSoFar = countPayload(reader);
  session.attach(reader, { reader: { id: 'bench', name: views[0]!.label } });
  await session.checkWhichCard(false);
  await runScan(session);
  if (flow === 'full flow') for (const [pinId, pin] of CREDENTIALS) await verifyPin(session, { pinId, pin });
  const payload = payloadSoFar();
  const { characters, bits, says } = limit();
  views.forEach((view, i) => {
    const after = view.air();
    const modelledMs = (after.micros - before[i]!.micros) / 1000;
    const limitMs = characters(payload) / 1000;
    const bitsMs = bits(payload) / 1000;
    const toCard = after.bytesToCard - before[i]!.bytesToCard;
    const toReader = after.bytesToReader - before[i]!.bytesToReader;
    const byKind = 'byKind' in after ? snapshotByKind(after.byKind) : undefined;
    runs.push({ path: view.path, ratio: modelledMs / limitMs, bitsRatio: modelledMs / bitsMs, card, flow, limitMs, ...(byKind ? { byKind } : {}) });
    // Bench files may print (house rule 12): these figures are the point of the run.
    // eslint-disable-next-line no-console
    console.log(
      `${`${flow}, ${view.label}, ${card}`.padEnd(66)} ${String(session.log.length).padStart(3)} APDUs, ${String(payload).padStart(6)} payload B, ` +
        `wire ${String(toCard).padStart(5)} B to card / ${String(toReader).padStart(6)} B to reader, ${modelledMs.toFixed(1).padStart(8)} ms modelled; ` +
        `limit (${says}) ${limitMs.toFixed(1).padStart(7)} ms as characters, ${bitsMs.toFixed(1).padStart(7)} ms as bits; ` +
        `ratio ${(modelledMs / limitMs).toFixed(2)} (bits ${(modelledMs / bitsMs).toFixed(2)}), target ≤ 1.2`,
    );
  });
  await session.detach();
}

for (const flow of ['no-PIN scan', 'full flow'] as const) {
  for (const card of CONTACT_PERSONALITIES) {
    const device = new FakeCcidDevice(new SimulatedCard(personalisation), { personality: 'scr3310', card: card.id as 'my-number' });
    const reader = await CcidReader.open(device, { timeoutMs: 1000 });
    const link = device.contactLink!;
    const negotiated = `Fi/Di ${reader.report().negotiation.fiDi.toString(16).toUpperCase()}`;
    await measure(
      flow,
      card.id,
      reader,
      [
        { path: 'contact-negotiated', label: `contact SCR3310, negotiated (${negotiated})`, air: () => link.air },
        { path: 'contact-default', label: 'contact SCR3310, rate after the ATR', air: () => link.airAtStartRate },
      ],
      () => {
        const fastest = link.fastestRate();
        return {
          characters: (bytes) => contactPayloadCharactersMicros(bytes, fastest),
          bits: (bytes) => contactPayloadBitsMicros(bytes, fastest),
          says: `Fi/Di ${fastest.fiDi.toString(16).toUpperCase()} at ${fastest.clockHz / 1e6} MHz, ${fastest.characterEtu} etu a character`,
        };
      },
    );
  }
  for (const card of CONTACTLESS_PERSONALITIES) {
    const typeB = { applicationData: card.applicationData, protocolInfo: card.protocolInfo };
    const atqb = parseAtqb(Uint8Array.of(0x50, 0, 0, 0, 0, ...card.applicationData, ...card.protocolInfo));
    const fastest = Math.min(Math.max(...atqb.bitRatesToCard, 106), Math.max(...atqb.bitRatesToReader, 106));
    const limit = (): Limit => ({
      characters: (bytes) => payloadCharactersMicros(bytes, fastest),
      bits: (bytes) => payloadOnlyMicros(bytes, fastest),
      says: `${fastest} kbit/s, 10 etu a character`,
    });
    for (const [path, bitRates] of [['rcs380-106', []], ['rcs380-212', [212]], ['rcs380-424', [212, 424]]] as const) {
      const device = new FakeRcs380Device(new SimulatedCard(personalisation), { fsc: 256, ...typeB });
      const reader = await Rcs380Reader.open(device, { timeoutMs: 1000, presenceCheckMs: 0, bitRates });
      await measure(flow, card.id, reader, [{ path, label: `RC-S380 at ${reader.report().bitRateKbps} kbit/s`, air: () => device.chip.air }], limit);
    }
    const device = new FakeRcs300Device(new SimulatedCard(personalisation), typeB);
    const reader = await Rcs300Reader.open(device, { timeoutMs: 1000, presenceCheckMs: 0 });
    await measure(flow, card.id, reader, [{ path: 'rcs300', label: 'RC-S300 vendor route (106 kbit/s)', air: () => device.reader.air }], limit);
  }
}

/** Each path's worst run (card personality and flow) is the table's figure; its raw-bit ratio goes beside it. */
const worst = new Map<string, Run>();
for (const run of runs) if ((worst.get(run.path)?.ratio ?? -1) < run.ratio) worst.set(run.path, run);
// Where a contactless path's time goes, exchange by exchange, for its worst run (issue 16 §2).
for (const w of worst.values()) {
  // eslint-disable-next-line no-console
  if (w.byKind) console.log(formatTypeBBreakdown(`${w.path}, ${w.card}, ${w.flow}`, w.byKind, w.limitMs));
}
writeBenchFigures(
  'link-budget',
  [...worst.values()].map(
    (w): BenchFigure => ({ id: `link.${w.path}`, value: w.ratio, note: `worst: ${w.card}, ${w.flow}; in raw bits ${w.bitsRatio.toFixed(2)}×` }),
  ),
);

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
