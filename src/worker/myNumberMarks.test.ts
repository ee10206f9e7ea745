import { afterEach, describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes';
import { fromBase64 } from '../bytes/base64';
import type { ByteSpan, ExposureRowView } from '../protocol';
import { asciiHex, pinsOf, startEngine } from './test-support/engineHarness';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** Spaced hex with the marked bytes replaced, as the UI shows it before Reveal. */
function visible(hex: string, spans: readonly ByteSpan[] = []): string {
  const bytes = hex.split(/\s+/).filter(Boolean);
  return bytes.map((b, i) => (spans.some((s) => i >= s.start && i < s.end) ? '••' : b)).join(' ');
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', Uint8Array.from(bytes))));
}

/** Every 8-byte run of `hex`, spaced: a leak of any of them is a leak. */
function runsOf(hex: string, size = 8): string[] {
  const bytes = hex.split(' ');
  return Array.from({ length: bytes.length - size + 1 }, (_, i) => bytes.slice(i, i + size).join(' '));
}

/** The compressed pixels of a PNG (its IDAT data, PNG spec §11.2.4): what draws the digits, unlike the signature and IHDR every PNG shares. */
function idatHex(png: Uint8Array): string {
  const hex = toHex(png);
  const from = hex.indexOf('49 44 41 54') + '49 44 41 54 '.length;
  const to = hex.indexOf('49 45 4E 44') - 8 * 3; // back over IDAT's CRC and IEND's length field, 4 + 4 bytes
  return hex.slice(from, to).trim();
}

describe.each([false, true])('the My Number marked in the log and the rows (extended length %s, docs/card-reference.md §17)', (extendedLength) => {
  it('marks every byte that carries it, and nothing of it stays visible', async () => {
    const h = startEngine();
    close = h.close;
    const pins = await pinsOf('adult');
    await h.client.call('connectSimulator', { holder: 'adult', extendedLength });
    await h.client.call('scan', {});
    await h.client.call('verifyPin', { pinId: 'textPin', pin: pins.textPin });
    await h.client.call('verifyPin', { pinId: 'visualPinA', pin: pins.pinA });
    const rows = h.rowEvents();
    const row = (key: string): ExposureRowView => rows.get(key)!;

    const myNumber = row('text/0001').content!;
    const integrity = row('text/0003').content!;
    const image = row('visual/0005').content!;
    expect(myNumber.myNumberSpans).toEqual([{ start: 3, end: 15 }]);
    expect(integrity.myNumberSpans).toEqual([{ start: 8, end: 40 }, { start: 80, end: 336 }]);
    expect(image.myNumberSpans?.length).toBe(2);
    expect(integrity.fields.filter((f) => f.derivedFromMyNumber).map((f) => f.label)).toEqual(['SHA-256 of the My Number EF', 'issuer signature']);
    expect(image.fields.filter((f) => f.derivedFromMyNumber).map((f) => f.label)).toEqual(['signature']);
    expect(image.images.map((i) => i.myNumber)).toEqual([true]);
    // No other row is marked.
    const marked = [...rows.values()].filter((r) => r.content?.myNumberSpans || r.content?.images.some((i) => i.myNumber) || r.content?.fields.some((f) => f.derivedFromMyNumber));
    expect(marked.map((r) => r.key).sort()).toEqual(['text/0001', 'text/0003', 'visual/0005']);

    // What must never show before Reveal: the digits as ASCII, the digest of EF 0001, the picture's bytes.
    const digitsHex = asciiHex(pins.pinA);
    const digestHex = await sha256Hex(fromHex(myNumber.rawHex));
    const pixelsHex = idatHex(fromBase64(image.images[0]!.dataUrl.replace('data:image/png;base64,', '')));
    const secrets = [digitsHex, ...runsOf(digestHex), ...runsOf(pixelsHex)];

    const log = h.apdus();
    const logText = log.map((r) => visible(r.responseData, r.myNumberSpans)).join('\n');
    const rawText = [...rows.values()].map((r) => (r.content ? visible(r.content.rawHex, r.content.myNumberSpans) : '')).join('\n');
    for (const secret of secrets) {
      expect(logText.includes(secret), `log shows ${secret}`).toBe(false);
      expect(rawText.includes(secret), `raw view shows ${secret}`).toBe(false);
    }
    // …while the unmasked log does carry them: the marks are what hides them.
    expect(log.map((r) => r.responseData).join('\n')).toContain(digitsHex);
    // Only READs of the bearer files are marked.
    expect(log.filter((r) => r.myNumberSpans).every((r) => r.name.startsWith('READ BINARY'))).toBe(true);
  });
});
