import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_GET_RESPONSE_ROUNDS, MAX_RESPONSE_DATA_BYTES } from '../apdu';
import { pinsOf, startEngine } from './test-support/engineHarness';
import { openTranscriptCard, openTranscriptSource } from './transcriptFile';
import { MAX_LINE_CHARS, MAX_RESPONSE_BYTES, MAX_TRANSCRIPT_BYTES, displayName } from './transcriptLimits';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** `n` bytes of 5A as spaced hex, then the status word. */
const answer = (n: number, sw: string) => `${'5A '.repeat(n)}${sw}`;
const SELECT = '=> 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01';
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

describe('transcript caps: file size', () => {
  it(`refuses a file over ${MAX_TRANSCRIPT_BYTES} bytes without reading it, naming the file`, async () => {
    const file = new Blob([new Uint8Array(MAX_TRANSCRIPT_BYTES + 1)]);
    const read = vi.spyOn(file, 'text');
    await expect(openTranscriptSource({ file, fileName: 'big.txt' })).rejects.toMatchObject({
      code: 'transcript/too-large',
      details: { file: 'big.txt', sizeMegabytes: 2, maxMegabytes: 2 },
    });
    expect(read).not.toHaveBeenCalled();
  });

  it('opens a file of exactly the cap', async () => {
    const body = `${SELECT}\n<= 90 00\n`;
    const padding = '#'.repeat(MAX_LINE_CHARS - 1) + '\n';
    let text = body;
    while (text.length + padding.length <= MAX_TRANSCRIPT_BYTES) text += padding;
    text += '#'.repeat(MAX_TRANSCRIPT_BYTES - text.length);
    expect(text.length).toBe(MAX_TRANSCRIPT_BYTES);
    const card = await openTranscriptSource({ file: new Blob([text]), fileName: 'full.txt' });
    expect(card.size).toBe(1);
  });

  it('counts UTF-8 bytes, not characters, for text in hand', async () => {
    const text = `${SELECT}\n<= 90 00\n# ${'あ'.repeat(MAX_TRANSCRIPT_BYTES / 3)}`;
    expect(text.length).toBeLessThan(MAX_TRANSCRIPT_BYTES);
    await expect(openTranscriptSource({ text })).rejects.toMatchObject({ code: 'transcript/too-large', details: { file: 'transcript' } });
  });

  it('through the engine: a 50 MB File is refused at once and the connection in use stays', async () => {
    const h = startEngine();
    close = h.close;
    await h.client.call('connectSimulator', { holder: 'adult' });
    const file = new File([new Uint8Array(50 * 1024 * 1024)], 'fifty.txt');
    await expect(h.client.call('openTranscript', { file, fileName: file.name })).rejects.toMatchObject({
      code: 'transcript/too-large',
      details: { file: 'fifty.txt', sizeMegabytes: 50 },
    });
    await expect(h.client.call('identifyCard', {})).resolves.toMatchObject({ isMyNumberCard: true });
  });
});

describe('transcript caps: line length', () => {
  it(`refuses a line over ${MAX_LINE_CHARS} characters, naming it`, () => {
    const text = `${SELECT}\n<= 90 00\n# ${'x'.repeat(MAX_LINE_CHARS)}\n`;
    expect(refusal(() => openTranscriptCard(text, 'long.txt'))).toMatchObject({
      code: 'transcript/line-too-long',
      details: { file: 'long.txt', line: 3, maxKilobytes: 256 },
    });
  });

  it('takes a line of exactly the cap', () => {
    const text = `${SELECT}\n<= 90 00\n${'#'.repeat(MAX_LINE_CHARS)}`;
    expect(openTranscriptCard(text).size).toBe(1);
  });
});

describe('transcript caps: one response', () => {
  it(`takes a ${MAX_RESPONSE_BYTES}-byte response (65 536 data bytes and SW1 SW2)`, () => {
    const text = `=> 00 B0 00 00 00 00 00\n<= ${answer(MAX_RESPONSE_DATA_BYTES, '90 00')}\n`;
    expect(openTranscriptCard(text).size).toBe(1);
  });

  it('refuses one byte more, naming the command line', () => {
    const text = `${SELECT}\n<= 90 00\n=> 00 B0 00 00 00 00 00\n<= ${answer(MAX_RESPONSE_DATA_BYTES + 1, '90 00')}\n`;
    expect(refusal(() => openTranscriptCard(text, 'f.txt'))).toMatchObject({
      code: 'transcript/response-too-long',
      details: { file: 'f.txt', line: 3, bytes: MAX_RESPONSE_BYTES + 1, maxBytes: MAX_RESPONSE_BYTES },
    });
  });
});

describe('transcript caps: withheld bytes of a redacted export count', () => {
  it('refuses a withheld response longer than a card can give', () => {
    const text = `${SELECT}\n<= 90 00\n=> 00 B0 00 00 00 00 00\n<= ${'-- '.repeat(MAX_RESPONSE_DATA_BYTES + 1)}90 00\n`;
    expect(refusal(() => openTranscriptCard(text, 'r.txt'))).toMatchObject({ code: 'transcript/response-too-long', details: { bytes: MAX_RESPONSE_BYTES + 1 } });
  });
});

describe('transcript caps: a 61xx / GET RESPONSE chain', () => {
  const chain = (rounds: number, each: number, last: string) =>
    [SELECT, `<= 61 ${each.toString(16).padStart(2, '0')}`]
      .concat(Array.from({ length: rounds }, (_, i) => [`=> 00 C0 00 00 ${each.toString(16).padStart(2, '0')}`, `<= ${answer(each, i === rounds - 1 ? last : '61 01')}`]).flat())
      .join('\n');

  it(`takes ${MAX_GET_RESPONSE_ROUNDS} rounds that end in 90 00`, () => {
    expect(openTranscriptCard(chain(MAX_GET_RESPONSE_ROUNDS, 1, '90 00')).size).toBe(1 + MAX_GET_RESPONSE_ROUNDS);
  });

  it(`refuses round ${MAX_GET_RESPONSE_ROUNDS + 1}, naming the command the chain answers`, () => {
    expect(refusal(() => openTranscriptCard(chain(MAX_GET_RESPONSE_ROUNDS + 1, 1, '90 00'), 'rounds.txt'))).toMatchObject({
      code: 'transcript/chain-too-long',
      details: { file: 'rounds.txt', line: 1, maxRounds: MAX_GET_RESPONSE_ROUNDS, maxBytes: MAX_RESPONSE_DATA_BYTES },
    });
  });

  it('refuses the 61xx flood: a GET RESPONSE bringing 64 KB that still says 61 00', () => {
    const text = `${SELECT}\n<= 61 00\n=> 00 C0 00 00 00\n<= ${answer(MAX_RESPONSE_DATA_BYTES, '61 00')}\n`;
    expect(refusal(() => openTranscriptCard(text, 'flood.txt'))).toMatchObject({ code: 'transcript/chain-too-long', details: { line: 1 } });
  });

  it('takes 64 KB over GET RESPONSE that ends in 90 00, and a 61xx answer not followed by GET RESPONSE', () => {
    const full = `${SELECT}\n<= 61 00\n=> 00 C0 00 00 00\n<= ${answer(MAX_RESPONSE_DATA_BYTES, '90 00')}\n`;
    expect(openTranscriptCard(full).size).toBe(2);
    expect(openTranscriptCard(`${SELECT}\n<= 61 10\n${SELECT}\n<= 90 00\n`).size).toBe(2);
  });
});

describe('displayName', () => {
  it('shortens a long name and names an unnamed file', () => {
    expect(displayName('x'.repeat(500))).toHaveLength(78);
    expect(displayName(undefined)).toBe('transcript');
    expect(displayName('  ')).toBe('transcript');
  });
});

describe('a real session', () => {
  it('exports far under the size cap: the no-PIN scan and every PIN', async () => {
    const h = startEngine();
    close = h.close;
    const pins = await pinsOf('adult');
    await h.client.call('connectSimulator', { holder: 'adult' });
    await h.scan();
    await h.verifyPin({ pinId: 'jpkiSign', pin: pins.jpkiSign! });
    await h.verifyPin({ pinId: 'textPin', pin: pins.textPin });
    await h.verifyPin({ pinId: 'visualPinB', pin: pins.pinB });
    await h.verifyPin({ pinId: 'visualBirth', pin: pins.birthKey });
    const { text } = await h.client.call('exportTranscript', {});
    // Measured at 37 KB (face image included); the cap leaves a wide margin.
    expect(text.length).toBeLessThan(MAX_TRANSCRIPT_BYTES / 10);
    const card = await openTranscriptSource({ text, fileName: 'session.txt' });
    expect(card.size).toBeGreaterThan(50);
  });
});
