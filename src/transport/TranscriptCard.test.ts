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

  it('says plainly when a command was never recorded, with a typed error', async () => {
    const card = open('=> 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01\n<= 90 00\n');
    await expect(card.transmit(fromHex('00 B0 00 00 04'))).rejects.toMatchObject({
      name: 'TransportError',
      code: 'transport/replay-not-recorded',
      message: expect.stringMatching(/^not in this transcript: 00 B0 00 00 04 \(DF reset, EF none/),
    });
    // A never-recorded VERIFY names its header only, whatever the PIN.
    const failure = await card.transmit(fromHex('00 20 00 80 04 31 32 33 34'), { sensitive: true }).catch((e: Error) => e);
    expect(failure).toMatchObject({ code: 'transport/replay-not-recorded' });
    expect((failure as Error).message).toContain('00 20 00 80 ** PIN hidden **');
    expect((failure as Error).message).not.toContain('31 32');
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

/** The applets and files of docs/card-reference.md §6.1, §7.1, §8.1, written out by hand. */
const JPKI = '00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01';
const TEXT = '00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08';
const VISUAL = '00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 02';
const ef = (fid: string) => `00 A4 02 0C 02 ${fid}`;
const lines = (...pairs: [string, string][]) => pairs.map(([c, r]) => `=> ${c}\n<= ${r}\n`).join('');
const send = async (card: TranscriptCard, command: string, sensitive = false) =>
  toHex(await card.transmit(fromHex(command), sensitive ? { sensitive: true } : undefined));

describe('TranscriptCard keeps the card\'s state (docs/card-reference.md §5)', () => {
  it('answers the same READ BINARY from the file selected now, not another applet\'s', async () => {
    const card = open(
      lines([TEXT, '90 00'], [ef('00 02'), '90 00'], ['00 B0 00 00 03', 'FF 20 62 90 00'], [VISUAL, '90 00'], [ef('00 02'), '90 00'], ['00 B0 00 00 03', 'FF 20 82 90 00']),
    );
    await send(card, VISUAL);
    await send(card, ef('00 02'));
    expect(await send(card, '00 B0 00 00 03')).toBe('FF 20 82 90 00');
    await send(card, TEXT);
    await send(card, ef('00 02'));
    expect(await send(card, '00 B0 00 00 03')).toBe('FF 20 62 90 00');
  });

  it('gives each VERIFY the answer its own key EF gave, in any order', async () => {
    // Recorded: a wrong auth PIN (JPKI 0018), then a correct 券面事項入力補助 PIN (text 0011).
    const card = open(
      lines([JPKI, '90 00'], [ef('00 18'), '90 00'], ['00 20 00 80', '63 C3'], ['00 20 00 80 ** PIN hidden **', '63 C2'],
        [TEXT, '90 00'], [ef('00 11'), '90 00'], ['00 20 00 80', '63 C3'], ['00 20 00 80 ** PIN hidden **', '90 00']),
    );
    await send(card, TEXT);
    await send(card, ef('00 11'));
    expect(await send(card, '00 20 00 80')).toBe('63 C3');
    expect(await send(card, '00 20 00 80 04 31 32 33 34', true)).toBe('90 00');
    await send(card, JPKI);
    await send(card, ef('00 18'));
    expect(await send(card, '00 20 00 80')).toBe('63 C3');
    expect(await send(card, '00 20 00 80 04 39 39 39 39', true)).toBe('63 C2');
  });

  it('after a VERIFY that said 63Cx, answers the tries-left query with 63Cx as the card would', async () => {
    const card = open(lines([JPKI, '90 00'], [ef('00 18'), '90 00'], ['00 20 00 80', '63 C3'], ['00 20 00 80 ** PIN hidden **', '63 C2']));
    await send(card, JPKI);
    await send(card, ef('00 18'));
    expect(await send(card, '00 20 00 80 04 39 39 39 39', true)).toBe('63 C2');
    expect(await send(card, '00 20 00 80')).toBe('63 C2');
    // A second wrong PIN was never recorded: the file cannot say what the card answered.
    await expect(card.transmit(fromHex('00 20 00 80 04 39 39 39 38'), { sensitive: true })).rejects.toMatchObject({ code: 'transport/replay-not-recorded' });
  });

  it('opens a PIN-protected file only while its PIN is verified in the current applet', async () => {
    const card = open(
      lines([TEXT, '90 00'], [ef('00 01'), '90 00'], ['00 B0 00 00 11', '69 82'], [ef('00 11'), '90 00'], ['00 20 00 80 ** PIN hidden **', '90 00'],
        [ef('00 01'), '90 00'], ['00 B0 00 00 11', 'FF 10 0C 31 32 33 34 35 36 37 38 39 30 31 38 FF FF 90 00']),
    );
    await send(card, TEXT);
    await send(card, ef('00 11'));
    await send(card, '00 20 00 80 04 31 32 33 34', true);
    await send(card, ef('00 01'));
    expect(await send(card, '00 B0 00 00 11')).toMatch(/^FF 10 0C/);
    // Selecting the applet again forgets the PIN (§5): the same read is refused again.
    await send(card, TEXT);
    await send(card, ef('00 01'));
    expect(await send(card, '00 B0 00 00 11')).toBe('69 82');
  });

  it('carries a free read over to a state with more PINs verified, never the other way', async () => {
    const card = open(
      lines([TEXT, '90 00'], [ef('00 04'), '90 00'], ['00 B0 00 00 05', '7F 21 82 02 33 90 00'], [ef('00 11'), '90 00'], ['00 20 00 80 ** PIN hidden **', '90 00'],
        [ef('00 01'), '90 00'], ['00 B0 00 00 11', 'FF 10 0C 90 00']),
    );
    await send(card, TEXT);
    await send(card, ef('00 11'));
    await send(card, '00 20 00 80 04 31 32 33 34', true);
    await send(card, ef('00 04'));
    expect(await send(card, '00 B0 00 00 05')).toBe('7F 21 82 02 33 90 00');
    await send(card, TEXT);
    await send(card, ef('00 01'));
    await expect(card.transmit(fromHex('00 B0 00 00 11'))).rejects.toMatchObject({ code: 'transport/replay-not-recorded' });
  });

  it('fails an answer the redacted export withheld with transport/replay-withheld', async () => {
    const card = open(lines([TEXT, '90 00'], [ef('00 11'), '90 00'], ['00 20 00 80 ** PIN hidden **', '90 00'], [ef('00 01'), '90 00'], ['00 B0 00 00 11', '-- -- -- 90 00']));
    await send(card, TEXT);
    await send(card, ef('00 11'));
    expect(await send(card, '00 20 00 80 04 31 32 33 34', true)).toBe('90 00');
    await send(card, ef('00 01'));
    await expect(card.transmit(fromHex('00 B0 00 00 11'))).rejects.toMatchObject({ code: 'transport/replay-withheld', details: { line: 9 } });
  });
});

describe('TranscriptCard answers a read from bytes recorded in another state (docs/card-reference.md §3, §5)', () => {
  it('once a read in this state showed the file opens, never before', async () => {
    // Recorded: PIN-B opens visual 0002 and it is read whole; then PIN-A alone, shown to open it by one byte.
    const card = open(
      lines([VISUAL, '90 00'], ['00 20 00 92 ** PIN hidden **', '90 00'], ['00 B0 82 00 00', 'FF 20 03 01 02 03 90 00'],
        [VISUAL, '90 00'], ['00 20 00 93 ** PIN hidden **', '90 00'], ['00 B0 82 00 01', 'FF 90 00']),
    );
    await send(card, VISUAL);
    await expect(card.transmit(fromHex('00 B0 82 00 00'))).rejects.toMatchObject({ code: 'transport/replay-not-recorded' });
    expect(await send(card, '00 20 00 93 0C 31 32 33 34 35 36 37 38 39 30 31 38', true)).toBe('90 00');
    // Replayed in another order: PIN-A first asks for the whole file, which only PIN-B's state recorded.
    expect(await send(card, '00 B0 82 00 00')).toBe('FF 20 03 01 02 03 90 00');
    expect(await send(card, '00 B0 82 00 02')).toBe('FF 20 90 00');
  });

  it('joins reads recorded in pieces: a session read as Le = 00 and the rest answers one READ of the whole object', async () => {
    // Recorded by a client that read text 0004 as 256 bytes, then the rest (§3); replayed by one that asks for all 0x238.
    const body = Array.from({ length: 0x238 }, (_, i) => toHex(Uint8Array.of(i & 0xff))).join(' ');
    const bytes = body.split(' ');
    const card = open(lines([TEXT, '90 00'], ['00 B0 84 00 00', `${bytes.slice(0, 256).join(' ')} 90 00`], ['00 B0 01 00 00 01 38', `${bytes.slice(256).join(' ')} 90 00`]));
    await send(card, TEXT);
    expect(await send(card, '00 B0 84 00 00 02 38')).toBe(`${body} 90 00`);
    // Past what was recorded, nothing is made up.
    await expect(card.transmit(fromHex('00 B0 84 00 00 02 40'))).rejects.toMatchObject({ code: 'transport/replay-not-recorded' });
  });
});
