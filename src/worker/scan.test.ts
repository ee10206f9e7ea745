import { afterEach, describe, expect, it } from 'vitest';
import { EXPOSURE } from '../cards/mynumber/exposure';
import { startEngine, statuses, verifiesWithData } from './test-support/engineHarness';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const LOCKED_UNTIL_PIN = ['jpki/0001', 'text/0001', 'text/0002', 'text/0003', 'text/0006', 'text/0007', 'visual/0001', 'visual/0002', 'visual/0005', 'visual/0006'];
const FREE = ['jpki/0002', 'jpki/0006', 'jpki/0008', 'jpki/000A', 'jpki/000B', 'text/0004', 'text/0005', 'visual/0003', 'visual/0004', 'common/0001', 'common/0002'];
const CARD_LEVEL = ['0042', '0045', '0066', '00F0', '00F2', '00F7', '00F8', '7F21', '5F51'].map((t) => `cardLevel/${t}`);

describe('scan (docs/card-reference.md §5, §13.2, §13.3, §9.4)', () => {
  it('reads every free file of the adult card and nothing behind a PIN', async () => {
    const h = startEngine();
    close = h.close;
    await h.client.call('connectSimulator', { holder: 'adult' });
    const { rows, pins } = await h.scan();
    expect(rows).toHaveLength(EXPOSURE.length);
    const status = statuses(rows);
    for (const key of [...FREE, ...CARD_LEVEL]) expect([key, status[key]]).toEqual([key, 'read']);
    for (const key of LOCKED_UNTIL_PIN) expect([key, status[key]]).toEqual([key, 'not-read']);
    expect(status['text/0008']).toBe('not-read'); // unknown access: not touched
    expect(status['juki/0002']).toBe('not-read');

    const auth = rows.find((r) => r.key === 'jpki/000A')!;
    expect(auth.readWith).toBe('none');
    expect(auth.openedBy).toEqual(['none']);
    const serial = auth.content!.fields.filter((f) => f.linkable);
    expect(serial.map((f) => [f.kind, f.linkable])).toEqual([['hex', 'logins'], ['number', 'logins']]);
    // A CA's serial is nobody's: the CA certificates read with no PIN carry no linkable mark.
    for (const ca of ['jpki/000B', 'jpki/0002']) expect(rows.find((r) => r.key === ca)!.content!.fields.some((f) => f.linkable)).toBe(false);
    expect(serial[1]!.value).toMatch(/^\d+$/);
    expect(auth.content!.certificateDerBase64!.length).toBeGreaterThan(1000);
    expect(auth.content!.fields.find((f) => f.key === 'keySize')?.value).toBe('2048');

    const common = rows.find((r) => r.key === 'common/0001')!;
    expect(common.content!.fields.find((f) => f.key === 'cardSerial')?.value).toBe('900000000000001');
    expect(rows.find((r) => r.key === 'cardLevel/0045')!.content!.fields[0]!.value).toBe('900000000000001');

    expect(pins.map((p) => [p.pinId, p.triesLeft, p.blocked])).toEqual([
      ['jpkiAuth', 3, false], ['jpkiSign', 5, false], ['textPin', 3, false], ['textPinA', 10, false], ['textPinB', 10, false],
      ['visualBirth', 10, false], ['visualPinA', 10, false], ['visualPinB', 10, false], ['commonPin', 3, false], ['jukiPin', 3, false],
    ]);
    // Probing spends nothing: no VERIFY ever carried data.
    expect(verifiesWithData(h.apdus())).toEqual([]);
    expect(h.apdus().some((a) => a.sw === '6982')).toBe(false);
    const progress = h.events.flatMap((e) => (e.type === 'progress' ? [e] : []));
    expect(progress.length).toBeGreaterThan(20);
    expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)!.total });
    // Steps travel as data for the page to say in its language: applets selected, PINs asked, files read.
    expect(new Set(progress.map((p) => p.current?.kind ?? null))).toEqual(new Set(['select', 'probe', 'read', null]));
    expect(progress.map((p) => p.current)).toContainEqual({ kind: 'read', key: 'jpki/000A' });
    // Every declared row was announced before anything was read.
    const firstApdu = h.events.findIndex((e) => e.type === 'apdu');
    expect(h.events.slice(0, firstApdu).filter((e) => e.type === 'row')).toHaveLength(EXPOSURE.length);
  });

  it('reads the same rows over a reader without extended length, in more APDUs, except the large GET DATA objects', async () => {
    const ext = startEngine();
    await ext.client.call('connectSimulator', { holder: 'adult', extendedLength: true });
    const a = await ext.scan();
    const short = startEngine();
    await short.client.call('connectSimulator', { holder: 'adult', extendedLength: false });
    const b = await short.scan();
    close = async () => { await ext.close(); await short.close(); };
    // The two CV certificates of §9.4 need extended Le: on a short-only reader they say so.
    const large = ['cardLevel/00F8', 'cardLevel/7F21'];
    for (const key of large) expect(b.rows.find((r) => r.key === key)).toMatchObject({ status: 'error', errorCode: 'card/extended-length-required' });
    const contents = (rows: typeof a.rows) => rows.filter((r) => !large.includes(r.key)).map((r) => [r.key, r.status, r.content?.rawHex ?? null]);
    expect(contents(b.rows)).toEqual(contents(a.rows));
    expect(short.apdus().length).toBeGreaterThan(ext.apdus().length);
  });

  it('shows that a child card has no signature certificate (EF 0008)', async () => {
    const h = startEngine();
    close = h.close;
    await h.client.call('connectSimulator', { holder: 'child' });
    const { rows } = await h.scan();
    const flags = rows.find((r) => r.key === 'jpki/0008')!;
    expect(flags.content!.fields.find((f) => f.key === 'signCertificateIssued')?.value).toMatch(/^no/);
    expect(flags.content!.fields.find((f) => f.key === 'authCertificateIssued')?.value).toMatch(/^yes/);
    expect(rows.find((r) => r.key === 'jpki/000A')!.status).toBe('read');
  });

  it('reports the child card\'s signature password as never issued, not blocked, from EF 0008 and the probe (§6.2, §12)', async () => {
    const h = startEngine();
    close = h.close;
    await h.client.call('connectSimulator', { holder: 'child' });
    const { rows, pins } = await h.scan();
    // The card's own answers: EF 0008 byte 0 is 00 and the counter probe of 001B says 63C0.
    expect(rows.find((r) => r.key === 'jpki/0008')!.content!.rawHex).toBe('00 8F 00');
    expect(h.apdus().some((a) => a.command === '00 20 00 9B' && a.sw === '63C0')).toBe(true);
    expect(pins.find((p) => p.pinId === 'jpkiSign')).toMatchObject({ notIssued: true, blocked: false, triesLeft: null });
    expect(pins.find((p) => p.pinId === 'jpkiAuth')).toMatchObject({ notIssued: false, blocked: false, triesLeft: 3 });
    const status = statuses(rows);
    expect([status['jpki/0001'], status['jpki/001A'], status['jpki/001B']]).toEqual(['not-issued', 'not-issued', 'not-issued']);
    // Not even for a moment: no PIN event of the scan called the missing password blocked (each carries the states that changed).
    const pinEvents = h.events.flatMap((e) => (e.type === 'pins' ? e.pins.filter((p) => p.pinId === 'jpkiSign') : []));
    expect(pinEvents.length).toBeGreaterThan(0);
    for (const p of pinEvents) expect(p).toMatchObject({ blocked: false, notIssued: true });
  });

  it('keeps an adult card\'s blocked signature password blocked (EF 0008 8F 8F 00, probe 63C0)', async () => {
    const h = startEngine();
    close = h.close;
    await h.client.call('connectSimulator', { holder: 'adult', triesLeft: { jpkiSign: 0 } });
    const { rows, pins } = await h.scan();
    expect(rows.find((r) => r.key === 'jpki/0008')!.content!.rawHex).toBe('8F 8F 00');
    expect(pins.find((p) => p.pinId === 'jpkiSign')).toMatchObject({ notIssued: false, blocked: true, triesLeft: 0 });
    const status = statuses(rows);
    expect([status['jpki/0001'], status['jpki/001A'], status['jpki/001B']]).toEqual(['not-read', 'not-read', 'not-read']);
  });

  it('keeps scanning past a file that does not decode, showing its raw bytes and where it broke', async () => {
    let aid = '';
    const h = startEngine({
      tamper: (command, response) => {
        const hex = Buffer.from(command).toString('hex');
        if (hex.startsWith('00a4040c')) aid = hex;
        // text AP EF 0005, read by SFI in one READ BINARY: break the first inner tag, after its 5-byte header.
        if (aid.endsWith('d3921000310001010408') && hex.startsWith('00b08500')) {
          const bad = response.slice();
          bad[5] = 0x01;
          return bad;
        }
        return null;
      },
    });
    close = h.close;
    await h.client.call('connectSimulator', { holder: 'adult' });
    const { rows } = await h.scan();
    const broken = rows.find((r) => r.key === 'text/0005')!;
    expect(broken.status).toBe('read');
    expect(broken.content!.rawHex).toMatch(/^FF 40 82 00 9F 01/);
    expect(broken.content!.decodeError).toMatchObject({ code: 'card/malformed-file', details: { file: 'text AP EF 0005' } });
    expect(typeof broken.content!.decodeError!.details!.offset).toBe('number');
    expect(statuses(rows)['cardLevel/5F51']).toBe('read');
  });

  it('stops on a removed card with its transport error, keeping the rows already read', async () => {
    const h = startEngine({ removeCardAfter: 20 });
    close = h.close;
    await h.client.call('connectSimulator', { holder: 'adult' });
    const failure = await h.scan().catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'transport/card-removed' });
    const { details, message } = failure as { details: Record<string, unknown>; message: string };
    expect(details.rowsRead).toBeGreaterThan(0);
    expect(message).toMatch(/keeping the \d+ rows already read/);
    const rows = h.rowEvents();
    expect(rows.get('jpki/0002')?.status).toBe('read');
    expect([...rows.values()].filter((r) => r.status === 'read')).toHaveLength(details.rowsRead as number);
    expect(details.stoppedAt).not.toBe('');
    // Card-level objects come first (the ISD is current at power-on); the last applet is never reached.
    expect(rows.get('cardLevel/5F51')?.status).toBe('read');
    expect(rows.get('common/0002')?.status).toBe('not-read');
  });
});
