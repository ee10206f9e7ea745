import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import { InvalidBlockError } from './block';
import { T1_MAX_EMPTY_PIECES, T1Protocol, type SendBlock } from './T1Protocol';
import { T1ProtocolError } from './T1ProtocolError';

/**
 * A card that follows a script of [block we must send, block it answers] pairs, written by hand
 * from ISO/IEC 7816-3:2006 §11 and Annex A scenarios; '' stands for "nothing arrived in BWT".
 */
function scriptedCard(steps: readonly (readonly [string, string])[]) {
  let next = 0;
  const multipliers: number[] = [];
  const send: SendBlock = async (block, context) => {
    const step = steps[next++];
    if (!step) throw new Error(`the card expected no more blocks, got ${toHex(block)}`);
    expect(toHex(block)).toBe(toHex(fromHex(step[0])));
    multipliers.push(context.waitMultiplier);
    return fromHex(step[1]);
  };
  return { send, multipliers, finished: () => expect(next).toBe(steps.length) };
}

const SELECT_JPKI = fromHex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
const READ_4 = fromHex('00 B0 00 00 04');
const OK = '00 00 02 90 00 92'; // I(0): 90 00, LRC 02^90 = 92

describe('T1Protocol (ISO/IEC 7816-3:2006 §11)', () => {
  it('asks for IFSD 254 first (rule 2), then exchanges I-blocks with alternating N(S)', async () => {
    const card = scriptedCard([
      ['00 C1 01 FE 3E', '00 E1 01 FE 1E'],
      ['00 00 0F 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01 3E', OK],
      // I(1): 40^05=45 ^B0=F5 ^04=F1. Card I(1): 40^06=46 ^01=47 ^02=45 ^03=46 ^04=42 ^90=D2
      ['00 40 05 00 B0 00 00 04 F1', '00 40 06 01 02 03 04 90 00 D2'],
    ]);
    const t1 = new T1Protocol(card.send, { ifsc: 254 });
    expect(toHex(await t1.transmit(SELECT_JPKI))).toBe('90 00');
    expect(toHex(await t1.transmit(READ_4))).toBe('01 02 03 04 90 00');
    expect(t1.ifsd).toBe(254);
    card.finished();
  });

  it('answers a block the link reports received with a parity error with R(EDC error) 00 81 00 81 (rule 7.2)', async () => {
    const sent: string[] = [];
    let first = true;
    const send: SendBlock = async (block) => {
      sent.push(toHex(block));
      if (first) {
        first = false;
        throw new InvalidBlockError('edc', 0, 'parity error reported by the reader');
      }
      return fromHex(OK);
    };
    const t1 = new T1Protocol(send, { ifsc: 254, negotiateIfsd: false });
    expect(toHex(await t1.transmit(fromHex('00 A4 02 0C 02 00 0A')))).toBe('90 00');
    // I(0) SELECT (LRC A5), then R-block N(R) 0 with the EDC bit: PCB 81, LRC 81.
    expect(sent).toEqual(['00 00 07 00 A4 02 0C 02 00 0A A5', '00 81 00 81']);
  });

  it('chains a command longer than IFSC (§11.6.2.3), each piece acknowledged by R(N(R))', async () => {
    const card = scriptedCard([
      ['00 20 04 00 A4 04 0C 88', '00 90 00 90'], // 20^04=24 ^A4=80 ^04=84 ^0C=88
      ['00 60 04 0A D3 92 F0 DF', '00 80 00 80'], // 60^04=64 ^0A=6E ^D3=BD ^92=2F ^F0=DF
      ['00 20 04 00 26 01 00 03', '00 90 00 90'], // 24 ^26=02 ^01=03
      ['00 40 03 00 00 01 42', OK], // 40^03=43 ^01=42
    ]);
    const t1 = new T1Protocol(card.send, { ifsc: 4, negotiateIfsd: false });
    expect(toHex(await t1.transmit(SELECT_JPKI))).toBe('90 00');
    card.finished();
  });

  it('receives a chained response, acknowledging each piece with R(N(R))', async () => {
    const card = scriptedCard([
      ['00 00 05 00 B0 00 00 00 B5', '00 20 03 01 02 03 23'], // 05^B0=B5; card: 20^03=23 ^01=22 ^02=20 ^03=23
      ['00 90 00 90', '00 40 04 04 05 90 00 D5'], // 40^04=44 ^04=40 ^05=45 ^90=D5
    ]);
    const t1 = new T1Protocol(card.send, { ifsc: 254, negotiateIfsd: false });
    expect(toHex(await t1.transmit(fromHex('00 B0 00 00 00')))).toBe('01 02 03 04 05 90 00');
    card.finished();
  });

  it('stops a card that chains empty I-blocks ("more follows", no INF) for ever after T1_MAX_EMPTY_PIECES (issue 15 §3)', async () => {
    // I(0, M) with no INF is 00 20 00 20; I(1, M) is 00 60 00 60. Each is acknowledged with R(N(R)).
    let blocks = 0;
    const send: SendBlock = async () => (blocks++ % 2 === 0 ? fromHex('00 20 00 20') : fromHex('00 60 00 60'));
    const t1 = new T1Protocol(send, { ifsc: 254, negotiateIfsd: false });
    await expect(t1.transmit(READ_4)).rejects.toMatchObject({ code: 'transport/protocol', reason: 'too-many-rounds' });
    expect(blocks).toBe(T1_MAX_EMPTY_PIECES + 1);
  });

  it('answers S(WTX request) with the same multiplier and stretches the next wait (rule 8)', async () => {
    const card = scriptedCard([
      ['00 00 05 00 B0 00 00 04 B1', '00 C3 01 02 C0'], // 05^B0=B5 ^04=B1
      ['00 E3 01 02 E0', OK],
    ]);
    const extensions: number[] = [];
    const t1 = new T1Protocol(card.send, { ifsc: 254, negotiateIfsd: false, onWaitingTimeExtension: (m) => extensions.push(m) });
    expect(toHex(await t1.transmit(READ_4))).toBe('90 00');
    expect(extensions).toEqual([2]);
    expect(card.multipliers).toEqual([1, 2]);
    card.finished();
  });

  it('answers a corrupted block with R(N(R)) and EDC error, and takes the retransmission (rule 7.1)', async () => {
    const card = scriptedCard([
      ['00 00 05 00 B0 00 00 04 B1', '00 00 02 90 00 93'],
      ['00 81 00 81', OK],
    ]);
    const t1 = new T1Protocol(card.send, { ifsc: 254, negotiateIfsd: false });
    expect(toHex(await t1.transmit(READ_4))).toBe('90 00');
    card.finished();
  });

  it('recovers a lost I-block: R-block after the timeout, the card asks for N(S)=0 again, we resend (rules 7.1, 7.2)', async () => {
    const card = scriptedCard([
      ['00 00 05 00 B0 00 00 04 B1', ''],
      ['00 82 00 82', '00 80 00 80'],
      ['00 00 05 00 B0 00 00 04 B1', OK],
    ]);
    const t1 = new T1Protocol(card.send, { ifsc: 254, negotiateIfsd: false });
    expect(toHex(await t1.transmit(READ_4))).toBe('90 00');
    card.finished();
  });

  it('resends our I-block when the card reports an EDC error on it', async () => {
    const card = scriptedCard([
      ['00 00 05 00 B0 00 00 04 B1', '00 81 00 81'],
      ['00 00 05 00 B0 00 00 04 B1', OK],
    ]);
    expect(toHex(await new T1Protocol(card.send, { ifsc: 254, negotiateIfsd: false }).transmit(READ_4))).toBe('90 00');
    card.finished();
  });

  it('resynchronises after three failed attempts and sends the APDU again from N(S)=0 (rules 7.4, §11.6.3.3)', async () => {
    const card = scriptedCard([
      ['00 00 05 00 B0 00 00 04 B1', OK],
      ['00 40 05 00 B0 00 00 04 F1', 'FF'],
      ['00 92 00 92', '00 40 02 90 00 D3'], // correct LRC would be D2
      ['00 91 00 91', ''],
      ['00 C0 00 C0', '00 E0 00 E0'],
      ['00 00 05 00 B0 00 00 04 B1', OK],
    ]);
    const t1 = new T1Protocol(card.send, { ifsc: 254, negotiateIfsd: false });
    await t1.transmit(READ_4);
    expect(toHex(await t1.transmit(READ_4))).toBe('90 00');
    card.finished();
  });

  it('renegotiates IFSD after a resynchronisation', async () => {
    const card = scriptedCard([
      ['00 C1 01 FE 3E', '00 E1 01 FE 1E'],
      ['00 00 05 00 B0 00 00 04 B1', ''],
      ['00 82 00 82', ''],
      ['00 82 00 82', ''],
      ['00 C0 00 C0', '00 E0 00 E0'],
      ['00 C1 01 FE 3E', '00 E1 01 FE 1E'],
      ['00 00 05 00 B0 00 00 04 B1', OK],
    ]);
    expect(toHex(await new T1Protocol(card.send, { ifsc: 254 }).transmit(READ_4))).toBe('90 00');
    card.finished();
  });

  it('gives up with T1ProtocolError when S(RESYNCH) goes unanswered three times', async () => {
    const card = scriptedCard([
      ['00 00 05 00 B0 00 00 04 B1', ''],
      ['00 82 00 82', ''],
      ['00 82 00 82', ''],
      ['00 C0 00 C0', ''],
      ['00 C0 00 C0', '00 E0 00 E1'],
      ['00 C0 00 C0', '00 C0 00 C0'],
    ]);
    const error = await new T1Protocol(card.send, { ifsc: 254, negotiateIfsd: false }).transmit(READ_4).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(T1ProtocolError);
    expect(error).toMatchObject({ code: 'transport/protocol', reason: 'resynch-failed' });
    card.finished();
  });

  it('gives up when the exchange fails again after a successful resynchronisation', async () => {
    const card = scriptedCard([
      ['00 00 05 00 B0 00 00 04 B1', ''],
      ['00 82 00 82', ''],
      ['00 82 00 82', ''],
      ['00 C0 00 C0', '00 E0 00 E0'],
      ['00 00 05 00 B0 00 00 04 B1', ''],
      ['00 82 00 82', ''],
      ['00 82 00 82', ''],
    ]);
    const error = await new T1Protocol(card.send, { ifsc: 254, negotiateIfsd: false }).transmit(READ_4).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'retries-exhausted' });
    card.finished();
  });

  it("answers the card's S(IFS request) mid-chain and cuts the rest of the command to the new IFSC (rule 3)", async () => {
    const card = scriptedCard([
      ['00 20 04 00 A4 04 0C 88', '00 C1 01 08 C8'], // C1^01=C0 ^08=C8
      ['00 E1 01 08 E8', '00 90 00 90'], // E1^01=E0 ^08=E8
      // 60^08=68 ^0A=62 ^D3=B1 ^92=23 ^F0=D3 ^26=F5 ^01=F4
      ['00 60 08 0A D3 92 F0 00 26 01 00 F4', '00 80 00 80'],
      ['00 00 03 00 00 01 02', OK], // 03^01=02
    ]);
    const t1 = new T1Protocol(card.send, { ifsc: 4, negotiateIfsd: false });
    expect(toHex(await t1.transmit(SELECT_JPKI))).toBe('90 00');
    expect(t1.ifsc).toBe(8);
    card.finished();
  });

  it('confirms S(ABORT request) from the card and reports the abort', async () => {
    const card = scriptedCard([
      ['00 20 04 00 A4 04 0C 88', '00 C2 00 C2'],
      ['00 E2 00 E2', '00 80 00 80'],
    ]);
    const error = await new T1Protocol(card.send, { ifsc: 4, negotiateIfsd: false }).transmit(SELECT_JPKI).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'aborted-by-card' });
    card.finished();
  });

  it('fails with ifs-negotiation-failed when S(IFS request) is never confirmed (rule 7.3)', async () => {
    const card = scriptedCard([
      ['00 C1 01 FE 3E', ''],
      ['00 C1 01 FE 3E', '00 E1 01 20 C0'], // a response with the wrong size does not confirm
      ['00 C1 01 FE 3E', '00 E1 01 FE 1F'],
    ]);
    const error = await new T1Protocol(card.send, { ifsc: 254 }).transmit(READ_4).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'ifs-negotiation-failed' });
    card.finished();
  });

  it('refuses a response I-block larger than IFSD, asking again with R(N(R))', async () => {
    const card = scriptedCard([
      ['00 C1 01 02 C2', '00 E1 01 02 E2'], // IFSD 2: C1^01=C0 ^02=C2
      ['00 00 05 00 B0 00 00 04 B1', '00 00 03 01 90 00 92'], // 3 bytes > IFSD 2 (03^01=02 ^90=92)
      ['00 82 00 82', OK],
    ]);
    expect(toHex(await new T1Protocol(card.send, { ifsc: 254, ifsd: 2 }).transmit(READ_4))).toBe('90 00');
    card.finished();
  });
});
