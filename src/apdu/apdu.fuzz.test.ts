import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MalformedDataError, concatBytes, fromHex } from '../bytes';
import { checkTarget, checkTargetAsync, fuzzBytes, valueOrTypedError, valueOrTypedErrorAsync } from '../testing/fuzz';
import { ApduChannel, type ApduTransmitter } from './ApduChannel';
import { encodeCommand, parseCommand } from './CommandApdu';
import { parseResponse } from './ResponseApdu';
import { StatusWordError } from './StatusWordError';
import { readBinary, selectByName } from './iso7816';
import { childrenOf, encodeSimpleTlv, encodeTlv, parseSimpleTlvs, parseTlvs, type Tlv } from './tlv';

/**
 * Property and fuzz tests of everything in apdu/ that reads bytes from outside (src/testing/fuzz.ts
 * says what "typed" means): response APDUs, command APDUs (the redactor parses every command),
 * BER-TLV as the card writes it (docs/card-reference.md §11), simple-TLV records (§9.2), and the channel's
 * 61xx / 6Cxx handling against a card that answers anything.
 */

const T = 'BER-TLV (docs/card-reference.md §11)';

/** Valid encodings in the card's habits: two-byte private tags, `82 HH LL`, FF filler, nesting. */
const TLV_SEEDS = [
  fromHex('FF 10 0C 31 32 33 34 35 36 37 38 39 30 31 38 FF FF'),
  fromHex('FF 40 82 00 0A DF 41 04 01 03 0E 01 DF 42 00 FF FF'),
  fromHex('7F 21 05 5F 4E 02 AA BB'),
  encodeTlv(0xff20, concatBytes(encodeTlv(0xdf21, fromHex('00 0B 00 13')), encodeTlv(0xdf22, new Uint8Array(200).fill(0x41), 'card')), 'card'),
  concatBytes(encodeTlv(0x66, encodeTlv(0x73, concatBytes(encodeTlv(0x06, fromHex('2A 86 48 86 FC 6B 01')), encodeTlv(0x60, encodeTlv(0x06, fromHex('2A 86 48 86 FC 6B 02 02 01')))))), fromHex('FF FF FF')),
];

/** Walks every constructed TLV down to its leaves, as the decoders do. */
function walk(tlvs: readonly Tlv[], depth = 0): number {
  let count = tlvs.length;
  for (const tlv of tlvs) if (tlv.constructed && depth < 8) count += walk(childrenOf(tlv, 'fuzz'), depth + 1);
  return count;
}

describe('BER-TLV never throws anything but MalformedDataError', () => {
  it('parses or refuses random and mutated files, and every TLV it returns lies inside the input', () => {
    checkTarget(
      T,
      fc.property(fuzzBytes(TLV_SEEDS), fc.boolean(), (bytes, stopAtFiller) => {
        const tlvs = valueOrTypedError(() => parseTlvs(bytes, 'fuzz', { stopAtFiller }), [MalformedDataError]);
        if (tlvs === null) return;
        for (const tlv of tlvs) {
          expect(tlv.end).toBeLessThanOrEqual(bytes.length);
          expect(tlv.raw).toEqual(bytes.subarray(tlv.offset, tlv.end));
          expect(tlv.value.length).toBe(tlv.end - tlv.valueOffset);
        }
        valueOrTypedError(() => walk(tlvs), [MalformedDataError]);
      }),
      { runs: 2000 },
    );
  });

  it('reads back what it encodes, in both length styles', () => {
    checkTarget(
      `${T} round trip`,
      fc.property(
        fc.oneof(fc.integer({ min: 1, max: 0x1e }), fc.constantFrom(0x5f4e, 0x7f21, 0xdf21, 0xff10, 0xff40)),
        fc.uint8Array({ maxLength: 600 }),
        fc.constantFrom('minimal' as const, 'card' as const),
        (tag, value, style) => {
          const [tlv, ...rest] = parseTlvs(encodeTlv(tag, value, style), 'round trip', { stopAtFiller: false });
          expect(rest).toEqual([]);
          expect(tlv!.tag).toBe(tag);
          expect(tlv!.value).toEqual(value);
        },
      ),
      { runs: 300 },
    );
  });
});

describe('simple-TLV (docs/card-reference.md §9.2)', () => {
  const seeds = [
    fromHex('01 03 41 42 43 02 FF 00 02 AA BB'),
    encodeSimpleTlv(0x01, new Uint8Array(28).fill(0x39)),
    concatBytes(encodeSimpleTlv(0x02, new Uint8Array(300).fill(0x30)), encodeSimpleTlv(0x03, fromHex('00'))),
  ];
  it('parses or refuses, never reading past the input', () => {
    checkTarget(
      'simple-TLV (docs/card-reference.md §9.2)',
      fc.property(fuzzBytes(seeds), (bytes) => {
        const items = valueOrTypedError(() => parseSimpleTlvs(bytes, 'fuzz'), [MalformedDataError]);
        if (items === null) return;
        expect(items.reduce((n, i) => n + i.value.length, 0)).toBeLessThanOrEqual(bytes.length);
      }),
      { runs: 1000 },
    );
  });
});

describe('response and command APDUs (ISO/IEC 7816-4 §5.1)', () => {
  it('a response is split into data and status word, or refused when shorter than 2 bytes', () => {
    checkTarget(
      'response APDU (ISO 7816-4 §5.1)',
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const response = valueOrTypedError(() => parseResponse(bytes), [MalformedDataError]);
        expect(response === null).toBe(bytes.length < 2);
        if (response) expect(response.data.length).toBe(bytes.length - 2);
      }),
      { runs: 500 },
    );
  });

  it('a command parses into one of the seven encodings, or is refused; a parsed one encodes back to the same bytes', () => {
    const seeds = [
      encodeCommand(selectByName(fromHex('D3 92 F0 00 26 01 00 00 00 01'))),
      encodeCommand(readBinary(0x100, 0x1000), 'extended'),
      fromHex('00 20 00 80 04 31 32 33 34'),
      fromHex('00 20 00 80'),
      fromHex('80 2A 00 80 00 00 03 01 02 03 00 00'),
    ];
    checkTarget(
      'command APDU (ISO 7816-4 §5.1)',
      fc.property(fuzzBytes(seeds, { maxLength: 80 }), (bytes) => {
        const parsed = valueOrTypedError(() => parseCommand(bytes), [MalformedDataError]);
        if (parsed === null) return;
        expect(encodeCommand(parsed.command, parsed.extended ? 'extended' : 'short')).toEqual(bytes);
      }),
      { runs: 1000 },
    );
  });
});

/** A card that answers each command with the next scripted response, then 6A82 for ever. */
function scriptedCard(responses: readonly Uint8Array[], extendedLength: boolean): ApduTransmitter & { sent: number } {
  let next = 0;
  return {
    extendedLength,
    sent: 0,
    async transmit() {
      this.sent++;
      return responses[next++] ?? fromHex('6A 82');
    },
  };
}

/** Status words that steer the channel: 61xx, 6Cxx, 6B00, 6282, 9000, 63Cx. */
const steeringResponse = fc.oneof(
  fc.tuple(fc.uint8Array({ maxLength: 40 }), fc.constantFrom(0x61, 0x6c, 0x6b, 0x62, 0x90, 0x63), fc.nat({ max: 255 })).map(([data, sw1, sw2]) =>
    concatBytes(data, Uint8Array.of(sw1, sw2)),
  ),
  fc.uint8Array({ maxLength: 6 }),
);

describe('ApduChannel against a card that answers anything', () => {
  it('returns data or throws StatusWordError / MalformedDataError, and always stops', async () => {
    await checkTargetAsync(
      'ApduChannel (61xx, 6Cxx, whole-file reads)',
      fc.asyncProperty(fc.array(steeringResponse, { maxLength: 300 }), fc.boolean(), fc.constantFrom('send', 'readBinary', 'readToEnd'), async (responses, extended, how) => {
        const card = scriptedCard(responses, extended);
        const channel = new ApduChannel(card);
        const typed = [StatusWordError, MalformedDataError];
        const data = await valueOrTypedErrorAsync(
          () => (how === 'send' ? channel.send(readBinary(0, 256)) : how === 'readBinary' ? channel.readBinary(0, 0x2000) : channel.readToEnd(0, 0x2000)),
          typed,
        );
        // Bounded: GET RESPONSE rounds are capped, whole-file reads stop at their maximum.
        expect(card.sent).toBeLessThanOrEqual(responses.length + 1);
        if (data && how !== 'send') expect(data.length).toBeLessThanOrEqual(0x2000 + 256 * 40);
      }),
      { runs: 300 },
    );
  });
});
