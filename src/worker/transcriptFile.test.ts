import { afterEach, describe, expect, it } from 'vitest';
import { asciiHex, pinsOf, startEngine } from './test-support/engineHarness';
import type { ExposureRowView } from '../protocol';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const comparable = (rows: readonly ExposureRowView[]) =>
  rows.map((r) => ({ key: r.key, status: r.status, readWith: r.readWith, content: r.content ?? null, errorCode: r.errorCode ?? null }));

describe('exportTranscript and openTranscript', () => {
  it('exports the session with a header and redacted PINs, and replays it to the same rows', async () => {
    const h = startEngine();
    close = h.close;
    const pins = await pinsOf('adult');
    await h.client.call('connectSimulator', { holder: 'adult' });
    const scanned = await h.client.call('scan', {});
    const verified = await h.client.call('verifyPin', { pinId: 'jpkiSign', pin: pins.jpkiSign! });
    const { text } = await h.client.call('exportTranscript', {});

    expect(text).toMatch(/^# MynaLens APDU transcript/);
    expect(text).toMatch(/^# date: \d{4}-\d\d-\d\dT/m);
    expect(text).toContain('# transport: simulator');
    expect(text).toContain('# atr: 3B E0 00 FF 81 31 FE 45 14');
    expect(text).toContain('# kind: full');
    // The password's length (8) shows nowhere: not as Lc, not as a count of `**`.
    expect(text).toContain('=> 00 20 00 9B ** PIN hidden **');
    expect(text).not.toMatch(/00 20 00 (80|9B) 08/);
    expect(text).not.toContain(asciiHex(pins.jpkiSign!));
    expect(text.match(/^=> /gm)).toHaveLength(h.apdus().length);

    const replay = startEngine();
    const info = await replay.client.call('openTranscript', { text, fileName: 'session.txt' });
    expect(info).toEqual({ kind: 'transcript', atr: '3B E0 00 FF 81 31 FE 45 14', extendedLength: true, transcript: { fileName: 'session.txt' } });
    const again = await replay.client.call('scan', {});
    const reverified = await replay.client.call('verifyPin', { pinId: 'jpkiSign', pin: pins.jpkiSign! });
    await replay.close();
    expect(comparable(again.rows)).toEqual(comparable(scanned.rows));
    expect(again.pins).toEqual(scanned.pins);
    expect(comparable(reverified.opened)).toEqual(comparable(verified.opened));
  });

  it('redacted: withholds every answer read with a PIN, keeps the structure, and replays only up to the PIN', async () => {
    const h = startEngine();
    close = h.close;
    const pins = await pinsOf('adult');
    await h.client.call('connectSimulator', { holder: 'adult' });
    const scanned = await h.client.call('scan', {});
    await h.client.call('verifyPin', { pinId: 'textPin', pin: pins.textPin });
    const full = (await h.client.call('exportTranscript', { kind: 'full' })).text;
    const { text } = await h.client.call('exportTranscript', { kind: 'redacted' });

    expect(text).toContain('# kind: redacted');
    // The header names what the answers hold: the My Number only in the full file.
    expect(full).toMatch(/^# holds: myNumber \(text\/0001\)$/m);
    expect(full).toMatch(/^# holds: name \(text\/0002\)$/m);
    expect(text).not.toMatch(/^# holds: myNumber/m);
    expect(text).toMatch(/^# holds: birthMonthDay \(jpki\/000A\)$/m);
    expect(full).toContain(asciiHex(pins.pinA)); // the My Number, as EF 0001 holds it (docs/card-reference.md §7.2)
    expect(text).not.toContain(asciiHex(pins.pinA));
    // Same APDU count, same lines, and each withheld answer as long as the one it replaces.
    expect(text.match(/^=> /gm)).toHaveLength(full.match(/^=> /gm)!.length);
    const responses = (t: string) => t.match(/^<= .*$/gm)!.map((line) => line.split(' ').length);
    expect(responses(text)).toEqual(responses(full));
    expect(text).toMatch(/^=> 00 B0 81 00 11\n<= (-- ){17}90 00$/m);

    const replay = startEngine();
    await replay.client.call('openTranscript', { text });
    const again = await replay.client.call('scan', {});
    expect(comparable(again.rows)).toEqual(comparable(scanned.rows));
    await expect(replay.client.call('verifyPin', { pinId: 'textPin', pin: pins.textPin })).rejects.toMatchObject({ code: 'transport/replay-withheld' });
    await replay.close();
  });

  it('turns garbage into transcript/invalid naming the line', async () => {
    const h = startEngine();
    close = h.close;
    const failure = await h.client.call('openTranscript', { text: '# MynaLens\n=> 00 A4 04 0C\n<= 90 00\nnot a transcript\n' }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'transcript/invalid', details: { line: 4 } });
    expect((failure as Error).message).toMatch(/line 4/);
    await expect(h.client.call('openTranscript', { text: '# only a comment\n' })).rejects.toMatchObject({ code: 'transcript/invalid' });
    await expect(h.client.call('openTranscript', { text: '=> 00 A4\n<= 90 00\n' })).rejects.toMatchObject({ code: 'transcript/invalid', details: { line: 1 } });
  });
});

describe('clear', () => {
  it('drops rows, PIN states and the log, and disconnects', async () => {
    const h = startEngine();
    close = h.close;
    await h.client.call('connectSimulator', { holder: 'adult' });
    await h.client.call('scan', {});
    await h.client.call('verifyPin', { pinId: 'textPin', pin: (await pinsOf('adult')).textPin });
    expect(await h.client.call('clear', {})).toBeNull();
    expect(h.events.at(-1)).toMatchObject({ type: 'connection', connected: false });
    await expect(h.client.call('scan', {})).rejects.toMatchObject({ code: 'engine/not-connected' });
    const { text } = await h.client.call('exportTranscript', {});
    expect(text).not.toMatch(/^=>/m);
    expect(text).toContain('# transport: none');

    await h.client.call('connectSimulator', { holder: 'adult' });
    const { rows, pins } = await h.client.call('scan', {});
    // The My Number read with the text PIN before clear is gone; no PIN counts as verified.
    expect(rows.find((r) => r.key === 'text/0001')).toMatchObject({ status: 'not-read', readWith: null });
    expect(rows.some((r) => r.readWith !== null && r.readWith !== 'none')).toBe(false);
    expect(pins.every((p) => !p.verified)).toBe(true);
  });

  it('a scan after a PIN keeps what the PIN opened', async () => {
    const h = startEngine();
    close = h.close;
    await h.client.call('connectSimulator', { holder: 'adult' });
    await h.client.call('verifyPin', { pinId: 'textPin', pin: (await pinsOf('adult')).textPin });
    const { rows, pins } = await h.client.call('scan', {});
    expect(rows.find((r) => r.key === 'text/0001')).toMatchObject({ status: 'read', readWith: 'textPin' });
    expect(pins.find((p) => p.pinId === 'textPin')?.verified).toBe(true);
  });
});
