import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes';
import { TranscriptCard } from './TranscriptCard';
import { describeTransportContract } from './transport.contract';

const ATR = fromHex('3B E0 00 FF 81 31 FE 45 14');
const PROBE = '00 A4 04 0C 07 A0 00 00 01 51 00 00';
const open = (text: string) => new TranscriptCard(text, { atr: ATR, extendedLength: true });

describeTransportContract('TranscriptCard', async () => {
  const transport = open(`=> ${PROBE}\n<= 90 00\n`);
  return { transport, probe: fromHex(PROBE), expectedResponse: fromHex('90 00'), unplug: () => transport.unplug() };
});

describe('TranscriptCard', () => {
  it('answers with the first unused matching exchange, in any order', async () => {
    const card = open('=> 00 B0 00 00 04\n<= 30 82 05 14 90 00\n=> 00 B0 00 04 02\n<= 01 02 90 00\n');
    expect(toHex(await card.transmit(fromHex('00 B0 00 04 02')))).toBe('01 02 90 00');
    expect(toHex(await card.transmit(fromHex('00 B0 00 00 04')))).toBe('30 82 05 14 90 00');
    expect(card.size).toBe(2);
  });

  it('replays repeated commands in recorded order, then keeps giving the last answer', async () => {
    const card = open('=> 00 20 00 80\n<= 63 C3\n=> 00 20 00 80\n<= 63 C2\n');
    expect(toHex(await card.transmit(fromHex('00 20 00 80')))).toBe('63 C3');
    expect(toHex(await card.transmit(fromHex('00 20 00 80')))).toBe('63 C2');
    expect(toHex(await card.transmit(fromHex('00 20 00 80')))).toBe('63 C2');
  });

  it('matches redacted bytes against anything of the same length', async () => {
    const card = open('=> 00 20 00 80 04 ** ** ** **\n<= 63 C2\n');
    expect(toHex(await card.transmit(fromHex('00 20 00 80 04 39 39 39 39'), { sensitive: true }))).toBe('63 C2');
  });

  it('answers an unrecorded command with a card status word, not a transport error', async () => {
    const card = open('');
    expect(toHex(await card.transmit(fromHex('00 A4 02 0C 02 00 0A')))).toBe('6A 82');
    expect(toHex(await card.transmit(fromHex('00 B0 00 00 04')))).toBe('6A 82');
    expect(toHex(await card.transmit(fromHex('00 CA 00 45 00')))).toBe('6A 88');
    expect(toHex(await card.transmit(fromHex('80 2A 00 80 01 00 00')))).toBe('6D 00');
    expect(card.unansweredCount).toBe(4);
  });

  it('reports the ATR and length mode it was given', () => {
    const card = new TranscriptCard('', { atr: ATR, extendedLength: false });
    expect(toHex(card.atr)).toBe('3B E0 00 FF 81 31 FE 45 14');
    expect(card.extendedLength).toBe(false);
    expect(card.kind).toBe('transcript');
  });

  it('rejects garbage with MalformedDataError naming the line', () => {
    expect(() => open('# ok\n=> 00 A4 04 0C\nhello\n')).toThrow(/line 3/);
  });
});
