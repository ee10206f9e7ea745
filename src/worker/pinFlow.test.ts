import { afterEach, describe, expect, it } from 'vitest';
import type { PinKey } from '../protocol';
import { asciiHex, pinsOf, startEngine, verifiesWithData } from './test-support/engineHarness';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function connected(triesLeft?: Partial<Record<PinKey, number>>) {
  const h = startEngine();
  close = h.close;
  await h.client.call('connectSimulator', { holder: 'adult', ...(triesLeft ? { triesLeft } : {}) });
  return h;
}

describe('pinStatus (docs/card-reference.md §2, §10, §13.2)', () => {
  it('reports every counter, format and maximum without spending a try', async () => {
    const h = await connected({ jpkiAuth: 1, jpkiSign: 0 });
    const pins = await h.client.call('pinStatus', {});
    const byId = new Map(pins.map((p) => [p.pinId, p]));
    expect(byId.get('jpkiAuth')).toMatchObject({ triesLeft: 1, blocked: false, maxTries: 3, format: { kind: 'digits', length: 4 }, verified: false });
    expect(byId.get('jpkiSign')).toMatchObject({ triesLeft: 0, blocked: true, maxTries: 5 });
    expect(byId.get('jpkiSign')!.format).toEqual({ kind: 'alphanumeric', minLength: 6, maxLength: 16, needsLetter: true, needsDigit: true });
    expect(byId.get('textPinB')).toMatchObject({ triesLeft: 10, format: { kind: 'digits', length: 14 }, applet: 'text', nameJa: '照合番号B（券面事項入力補助AP）' });
    expect(pins).toHaveLength(10);
    expect(verifiesWithData(h.apdus())).toEqual([]);
    expect(h.events.some((e) => e.type === 'pins')).toBe(true);
  });
});

describe('the signature password of a card without a signature certificate (docs/card-reference.md §6.2, §12)', () => {
  it('pinStatus alone (no scan) reads EF 0008 and calls it not issued, spending nothing', async () => {
    const h = startEngine();
    close = h.close;
    await h.client.call('connectSimulator', { holder: 'child' });
    const pins = await h.client.call('pinStatus', {});
    expect(pins.find((p) => p.pinId === 'jpkiSign')).toMatchObject({ notIssued: true, blocked: false, triesLeft: null });
    expect(h.rowEvents().get('jpki/0008')).toMatchObject({ status: 'read', readWith: 'none' });
    expect(h.rowEvents().get('jpki/0001')).toMatchObject({ status: 'not-issued' });
    expect(verifiesWithData(h.apdus())).toEqual([]);
  });

  it('verifyPin refuses with sign/no-certificate, not card/pin-blocked, and sends no password', async () => {
    const h = startEngine();
    close = h.close;
    await h.client.call('connectSimulator', { holder: 'child' });
    await expect(h.client.call('verifyPin', { pinId: 'jpkiSign', pin: 'MYNA2026', confirmLastTry: true })).rejects.toMatchObject({
      code: 'sign/no-certificate',
    });
    expect(verifiesWithData(h.apdus())).toEqual([]);
    const last = h.events.filter((e) => e.type === 'pins').at(-1);
    expect(last?.type === 'pins' && last.pins.find((p) => p.pinId === 'jpkiSign')).toMatchObject({ notIssued: true, blocked: false });
  });

  it('an adult card whose password is really blocked still reports blocked (EF 0008 8F 8F 00)', async () => {
    const h = await connected({ jpkiSign: 0 });
    const pins = await h.client.call('pinStatus', {});
    expect(pins.find((p) => p.pinId === 'jpkiSign')).toMatchObject({ notIssued: false, blocked: true, triesLeft: 0 });
    expect(h.rowEvents().get('jpki/0008')?.content?.rawHex).toBe('8F 8F 00');
    await expect(h.client.call('verifyPin', { pinId: 'jpkiSign', pin: 'MYNA2026', confirmLastTry: true })).rejects.toMatchObject({
      code: 'card/pin-blocked',
    });
  });
});

describe('verifyPin opens what the card reference says and nothing more (§7.1, §8.1, §6.1)', () => {
  const cases: readonly [PinKey, (p: Awaited<ReturnType<typeof pinsOf>>) => string, readonly string[]][] = [
    ['textPin', (p) => p.textPin, ['text/0001', 'text/0002', 'text/0003', 'text/0006', 'text/0007']],
    ['textPinA', (p) => p.pinA, ['text/0001', 'text/0003', 'text/0006', 'text/0007']],
    ['textPinB', (p) => p.pinB, ['text/0002', 'text/0003', 'text/0006', 'text/0007']],
    ['jpkiSign', (p) => p.jpkiSign!, ['jpki/0001']],
    ['visualPinA', (p) => p.pinA, ['visual/0002', 'visual/0005', 'visual/0006']],
    ['visualPinB', (p) => p.pinB, ['visual/0002', 'visual/0006']],
    ['visualBirth', (p) => p.birthKey, ['visual/0001']],
  ];
  for (const [pinId, value, opened] of cases) {
    it(`${pinId} → ${opened.join(', ')}`, async () => {
      const h = await connected();
      const result = await h.client.call('verifyPin', { pinId, pin: value(await pinsOf('adult')) });
      expect(result.opened.map((r) => r.key)).toEqual(opened);
      for (const row of result.opened) expect(row).toMatchObject({ status: 'read', readWith: pinId });
      expect(result.pins.find((p) => p.pinId === pinId)).toMatchObject({ verified: true, blocked: false });
      const readRows = [...h.rowEvents().values()].filter((r) => r.status === 'read').map((r) => r.key);
      expect(readRows.sort()).toEqual([...opened].sort());
    });
  }

  it('remembers every PIN that opened a file, not only the last (§5)', async () => {
    const h = await connected();
    const pins = await pinsOf('adult');
    await h.client.call('verifyPin', { pinId: 'visualPinA', pin: pins.pinA });
    const { opened } = await h.client.call('verifyPin', { pinId: 'visualPinB', pin: pins.pinB });
    // visual/0002 and 0006 open with either PIN and were read after both; 0005 only after PIN A, and PIN B left it alone.
    expect(opened.map((r) => [r.key, r.readWith, r.openedBy])).toEqual([
      ['visual/0002', 'visualPinB', ['visualPinA', 'visualPinB']],
      ['visual/0006', 'visualPinB', ['visualPinA', 'visualPinB']],
    ]);
    expect(h.rowEvents().get('visual/0005')).toMatchObject({ status: 'read', openedBy: ['visualPinA'] });
    // A PIN entered again adds nothing new.
    const again = await h.client.call('verifyPin', { pinId: 'visualPinA', pin: pins.pinA });
    expect(again.opened.find((r) => r.key === 'visual/0002')?.openedBy).toEqual(['visualPinA', 'visualPinB']);
  });

  it('decodes what the text PIN opens: the My Number (masked kind) and the basic four', async () => {
    const h = await connected();
    const pins = await pinsOf('adult');
    const { opened } = await h.client.call('verifyPin', { pinId: 'textPin', pin: pins.textPin });
    const myNumber = opened.find((r) => r.key === 'text/0001')!.content!.fields[0]!;
    expect(myNumber).toMatchObject({ kind: 'myNumber', value: pins.pinA, labelJa: '個人番号' });
    const four = opened.find((r) => r.key === 'text/0002')!.content!.fields;
    expect(four.map((f) => f.label)).toEqual(['name', 'address', 'date of birth', 'sex']);
    expect(four[0]!.value).toBe('見本\u3000花子');
    expect(four[2]!.value).toBe('1985-06-12');
  });

  it('decodes the card face with its PNG images and the JP2 face photo as PNG', async () => {
    const h = await connected();
    const { opened } = await h.client.call('verifyPin', { pinId: 'visualPinB', pin: (await pinsOf('adult')).pinB });
    const face = opened.find((r) => r.key === 'visual/0002')!.content!;
    expect(face.decodeError).toBeUndefined();
    expect(face.images.map((i) => i.label)).toEqual(['name', 'address', 'face photo', 'security code']);
    for (const image of face.images) expect(image.dataUrl).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(face.images[2]!.width).toBeGreaterThan(0);
    expect(face.fields.find((f) => f.label === 'card expiry')?.kind).toBe('date');
  });

  it('shows the four facts of the signature certificate', async () => {
    const h = await connected();
    const { opened } = await h.client.call('verifyPin', { pinId: 'jpkiSign', pin: (await pinsOf('adult')).jpkiSign! });
    const labels = opened[0]!.content!.fields.map((f) => f.label);
    expect(labels).toEqual(expect.arrayContaining(['name', 'address', 'date of birth', 'sex', 'serial number (decimal)']));
  });

  it('marks the signature certificate serial as travelling with signed documents, and its birth date as a plain date', async () => {
    const h = await connected();
    const { opened } = await h.client.call('verifyPin', { pinId: 'jpkiSign', pin: (await pinsOf('adult')).jpkiSign! });
    const fields = opened[0]!.content!.fields;
    expect(fields.filter((f) => f.linkable).map((f) => [f.label, f.linkable])).toEqual([
      ['serial number (hex)', 'signedDocuments'],
      ['serial number (decimal)', 'signedDocuments'],
    ]);
    // The UI gives the date its era year (昭和60年); the era digit alone ("(昭和)") is never the value.
    expect(fields.find((f) => f.label === 'date of birth')).toMatchObject({ kind: 'date', value: '1985-06-12' });
  });
});

describe('verifyPin guards the counters (§10, §13.8, house rules 5 and 6)', () => {
  it('reports a wrong PIN with the lowered count', async () => {
    const h = await connected();
    const failure = await h.client.call('verifyPin', { pinId: 'jpkiAuth', pin: '9876' }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'card/wrong-pin', details: { pinId: 'jpkiAuth', triesLeft: 2 } });
    expect(JSON.stringify(failure)).not.toContain('9876');
    const pinsEvent = h.events.flatMap((e) => (e.type === 'pins' ? [e.pins] : [])).at(-1)!;
    expect(pinsEvent.find((p) => p.pinId === 'jpkiAuth')?.triesLeft).toBe(2);
    expect((await h.client.call('pinStatus', {})).find((p) => p.pinId === 'jpkiAuth')?.triesLeft).toBe(2);
  });

  it('refuses the last try without confirmation and sends nothing; with it, verifies', async () => {
    const h = await connected({ textPin: 1 });
    const pin = (await pinsOf('adult')).textPin;
    await expect(h.client.call('verifyPin', { pinId: 'textPin', pin })).rejects.toMatchObject({
      code: 'pin/confirm-last-try',
      details: { pinId: 'textPin', triesLeft: 1 },
    });
    expect(verifiesWithData(h.apdus())).toEqual([]);
    const result = await h.client.call('verifyPin', { pinId: 'textPin', pin, confirmLastTry: true });
    expect(result.pins.find((p) => p.pinId === 'textPin')).toMatchObject({ triesLeft: 3, verified: true });
    expect(verifiesWithData(h.apdus())).toHaveLength(1);
  });

  it('never sends a blocked PIN', async () => {
    const h = await connected({ jpkiSign: 0 });
    await expect(h.client.call('verifyPin', { pinId: 'jpkiSign', pin: 'MYNA2026', confirmLastTry: true })).rejects.toMatchObject({
      code: 'card/pin-blocked',
    });
    expect(verifiesWithData(h.apdus())).toEqual([]);
  });

  it('rejects a malformed PIN before any APDU', async () => {
    const h = await connected();
    const failure = await h.client.call('verifyPin', { pinId: 'textPin', pin: '12a4' }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'pin/format', details: { pinId: 'textPin', rule: 'characters' } });
    expect(JSON.stringify(failure)).not.toContain('12a4');
    await expect(h.client.call('verifyPin', { pinId: 'jpkiSign', pin: 'ONLYLETTERS' })).rejects.toMatchObject({ code: 'pin/format' });
    expect(h.apdus()).toEqual([]);
  });

  it('never lets the PIN’s bytes into the APDU log', async () => {
    const h = await connected();
    const pins = await pinsOf('adult');
    await h.client.call('verifyPin', { pinId: 'jpkiSign', pin: pins.jpkiSign! });
    await h.client.call('verifyPin', { pinId: 'textPinB', pin: pins.pinB }).catch(() => undefined);
    const sent = verifiesWithData(h.apdus());
    // An 8-character password and a 14-digit PIN-B look the same: the length is hidden too.
    expect(sent.map((r) => r.command)).toEqual(['00 20 00 9B ** PIN hidden **', '00 20 00 95 ** PIN hidden **']);
    expect(sent.every((r) => r.sensitive)).toBe(true);
    const log = JSON.stringify(h.apdus());
    expect(log).not.toContain(asciiHex(pins.jpkiSign!));
    expect(log).not.toContain(asciiHex(pins.pinB));
  });
});
