import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import { Rcs300Reader } from './Rcs300Reader';
import { ScriptedEscapeDevice, type EscapeScriptStep } from './test-support/ScriptedEscapeDevice';

/**
 * The driver on the wire, against messages typed by hand — not produced by our encoders — from
 * CCID 1.1 §6.1.8/§6.2.4 (6B/83, dwLength little-endian, slot 0, bSeq 0, 1, 2 …), the public
 * RC-S300 pseudo-APDUs (`FF 50 00 00 02 81 00 00` …, Transparent Exchange `FF 50 00 01 00 Lh Ll
 * 5F 46 04 <µs LE> 95 82 <len> <frame> 00 00 00`), replies shaped like the captured ones (bStatus
 * 02, `C0 03 00 90 00 92 01 00 96 02 00 00 97 …  90 00`), ISO/IEC 14443-3 (WUPB, ATQB, ATTRIB)
 * and 14443-4 (I(0) = 02). Timers: 30 ms = 30 75 00 00; FWT(FWI 10) = 309.314 ms → 309315 µs =
 * 43 B8 04 00; FWT + ΔFWT = 312.939 ms → 312940 µs = 6C C6 04 00.
 */
const OK = (seq: string) => `83 07 00 00 00 00 ${seq} 02 00 00 C0 03 00 90 00 90 00`;
const START_UP: readonly EscapeScriptStep[] = [
  { out: '6B 04 00 00 00 00 00 00 00 00 FF 56 00 00', in: ['83 04 00 00 00 00 00 02 00 00 01 23 90 00'] },
  { out: '6B 08 00 00 00 00 01 00 00 00 FF 50 00 00 02 82 00 00', in: [OK('01')] },
  { out: '6B 08 00 00 00 00 02 00 00 00 FF 50 00 00 02 81 00 00', in: [OK('02')] },
  { out: '6B 08 00 00 00 00 03 00 00 00 FF 50 00 00 02 83 00 00', in: [OK('03')] },
  { out: '6B 08 00 00 00 00 04 00 00 00 FF 50 00 00 02 84 00 00', in: [OK('04')] },
  { out: '6B 0E 00 00 00 00 05 00 00 00 FF 50 00 01 00 00 04 90 02 00 10 00 00 00', in: [OK('05')] },
  { out: '6B 0A 00 00 00 00 06 00 00 00 FF 50 00 02 04 8F 02 01 03 00', in: [OK('06')] },
  // WUPB 05 00 08 → ATQB 50 12 34 56 78 | 00 00 05 E0 | B3 81 A1 (28 data bytes, the reply split over two transfers).
  {
    out: '6B 18 00 00 00 00 07 00 00 00 FF 50 00 01 00 00 0E 5F 46 04 30 75 00 00 95 82 00 03 05 00 08 00 00 00',
    in: ['83 1C 00 00 00 00 07 02 00 00 C0 03 00 90 00 92 01 00', '96 02 00 00 97 0C 50 12 34 56 78 00 00 05 E0 B3 81 A1 90 00'],
  },
  // ATTRIB 1D 12 34 56 78 00 08 01 00 → 00 (MBLI 0, CID 0).
  {
    out: '6B 1E 00 00 00 00 08 00 00 00 FF 50 00 01 00 00 14 5F 46 04 43 B8 04 00 95 82 00 09 1D 12 34 56 78 00 08 01 00 00 00 00',
    in: ['83 11 00 00 00 00 08 02 00 00 C0 03 00 90 00 92 01 00 96 02 00 00 97 01 00 90 00'],
  },
];
const SELECT_I0 = '6B 1D 00 00 00 00 09 00 00 00 FF 50 00 01 00 00 13 5F 46 04 6C C6 04 00 95 82 00 08 02 00 A4 02 0C 02 00 0A 00 00 00';
const ANSWER_I0_9000 = (seq: string) => `83 13 00 00 00 00 ${seq} 02 00 00 C0 03 00 90 00 92 01 00 96 02 00 00 97 03 02 90 00 90 00`;

describe('Rcs300Reader on the wire', () => {
  it('starts the session, activates the card, and sends SELECT as I(0) 02 …, answered 02 90 00', async () => {
    const device = new ScriptedEscapeDevice([...START_UP, { out: SELECT_I0, in: [ANSWER_I0_9000('09')] }]);
    const reader = await Rcs300Reader.open(device, { timeoutMs: 500, presenceCheckMs: 0 });
    expect(device.claimedInterfaces).toEqual([1]);
    expect(toHex(reader.atr)).toBe('3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F');
    expect(reader.report()).toMatchObject({ firmwareVersion: '01 23', fsc: 256, fsd: 256, atqb: { pupi: '12 34 56 78', fwi: 10 }, flagsAccepted: true });
    expect(toHex(await reader.transmit(fromHex('00 A4 02 0C 02 00 0A')))).toBe('90 00');
    expect(device.finished).toBe(true);
  });

  it('no card answer (C0 03 02 64 01) is followed by R(NAK) B2, and the card sends its answer again', async () => {
    const device = new ScriptedEscapeDevice([
      ...START_UP,
      { out: SELECT_I0, in: ['83 07 00 00 00 00 09 02 00 00 C0 03 02 64 01 90 00'] },
      { out: '6B 16 00 00 00 00 0A 00 00 00 FF 50 00 01 00 00 0C 5F 46 04 6C C6 04 00 95 82 00 01 B2 00 00 00', in: [ANSWER_I0_9000('0A')] },
    ]);
    const reader = await Rcs300Reader.open(device, { timeoutMs: 500, presenceCheckMs: 0 });
    expect(toHex(await reader.transmit(fromHex('00 A4 02 0C 02 00 0A')))).toBe('90 00');
    expect(device.finished).toBe(true);
  });

  it('a reply with an earlier bSeq is dropped; the one with ours is taken', async () => {
    const device = new ScriptedEscapeDevice([...START_UP, { out: SELECT_I0, in: [OK('08'), ANSWER_I0_9000('09')] }]);
    const reader = await Rcs300Reader.open(device, { timeoutMs: 500, presenceCheckMs: 0 });
    expect(toHex(await reader.transmit(fromHex('00 A4 02 0C 02 00 0A')))).toBe('90 00');
  });

  it('no card at the reader\'s own poll (switch answered C0 03 01 64 01): usb/no-card, then RF off and end session', async () => {
    const device = new ScriptedEscapeDevice([
      ...START_UP.slice(0, 6),
      { out: '6B 0A 00 00 00 00 06 00 00 00 FF 50 00 02 04 8F 02 01 03 00', in: ['83 07 00 00 00 00 06 02 00 00 C0 03 01 64 01 90 00'] },
      { out: '6B 08 00 00 00 00 07 00 00 00 FF 50 00 00 02 83 00 00', in: [OK('07')] },
      { out: '6B 08 00 00 00 00 08 00 00 00 FF 50 00 00 02 82 00 00', in: [OK('08')] },
    ]);
    await expect(Rcs300Reader.open(device, { timeoutMs: 500, pollAttempts: 1 })).rejects.toMatchObject({ code: 'usb/no-card' });
    expect(device.finished).toBe(true);
  });

  it('start session refused (C0 03 01 6A 81): transport/protocol naming the command and the status', async () => {
    const device = new ScriptedEscapeDevice([
      ...START_UP.slice(0, 2),
      { out: '6B 08 00 00 00 00 02 00 00 00 FF 50 00 00 02 81 00 00', in: ['83 07 00 00 00 00 02 02 00 00 C0 03 01 6A 81 90 00'] },
    ]);
    await expect(Rcs300Reader.open(device, { timeoutMs: 500 })).rejects.toMatchObject({
      code: 'transport/protocol',
      message: expect.stringMatching(/start transparent session.*6A ?81/),
    });
  });

  describe('start-up timing and fallbacks', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('lets the field settle 30 ms after RF off and 30 ms after RF on before the next command', async () => {
      vi.useFakeTimers();
      const device = new ScriptedEscapeDevice([...START_UP, { out: SELECT_I0, in: [ANSWER_I0_9000('09')] }]);
      const opening = Rcs300Reader.open(device, { timeoutMs: 500, presenceCheckMs: 0 });
      await vi.advanceTimersByTimeAsync(0);
      expect(device.played).toBe(4); // version, end, start, RF off
      await vi.advanceTimersByTimeAsync(29);
      expect(device.played).toBe(4);
      await vi.advanceTimersByTimeAsync(1);
      expect(device.played).toBe(5); // RF on
      await vi.advanceTimersByTimeAsync(29);
      expect(device.played).toBe(5);
      await vi.advanceTimersByTimeAsync(1);
      expect(device.played).toBeGreaterThan(5); // the flags, the switch, WUPB …
      const reader = await opening;
      expect(toHex(await reader.transmit(fromHex('00 A4 02 0C 02 00 0A')))).toBe('90 00');
    });

    it('a refused switch to layer 3 (C0 03 01 6A 81) is followed by the next sequence, layer 2, which brings the card up; the report names both', async () => {
      const device = new ScriptedEscapeDevice([
        ...START_UP.slice(0, 6),
        { out: '6B 0A 00 00 00 00 06 00 00 00 FF 50 00 02 04 8F 02 01 03 00', in: ['83 07 00 00 00 00 06 02 00 00 C0 03 01 6A 81 90 00'] },
        // Sequence 2 starts over: end, start, RF off, RF on, flags, switch to layer 2 (8F 02 01 02).
        { out: '6B 08 00 00 00 00 07 00 00 00 FF 50 00 00 02 82 00 00', in: [OK('07')] },
        { out: '6B 08 00 00 00 00 08 00 00 00 FF 50 00 00 02 81 00 00', in: [OK('08')] },
        { out: '6B 08 00 00 00 00 09 00 00 00 FF 50 00 00 02 83 00 00', in: [OK('09')] },
        { out: '6B 08 00 00 00 00 0A 00 00 00 FF 50 00 00 02 84 00 00', in: [OK('0A')] },
        { out: '6B 0E 00 00 00 00 0B 00 00 00 FF 50 00 01 00 00 04 90 02 00 10 00 00 00', in: [OK('0B')] },
        { out: '6B 0A 00 00 00 00 0C 00 00 00 FF 50 00 02 04 8F 02 01 02 00', in: [OK('0C')] },
        {
          out: '6B 18 00 00 00 00 0D 00 00 00 FF 50 00 01 00 00 0E 5F 46 04 30 75 00 00 95 82 00 03 05 00 08 00 00 00',
          in: ['83 1C 00 00 00 00 0D 02 00 00 C0 03 00 90 00 92 01 00 96 02 00 00 97 0C 50 12 34 56 78 00 00 05 E0 B3 81 A1 90 00'],
        },
        {
          out: '6B 1E 00 00 00 00 0E 00 00 00 FF 50 00 01 00 00 14 5F 46 04 43 B8 04 00 95 82 00 09 1D 12 34 56 78 00 08 01 00 00 00 00',
          in: ['83 11 00 00 00 00 0E 02 00 00 C0 03 00 90 00 92 01 00 96 02 00 00 97 01 00 90 00'],
        },
      ]);
      const reader = await Rcs300Reader.open(device, { timeoutMs: 500, presenceCheckMs: 0 });
      expect(device.finished).toBe(true);
      expect(reader.report()).toMatchObject({
        sequence: 'layer 2, flags 0010',
        switchLayer: 2,
        failedSequences: [{ sequence: 'layer 3, flags 0010', step: 'switch protocol', reason: expect.stringMatching(/6A ?81/) }],
      });
    });

    it('when every sequence fails, the error names each and the step it stopped at', async () => {
      // Every Switch Protocol refused (6A 81); each sequence first restarts the session and the field.
      const refuse = (seq: string) => `83 07 00 00 00 00 ${seq} 02 00 00 C0 03 01 6A 81 90 00`;
      const seqHex = (n: number) => n.toString(16).padStart(2, '0').toUpperCase();
      const steps: EscapeScriptStep[] = [START_UP[0]!];
      let seq = 1;
      for (const [layer, flags] of [['03', true], ['02', true], ['03', false], ['02', false]] as const) {
        for (const tag of ['82', '81', '83', '84']) {
          steps.push({ out: `6B 08 00 00 00 00 ${seqHex(seq)} 00 00 00 FF 50 00 00 02 ${tag} 00 00`, in: [OK(seqHex(seq))] });
          seq++;
        }
        if (flags) {
          steps.push({ out: `6B 0E 00 00 00 00 ${seqHex(seq)} 00 00 00 FF 50 00 01 00 00 04 90 02 00 10 00 00 00`, in: [OK(seqHex(seq))] });
          seq++;
        }
        steps.push({ out: `6B 0A 00 00 00 00 ${seqHex(seq)} 00 00 00 FF 50 00 02 04 8F 02 01 ${layer} 00`, in: [refuse(seqHex(seq))] });
        seq++;
      }
      // Then the field off and the session ended.
      steps.push({ out: `6B 08 00 00 00 00 ${seqHex(seq)} 00 00 00 FF 50 00 00 02 83 00 00`, in: [OK(seqHex(seq))] });
      seq++;
      steps.push({ out: `6B 08 00 00 00 00 ${seqHex(seq)} 00 00 00 FF 50 00 00 02 82 00 00`, in: [OK(seqHex(seq))] });
      const device = new ScriptedEscapeDevice(steps);
      const error = await Rcs300Reader.open(device, { timeoutMs: 500, presenceCheckMs: 0 }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'transport/protocol' });
      const message = (error as Error).message;
      for (const name of ['layer 3, flags 0010', 'layer 2, flags 0010', 'layer 3, no flags', 'layer 2, no flags']) {
        expect(message).toContain(`${name} failed at switch protocol`);
      }
      expect(device.finished).toBe(true);
    });
  });
});
