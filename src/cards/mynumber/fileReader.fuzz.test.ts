import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MalformedDataError, concatBytes, fromHex } from '../../bytes';
import { ApduChannel, StatusWordError, parseCommand } from '../../apdu';
import { checkTarget, checkTargetAsync, fuzzBytes, valueOrTypedError, valueOrTypedErrorAsync } from '../../testing/fuzz';
import { declaredLength, readTransparent } from './fileReader';
import type { FileLayout } from './exposureTypes';

/**
 * Fuzz tests of the file reader (docs/card-reference.md §3): the header of a TLV file says how many bytes
 * to read next, so a lying header must never make us ask for, or hold, more than an EF can be
 * (0x8000 bytes, §3), and any answer from the card ends in bytes or a typed error.
 */

/** Headers as the card writes them: certificates `30 82 LL LL`, 券面 files `FF 20 82 HH LL`, `FF 10 0C`. */
const HEADERS = ['30 82 03 98 30 82 02 80', 'FF 20 82 01 2C DF 21', 'FF 10 0C 31 32', 'A1 82 01 0A 90 03'].map(fromHex);
const LAYOUTS: readonly FileLayout[] = [
  { kind: 'tlv', tag: 0x30, headerBytes: 4, filler: 0x00 },
  { kind: 'tlv', tag: 0xff20, headerBytes: 5, filler: 0xff },
  { kind: 'tlv', tag: 0xff10, headerBytes: 3, filler: 0xff },
  { kind: 'fixed', size: 160 },
];

describe('declaredLength never believes more than an EF can hold', () => {
  it('returns a length up to 0x8000 or throws MalformedDataError', () => {
    checkTarget(
      'file header length (docs/card-reference.md §3)',
      fc.property(fuzzBytes(HEADERS, { maxLength: 8 }), fc.constantFrom(0x30, 0xff20, 0xff10, 0xa1), (header, tag) => {
        const total = valueOrTypedError(() => declaredLength(header, tag, 'fuzz'), [MalformedDataError]);
        if (total !== null) expect(total).toBeLessThanOrEqual(0x8000);
      }),
      { runs: 1000 },
    );
  });
});

describe('readTransparent against a card that answers anything', () => {
  it('reads bytes or throws StatusWordError / MalformedDataError, within the EF size', async () => {
    const answer = fc.oneof(
      fc.tuple(fuzzBytes(HEADERS, { maxLength: 300 }), fc.constantFrom(0x9000, 0x6b00, 0x6282, 0x6982, 0x6100, 0x6c10)).map(([data, sw]) =>
        concatBytes(data, Uint8Array.of(sw >> 8, sw & 0xff)),
      ),
      fc.constant(fromHex('90 00')),
    );
    await checkTargetAsync(
      'readTransparent (docs/card-reference.md §3)',
      fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 200 }), fc.constantFrom(...LAYOUTS), fc.boolean(), async (answers, layout, extendedLength) => {
        let next = 0;
        let largestRead = 0;
        const channel = new ApduChannel({
          extendedLength,
          async transmit(command) {
            const { ins, ne } = parseCommand(command).command;
            if (ins === 0xb0) largestRead = Math.max(largestRead, ne ?? 0);
            return answers[next++ % answers.length]!;
          },
        });
        const bytes = await valueOrTypedErrorAsync(() => readTransparent(channel, layout, 'fuzz'), [StatusWordError, MalformedDataError]);
        if (bytes) expect(bytes.length).toBeLessThanOrEqual(0x8000);
        // However the header lies, no READ BINARY asks for more than one EF can hold.
        expect(largestRead).toBeLessThanOrEqual(0x8000);
      }),
      { runs: 400 },
    );
  });
});
