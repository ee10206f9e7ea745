import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHex } from '../../src/bytes';
import { EXPOSURE } from '../../src/cards/mynumber/exposure';
import { PIN_IDS } from '../../src/cards/mynumber/pin';
import { JLIS_ANCHORS } from '../../src/cards/mynumber/trust/jlisAnchors';
import { en, type MessageKey } from '../../src/ui/i18n/en';
import { ja } from '../../src/ui/i18n/ja';
import { translate, type Language } from '../../src/ui/i18n/translate';
import { fieldLabel, fieldText } from '../../src/ui/model/fieldText';
import { photoOrNote } from '../../src/worker/content/images';
import { rowKey } from '../../src/worker/exposureRows';
import type { ExposureRowView, FieldView, ImageView, PinKey, PinStateView, SimulatorHolderId } from '../../src/protocol';
import { pinsOf, startEngine } from '../../src/worker/test-support/engineHarness';

/**
 * The engine sends the card's names as keys — a row's `key`, a PIN's `pinId`, a field's and an image's
 * `key` — and the UI's catalogs name them (docs/architecture.md "Languages"). The catalogs are typed
 * against the protocol's key unions, so a name missing for a key the protocol declares fails to
 * compile; what the types cannot see is whether the engine sends only keys the protocol declares
 * (a file's key is made from a number). This checks it from the engine's side: every file of the
 * exposure table, every PIN, every field and image a real session sends — both simulated holders,
 * the no-PIN scan and every PIN — and every bundled CA a certificate check names has its words in
 * Japanese and in English.
 */
const LANGUAGES: readonly Language[] = ['ja', 'en'];
const CATALOG_KEYS = { ja: new Set(Object.keys(ja)), en: new Set(Object.keys(en)) };

/** The words for `key` in both languages; fails on a key a catalog lacks, or a placeholder left unfilled. */
function expectNamed(key: string, values: Record<string, string | number> = {}): void {
  for (const language of LANGUAGES) {
    expect([language, key, CATALOG_KEYS[language].has(key)]).toEqual([language, key, true]);
    const text = translate(language, key as MessageKey, values);
    expect([language, key, text.trim() !== '' && !/\{\w+\}/.test(text)]).toEqual([language, key, true]);
  }
}

interface Sent {
  readonly rows: ExposureRowView[];
  readonly pins: PinStateView[];
  /** The CAs the certificate checks name (the simulator's test CAs). */
  readonly anchors: string[];
}

/** Everything one holder's session sends: the scan, then every PIN the holder has, each opening its files. */
async function session(holder: SimulatorHolderId): Promise<Sent> {
  const h = startEngine();
  try {
    await h.client.call('connectSimulator', { holder });
    await h.client.call('scan', {});
    const pins = await pinsOf(holder);
    const values: Partial<Record<PinKey, string | null>> = {
      jpkiAuth: pins.jpkiAuth,
      jpkiSign: pins.jpkiSign,
      textPin: pins.textPin,
      visualPinA: pins.pinA,
      visualBirth: pins.birthKey,
    };
    for (const [pinId, pin] of Object.entries(values)) {
      if (pin) await h.client.call('verifyPin', { pinId: pinId as PinKey, pin });
    }
    const pinStates = h.events.flatMap((e) => (e.type === 'pins' ? e.pins : []));
    const { certificates } = await h.client.call('checkCertificates', {});
    const anchors = certificates.flatMap((c) => (c.bundled?.anchorId ? [c.bundled.anchorId] : []));
    return { rows: [...h.rowEvents().values()], pins: pinStates, anchors };
  } finally {
    await h.close();
  }
}

const sent: Sent[] = [];
beforeAll(async () => {
  sent.push(await session('adult'), await session('child'));
}, 60_000);
afterAll(() => {
  sent.length = 0;
});

describe('every name the engine can send has its words in every catalog', () => {
  it('each file of the exposure table, and no name for a file the table does not have', () => {
    const keys = EXPOSURE.map((entry) => rowKey(entry.applet, entry.fileId));
    for (const key of keys) expectNamed(`file.${key}`);
    const named = Object.keys(en).filter((k) => k.startsWith('file.')).map((k) => k.slice('file.'.length));
    expect(named.sort()).toEqual([...keys].sort());
  });

  it('each PIN', () => {
    for (const pinId of PIN_IDS) expectNamed(`pin.name.${pinId}`);
  });

  it('each row, PIN, field and image a session sends (both holders, every PIN)', () => {
    const rows = sent.flatMap((s) => s.rows);
    const fields: FieldView[] = rows.flatMap((r) => r.content?.fields ?? []);
    const images: ImageView[] = rows.flatMap((r) => r.content?.images ?? []);
    // The session really decoded files: certificates, the four facts, the card face with its pictures.
    expect(fields.map((f) => f.key)).toEqual(expect.arrayContaining(['serialHex', 'name', 'birthDate', 'oid', 'cardPublicKey.modulus', 'keyId.hex']));
    expect(images.map((i) => i.key)).toEqual(expect.arrayContaining(['name', 'address', 'facePhoto', 'securityCode', 'myNumberImage']));
    for (const row of rows) expectNamed(`file.${row.key}`);
    const pins = sent.flatMap((s) => s.pins);
    expect(new Set(pins.map((p) => p.pinId)).size).toBe(PIN_IDS.length);
    for (const pin of pins) expectNamed(`pin.name.${pin.pinId}`);
    for (const field of fields) {
      expectNamed(`field.${field.key}`, field.labelValues);
      if (field.valueKey) expectNamed(`value.${field.valueKey}`, field.valueValues);
      for (const language of LANGUAGES) expect(fieldLabel(field, language)).not.toMatch(/\{\w+\}/);
    }
    for (const image of images) expectNamed(`image.${image.key}`);
  });

  it('each bundled CA a certificate check can name: the J-LIS CAs and the simulator test CAs a session named', () => {
    const anchors = sent.flatMap((s) => s.anchors);
    expect(anchors).toEqual(expect.arrayContaining(['simulator-auth', 'simulator-sign']));
    for (const id of [...JLIS_ANCHORS.auth, ...JLIS_ANCHORS.sign].map((a) => a.id)) expectNamed(`certs.anchor.${id}`);
    for (const id of anchors) expectNamed(`certs.anchor.${id}`);
  });

  it('the field a face photo becomes when it cannot be decoded', async () => {
    const { field } = await photoOrNote('facePhoto', fromHex('00 00 00 0C 6A 50 20 20'), 'visual AP EF 0002 DF27', {});
    expectNamed(`field.${field!.key}`);
    expectNamed(`value.${field!.valueKey!}`, field!.valueValues);
    expect(fieldText(field!, 'ja')).toContain('image/decode-failed');
    expect(fieldText(field!, 'en')).toBe('not decodable (image/decode-failed); 8 bytes of JPEG 2000');
  });
});
