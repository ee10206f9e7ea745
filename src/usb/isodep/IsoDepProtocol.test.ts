import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import { IsoDepError } from './IsoDepError';
import { ISO_DEP_MAX_ROUNDS, IsoDepProtocol, type FrameOutcome } from './IsoDepProtocol';

/** One frame we must send, byte for byte, and what the field gives back. */
type Step = readonly [out: string, back: string | 'timeout' | 'error'];

/**
 * A card script written by hand from ISO/IEC 14443-4:2008 §7.5 (block numbering rules A–E,
 * error rules 1–13). CRC_B is not in the bytes: the reader chip owns it.
 */
function scripted(steps: readonly Step[], options: { fsc?: number; fwtMs?: number } = {}) {
  let next = 0;
  const waits: number[] = [];
  const protocol = new IsoDepProtocol(
    async (frame, waitMs): Promise<FrameOutcome> => {
      const step = steps[next];
      if (!step) throw new Error(`unscripted frame ${toHex(frame)}`);
      expect(toHex(frame), `frame ${next}`).toBe(toHex(fromHex(step[0])));
      next++;
      waits.push(waitMs);
      if (step[1] === 'timeout') return { kind: 'timeout' };
      if (step[1] === 'error') return { kind: 'error' };
      return { kind: 'frame', bytes: fromHex(step[1]) };
    },
    { fsc: options.fsc ?? 256, fsd: 256, fwtMs: options.fwtMs ?? 10 },
  );
  return { protocol, waits, done: () => next === steps.length };
}

const SELECT = '00 A4 02 0C 02 00 0A';

describe('ISO-DEP exchanges', () => {
  it('I(0) then I(1): the block number toggles after each answer (rule B)', async () => {
    const { protocol, done } = scripted([
      [`02 ${SELECT}`, '02 90 00'],
      [`03 ${SELECT}`, '03 6A 82'],
    ]);
    expect(toHex(await protocol.transmit(fromHex(SELECT)))).toBe('90 00');
    expect(toHex(await protocol.transmit(fromHex(SELECT)))).toBe('6A 82');
    expect(done()).toBe(true);
  });

  it('chains a command in FSC − 3 pieces: 12 …, card R(ACK) A2, then 03 … (rules 7, B)', async () => {
    const apdu = '00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01'; // 15 bytes, FSC 16 → 13 per block
    const { protocol, done } = scripted(
      [
        ['12 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00', 'A2'],
        ['03 00 01', '03 90 00'],
      ],
      { fsc: 16 },
    );
    expect(toHex(await protocol.transmit(fromHex(apdu)))).toBe('90 00');
    expect(done()).toBe(true);
  });

  it('gathers a chained answer, acknowledging each piece with R(ACK) of the new number (rule 2)', async () => {
    const { protocol, done } = scripted([
      ['02 00 B0 00 00 04', '12 01 02'],
      ['A3', '13 03'],
      ['A2', '02 04 90 00'],
    ]);
    expect(toHex(await protocol.transmit(fromHex('00 B0 00 00 04')))).toBe('01 02 03 04 90 00');
    expect(done()).toBe(true);
  });

  it('honours S(WTX): echoes F2 05 and waits five times FWT for the next block only', async () => {
    const { protocol, waits, done } = scripted(
      [
        [`02 ${SELECT}`, 'F2 05'],
        ['F2 05', '02 90 00'],
        [`03 ${SELECT}`, '03 90 00'],
      ],
      { fwtMs: 10 },
    );
    await protocol.transmit(fromHex(SELECT));
    await protocol.transmit(fromHex(SELECT));
    expect(done()).toBe(true);
    expect(waits[1]).toBeGreaterThan(50);
    expect(waits[2]).toBeLessThan(20);
  });
});

describe('ISO-DEP error recovery (§7.5.4)', () => {
  it('a lost answer: R(NAK) B2 with our number, the card sends its I-block again (rules 4, 10)', async () => {
    const { protocol, done } = scripted([
      [`02 ${SELECT}`, 'timeout'],
      ['B2', '02 90 00'],
    ]);
    expect(toHex(await protocol.transmit(fromHex(SELECT)))).toBe('90 00');
    expect(done()).toBe(true);
  });

  it('a lost command: R(NAK) B2, the card says R(ACK) A3 (not our number), we send the I-block again (rules 11, 6)', async () => {
    const { protocol, done } = scripted([
      [`02 ${SELECT}`, 'timeout'],
      ['B2', 'A3'],
      [`02 ${SELECT}`, '02 90 00'],
    ]);
    expect(toHex(await protocol.transmit(fromHex(SELECT)))).toBe('90 00');
    expect(done()).toBe(true);
  });

  it('a corrupted answer (CRC error at the chip) is asked for again with R(NAK)', async () => {
    const { protocol, done } = scripted([
      [`02 ${SELECT}`, 'error'],
      ['B2', '02 90 00'],
    ]);
    expect(toHex(await protocol.transmit(fromHex(SELECT)))).toBe('90 00');
    expect(done()).toBe(true);
  });

  it('while the card chains, a lost piece is asked for with R(ACK) again, not R(NAK) (rule 5)', async () => {
    const { protocol, done } = scripted([
      ['02 00 B0 00 00 03', '12 01'],
      ['A3', 'timeout'],
      ['A3', '13 02'],
      ['A2', '02 03 90 00'],
    ]);
    expect(toHex(await protocol.transmit(fromHex('00 B0 00 00 03')))).toBe('01 02 03 90 00');
    expect(done()).toBe(true);
  });

  it('a card that stops answering: three tries, then transport/card-removed', async () => {
    const { protocol, done } = scripted([
      [`02 ${SELECT}`, 'timeout'],
      ['B2', 'timeout'],
      ['B2', 'timeout'],
    ]);
    const failure = await protocol.transmit(fromHex(SELECT)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(IsoDepError);
    expect(failure).toMatchObject({ code: 'transport/card-removed', reason: 'no-response' });
    expect(done()).toBe(true);
  });

  it('a card that keeps answering garbage: transport/protocol after the retransmissions', async () => {
    const { protocol, done } = scripted([
      [`02 ${SELECT}`, '00'],
      ['B2', 'D2'],
      ['B2', 'error'],
    ]);
    await expect(protocol.transmit(fromHex(SELECT))).rejects.toMatchObject({ code: 'transport/protocol', reason: 'retries-exhausted' });
    expect(done()).toBe(true);
  });

  it('an I-block with the wrong number or an R(NAK) from the card is an invalid block', async () => {
    const { protocol, done } = scripted([
      [`02 ${SELECT}`, '03 90 00'],
      ['B2', 'B3'],
      ['B2', '02 90 00'],
    ]);
    expect(toHex(await protocol.transmit(fromHex(SELECT)))).toBe('90 00');
    expect(done()).toBe(true);
  });

  it('a card asking for more time for ever is given up on (card-stalled)', async () => {
    const steps: Step[] = [[`02 ${SELECT}`, 'F2 01']];
    for (let i = 0; i < 64; i++) steps.push(['F2 01', 'F2 01']);
    const { protocol } = scripted(steps);
    await expect(protocol.transmit(fromHex(SELECT))).rejects.toMatchObject({ code: 'transport/protocol', reason: 'card-stalled' });
  });

  it('a card chaining empty I-blocks for ever (12, 13, 12 … with no INF) is stopped after ISO_DEP_MAX_ROUNDS frames', async () => {
    // Each empty chained I-block is acknowledged with R(ACK) of our new number (rule 2): A3, A2, A3 …
    const steps: Step[] = [[`02 ${SELECT}`, '12']];
    for (let i = 1; i < ISO_DEP_MAX_ROUNDS; i++) steps.push(i % 2 === 1 ? ['A3', '13'] : ['A2', '12']);
    const { protocol, done } = scripted(steps);
    await expect(protocol.transmit(fromHex(SELECT))).rejects.toMatchObject({ code: 'transport/protocol', reason: 'too-many-rounds' });
    expect(done()).toBe(true);
  });
});

describe('ISO-DEP presence check and deselect', () => {
  it('R(NAK) with our number; R(ACK) back means present; the numbering is unchanged', async () => {
    const { protocol, done } = scripted([
      ['B2', 'A3'],
      [`02 ${SELECT}`, '02 90 00'],
      ['B3', 'A2'],
    ]);
    expect(await protocol.isPresent()).toBe(true);
    await protocol.transmit(fromHex(SELECT));
    expect(await protocol.isPresent()).toBe(true);
    expect(done()).toBe(true);
  });

  it('a card that missed our last acknowledgement answers R(NAK) with its last I-block again (rule 10): present', async () => {
    const { protocol, done } = scripted([
      [`02 ${SELECT}`, '02 90 00'],
      ['B3', '02 90 00'],
    ]);
    await protocol.transmit(fromHex(SELECT));
    expect(await protocol.isPresent()).toBe(true);
    expect(done()).toBe(true);
  });

  it('damaged frames and blocks that break §7.1 on every try: absent', async () => {
    const { protocol, done } = scripted([
      ['B2', 'error'],
      ['B2', '22'],
      ['B2', 'timeout'],
    ]);
    expect(await protocol.isPresent()).toBe(false);
    expect(done()).toBe(true);
  });

  it('no answer to the presence check: absent', async () => {
    const { protocol } = scripted([
      ['B2', 'timeout'],
      ['B2', 'timeout'],
      ['B2', 'timeout'],
    ]);
    expect(await protocol.isPresent()).toBe(false);
  });

  it('S(DESELECT) C2 answered by C2', async () => {
    const { protocol, done } = scripted([['C2', 'C2']]);
    expect(await protocol.deselect()).toBe(true);
    expect(done()).toBe(true);
  });
});
