import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MalformedDataError, fromHex } from '../../bytes';
import { DECODERS, type DecoderId } from '../../cards/mynumber/decoders';
import { EXPOSURE, type ExposureEntry } from '../../cards/mynumber/exposure';
import { checkTarget, checkTargetAsync, fuzzBytes, valueOrTypedError } from '../../testing/fuzz';
import type { PinKey, SimulatorHolderId } from '../../protocol';
import { pinsOf, startEngine } from '../test-support/engineHarness';
import { buildContent } from './contentViews';

/**
 * Property and fuzz tests of every card-file decoder of cards/mynumber (docs/card-reference.md §6–§9,
 * `DECODERS`) and of the worker's wrapper around them. Seeds are the real files of both simulated
 * holders, read through the engine with every PIN, so mutations start from encodings the client
 * fully understands. A decoder may only return a view or throw `MalformedDataError`; the wrapper
 * (`buildContent`) may not throw at all and turns bad bytes into `card/malformed-file`.
 */

/** Every file of `holder`'s card that has a decoder, keyed by decoder, read with every PIN. */
async function readEveryFile(holder: SimulatorHolderId): Promise<[ExposureEntry, Uint8Array][]> {
  const h = startEngine();
  try {
    await h.client.call('connectSimulator', { holder });
    await h.client.call('scan', {});
    const pins = await pinsOf(holder);
    const values: Partial<Record<PinKey, string | null>> = {
      jpkiSign: pins.jpkiSign,
      textPin: pins.textPin,
      visualPinA: pins.pinA,
      visualBirth: pins.birthKey,
    };
    for (const [pinId, pin] of Object.entries(values)) {
      if (pin) await h.client.call('verifyPin', { pinId: pinId as PinKey, pin });
    }
    const out: [ExposureEntry, Uint8Array][] = [];
    for (const [key, row] of h.rowEvents()) {
      const entry = EXPOSURE.find((e) => `${e.applet}/${e.fileId.toString(16).toUpperCase().padStart(4, '0')}` === key);
      if (entry?.decoder && row.content) out.push([entry, fromHex(row.content.rawHex)]);
    }
    return out;
  } finally {
    await h.close();
  }
}

const files: [ExposureEntry, Uint8Array][] = [];
const seedsOf = (decoder: DecoderId) => files.filter(([e]) => e.decoder === decoder).map(([, bytes]) => bytes);

beforeAll(async () => {
  files.push(...(await readEveryFile('adult')), ...(await readEveryFile('child')));
}, 60_000);

/** More cases for the decoders that parse the most structure. */
const RUNS: Partial<Record<DecoderId, number>> = { x509Certificate: 400, cardFace: 300, basicFour: 300, cvCertificate: 300 };

describe('every card-file decoder returns a view or throws MalformedDataError', () => {
  it('has real seeds for every decoder of the exposure table', () => {
    const used = new Set(EXPOSURE.flatMap((e) => (e.decoder ? [e.decoder] : [])));
    for (const decoder of used) expect([decoder, seedsOf(decoder).length > 0]).toEqual([decoder, true]);
  });

  for (const decoder of Object.keys(DECODERS) as DecoderId[]) {
    it(decoder, () => {
      const seeds = seedsOf(decoder);
      // Decoders no file of the table uses (e.g. the key-reference form) still get random bytes.
      const input = seeds.length > 0 ? fuzzBytes(seeds, { maxLength: 600 }) : fc.uint8Array({ maxLength: 300 });
      const decode = DECODERS[decoder] as (bytes: Uint8Array, source: string) => unknown;
      checkTarget(
        `decoder ${decoder}`,
        fc.property(input, (bytes) => {
          valueOrTypedError(() => decode(bytes, `fuzz ${decoder}`), [MalformedDataError]);
        }),
        { runs: RUNS[decoder] ?? 150 },
      );
    });
  }
});

describe('buildContent never throws: bad bytes become card/malformed-file beside the raw hex', () => {
  it('for every decoded file of the table', async () => {
    const entries = fc.constantFrom(...files);
    await checkTargetAsync(
      'buildContent (worker content views)',
      fc.asyncProperty(
        entries.chain(([entry, bytes]) => fc.tuple(fc.constant(entry), fuzzBytes([bytes], { maxLength: 400 }))),
        async ([entry, bytes]) => {
          const content = await buildContent(entry, bytes);
          expect(content.byteLength).toBe(bytes.length);
          if (content.decodeError) expect(content.decodeError.code).toBe('card/malformed-file');
        },
      ),
      { runs: 200, fuzzScale: 0.1 },
    );
  });
});
