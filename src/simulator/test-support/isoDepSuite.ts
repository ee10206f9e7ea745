import { describe, expect, it, vi } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import type { CardTransport } from '../../transport';
import { describeTransportContract } from '../../transport/transport.contract';
import { settlesWithin, waitUntil } from '../../testing/fakeTime';
import type { FakeRcs380Fault } from '../rcs380/faults';
import type { TypeBCard } from '../rcs380/TypeBCard';
import { SimulatedCard } from '../card/SimulatedCard';
import type { Personalisation } from '../personalisation';
import { SimulatorTransport } from '../SimulatorTransport';

export const SELECT_JPKI = fromHex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
export const SELECT_AUTH_CERT = fromHex('00 A4 02 0C 02 00 0A');
/** One extended READ BINARY of 1 KiB: a chained answer at any FSC below 1 KiB. */
export const READ_1K = fromHex('00 B0 00 00 00 04 00');

/** The ISO-DEP faults both contactless emulators commit on the air (the RC-S300's union has the same ones). */
export type IsoDepFault = Extract<FakeRcs380Fault, { kind: 'lose-command' | 'lose-response' | 'corrupt-response' | 'wtx' | 'endless-wtx' | 'remove-card-mid-chain' }>;

/** What the shared cases need of an emulated contactless reader (RC-S380, RC-S300) and its driver. */
export interface IsoDepDevice {
  readonly card: TypeBCard;
  /** Faults injected and not yet committed, where the emulator tells. */
  readonly pendingFaults?: readonly unknown[];
  inject(fault: IsoDepFault): void;
  injectAfterRfFrames(count: number, fault: IsoDepFault): void;
  removeCard(): void;
  unplug(): void;
  replug(): void;
}

export interface IsoDepRig<D extends IsoDepDevice> {
  /** Opens the driver over a fresh emulator: `fsc` the card's frame size, `presenceCheckMs` the idle check (0: none). */
  open(options?: { fsc?: number; presenceCheckMs?: number }): Promise<{ device: D; reader: CardTransport }>;
  /** Opens the driver again over the same (replugged) emulator. */
  reopen(device: D): Promise<CardTransport>;
  /** Every frame the reader sent the card over the air, as hex. */
  rfFrames(device: D): string[];
  /** The personalisation the emulator's card carries. */
  readonly personalisation: Personalisation;
  /** How long the driver may take to give up on a card asking for more time for ever. */
  readonly endlessWtxWithinMs: number;
}

/** The status word, or the typed error code. */
export async function outcome(work: Promise<Uint8Array>): Promise<string> {
  return work.then(
    (r) => toHex(r.slice(-2)),
    (e: { code?: string }) => e.code ?? String(e),
  );
}

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const expected1k = (rig: { personalisation: Personalisation }): string => toHex(rig.personalisation.jpki.authCertificateEf.slice(0, 0x400));

/** SELECT JPKI, SELECT the auth certificate EF, READ BINARY in 255-byte (short) pieces. */
export async function readAuthCertificate(transmit: (c: Uint8Array) => Promise<Uint8Array>): Promise<string> {
  expect(toHex((await transmit(SELECT_JPKI)).slice(-2))).toBe('90 00');
  expect(toHex((await transmit(SELECT_AUTH_CERT)).slice(-2))).toBe('90 00');
  const parts: string[] = [];
  for (let offset = 0; offset < 4096; offset += 0xff) {
    const r = await transmit(Uint8Array.of(0x00, 0xb0, offset >> 8, offset & 0xff, 0xff));
    if (toHex(r.slice(-2)) !== '90 00') break;
    parts.push(toHex(r.slice(0, -2)));
    if (r.length - 2 < 0xff) break;
  }
  return parts.join(' ');
}

/**
 * What both contactless drivers must do over their emulator on a good day: pass the transport
 * contract at small, middle and full frame sizes, carry the same bytes as the bare simulator, and
 * bring 1 KiB back in one extended READ BINARY chained in FSD-sized frames.
 */
export function describeIsoDepReads<D extends IsoDepDevice>(name: string, emulator: string, rig: Pick<IsoDepRig<D>, 'open' | 'rfFrames' | 'personalisation'>): void {
  for (const fsc of [16, 64, 256]) {
    describeTransportContract(`${name} over ${emulator} (FSC ${fsc})`, async () => {
      const { device, reader } = await rig.open({ fsc });
      return {
        transport: reader,
        probe: SELECT_JPKI,
        expectedResponse: fromHex('90 00'),
        unplug: async () => {
          device.unplug();
          await flush();
        },
      };
    });
  }

  describe(`${name} over ${emulator} carries the card's bytes`, () => {
    it.each([16, 32, 64, 128, 256])('reads the JPKI auth certificate with the same bytes as SimulatorTransport (FSC %i)', async (fsc) => {
      const { reader } = await rig.open({ fsc });
      const direct = new SimulatorTransport(new SimulatedCard(rig.personalisation));
      const viaRf = await readAuthCertificate((c) => reader.transmit(c));
      expect(viaRf.length).toBeGreaterThan(1000);
      expect(viaRf).toBe(await readAuthCertificate((c) => direct.transmit(c)));
      await reader.close();
    });

    it('reads 1 KiB in one extended READ BINARY, the answer chained back in FSD-sized frames', async () => {
      const { reader, device } = await rig.open({ fsc: 64 });
      expect(reader.extendedLength).toBe(true);
      await reader.transmit(SELECT_JPKI);
      await reader.transmit(SELECT_AUTH_CERT);
      const before = rig.rfFrames(device).length;
      expect(toHex((await reader.transmit(READ_1K)).slice(0, -2))).toBe(expected1k(rig));
      // 1026 bytes in the card's frames of at most 61 INF bytes (its FSC 64 − PCB − CRC_B): 17 I-blocks, so the command and 16 R(ACK)s.
      expect(rig.rfFrames(device).length - before).toBe(17);
      await reader.close();
    });
  });
}

/**
 * The ISO/IEC 14443-4 cases both contactless drivers share through `contactless/IsoDepReader.ts`:
 * block-level recovery (§7.5.4 rules 4–6, 10 and 11; S(WTX)), and the card or reader lost —
 * between APDUs, mid-chain, while idle (the presence check), unplugged and plugged in again.
 * Each reader's own file keeps what only that reader does (start-up, USB framing, timeouts).
 * The caller resets fake timers after each case.
 */
export function describeIsoDepFaults<D extends IsoDepDevice>(name: string, rig: IsoDepRig<D>): void {
  describe(`${name} recovers where ISO/IEC 14443-4 allows`, () => {
    it.each(['lose-command', 'lose-response', 'corrupt-response'] as const)('%s: R(NAK) and the APDU still succeeds', async (kind) => {
      const { reader, device } = await rig.open();
      device.inject({ kind });
      expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
      expect(device.pendingFaults ?? []).toEqual([]);
      expect(rig.rfFrames(device).some((f) => f === 'B2' || f === 'B3')).toBe(true);
      await reader.close();
    });

    it.each(['lose-command', 'lose-response', 'corrupt-response'] as const)('%s in the middle of a chained answer: R(ACK) again, same bytes', async (kind) => {
      const { reader, device } = await rig.open({ fsc: 32 });
      await reader.transmit(SELECT_JPKI);
      await reader.transmit(SELECT_AUTH_CERT);
      const before = rig.rfFrames(device).length;
      // The command and two R(ACK)s go through; the third R(ACK) meets the fault.
      device.injectAfterRfFrames(3, { kind });
      expect(toHex((await reader.transmit(READ_1K)).slice(0, -2))).toBe(expected1k(rig));
      expect(device.pendingFaults ?? []).toEqual([]);
      const sent = rig.rfFrames(device).slice(before);
      // 1026 bytes in 29-byte pieces: 36 I-blocks; one R(ACK) sent twice (rule 5, or rule 10 answers it).
      expect(sent.filter((f) => f === 'A2' || f === 'A3')).toHaveLength(36);
      expect(sent[3]).toBe(sent[4]);
      await reader.close();
    });

    it('S(WTX) requests are answered and the APDU completes', async () => {
      const { reader, device } = await rig.open();
      device.inject({ kind: 'wtx', wtxm: 5, times: 3 });
      expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
      expect(rig.rfFrames(device).filter((f) => f === 'F2 05')).toHaveLength(3);
      await reader.close();
    });

    it('a card asking for more time for ever: transport/protocol in bounded time', async () => {
      const { reader, device } = await rig.open();
      device.inject({ kind: 'endless-wtx' });
      vi.useFakeTimers();
      expect(await settlesWithin(rig.endlessWtxWithinMs, outcome(reader.transmit(SELECT_JPKI)))).toBe('transport/protocol');
    });
  });

  describe(`${name} ends the session with a typed error when the card or reader is lost`, () => {
    it('card lifted between APDUs: transport/card-removed on the next one, reported once', async () => {
      const { reader, device } = await rig.open();
      await reader.transmit(SELECT_JPKI);
      const reasons: string[] = [];
      reader.onDisconnect((r) => reasons.push(r.code));
      device.removeCard();
      expect(await outcome(reader.transmit(SELECT_AUTH_CERT))).toBe('transport/card-removed');
      expect(reasons).toEqual(['transport/card-removed']);
      expect(reader.connected).toBe(false);
    });

    it('card lifted in the middle of a chained answer: transport/card-removed', async () => {
      const { reader, device } = await rig.open({ fsc: 32 });
      await reader.transmit(SELECT_JPKI);
      await reader.transmit(SELECT_AUTH_CERT);
      device.injectAfterRfFrames(2, { kind: 'remove-card-mid-chain' });
      expect(await outcome(reader.transmit(READ_1K))).toBe('transport/card-removed');
    });

    it('the presence check counts a card that answers R(NAK) with its last I-block again as present (issue 15 §4)', async () => {
      vi.useFakeTimers();
      const { reader, device } = await settlesWithin(1000, rig.open({ presenceCheckMs: 10 }));
      await settlesWithin(1000, reader.transmit(SELECT_JPKI));
      const reasons: string[] = [];
      reader.onDisconnect((r) => reasons.push(r.code));
      device.card.protocol!.missAcknowledgement();
      await vi.advanceTimersByTimeAsync(40);
      expect(reasons).toEqual([]);
      expect(reader.connected).toBe(true);
      expect(toHex(await settlesWithin(1000, reader.transmit(SELECT_JPKI)))).toBe('90 00');
    });

    it('the presence check notices a card lifted while idle', async () => {
      vi.useFakeTimers();
      const { reader, device } = await settlesWithin(1000, rig.open({ presenceCheckMs: 10 }));
      const reasons: string[] = [];
      reader.onDisconnect((r) => reasons.push(r.code));
      // Four presence checks with the card on the reader: nothing to report.
      await vi.advanceTimersByTimeAsync(40);
      expect(reasons).toEqual([]);
      device.removeCard();
      await waitUntil(() => reasons.length > 0, 2000);
      expect(reasons).toEqual(['transport/card-removed']);
    });

    it('after replug the same device opens again and reads', async () => {
      const { reader, device } = await rig.open();
      device.unplug();
      await flush();
      expect(reader.connected).toBe(false);
      device.replug();
      const again = await rig.reopen(device);
      await again.transmit(SELECT_JPKI);
      await again.transmit(SELECT_AUTH_CERT);
      expect(toHex((await again.transmit(READ_1K)).slice(0, -2))).toBe(expected1k(rig));
      await again.close();
    });
  });
}
