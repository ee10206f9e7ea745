import { describe, expect, it } from 'vitest';
import { fromHex } from '../../bytes';
import {
  REAL_CARD_VECTORS,
  TEST_CARD_MY_NUMBER,
  TEST_CARD_MY_NUMBER_EF,
  realAuthCaCertificate,
  realSignCa2015Certificate,
  realSignCaCertificate,
} from '../../vectors/realCard.vectors';
import { FileAddressing } from './addressing';
import { JpkiApplet } from './jpki/JpkiApplet';
import { describeVectors } from './test-support/runVectors';
import { decodeMyNumber } from './text/myNumber';

// The client against bytes real cards return (src/vectors/realCard.vectors.ts), not the simulator's.
// SELECT-then-READ (§13.3) or the short-EF-ID forms (§3), as each transcript was written.
describeVectors('real-card transcripts, client side', REAL_CARD_VECTORS, (channel) => channel, {
  [realSignCaCertificate.name]: async (channel) => {
    const jpki = new JpkiApplet(channel);
    await jpki.select();
    return (await jpki.readSignCaCertificate())?.view ?? null;
  },
  [realAuthCaCertificate.name]: async (channel) => {
    const jpki = new JpkiApplet(channel, new FileAddressing());
    await jpki.select();
    return (await jpki.readAuthCaCertificate())?.view ?? null;
  },
  [realSignCa2015Certificate.name]: async (channel) => {
    const jpki = new JpkiApplet(channel, new FileAddressing());
    await jpki.select();
    return (await jpki.readSignCaCertificate())?.view ?? null;
  },
});

describe("a J-LIS test card's My Number EF (docs/card-reference.md §7.2)", () => {
  it('decodes the 17 bytes, filler included, and finds the check digit valid', () => {
    expect(decodeMyNumber(fromHex(TEST_CARD_MY_NUMBER_EF))).toEqual(TEST_CARD_MY_NUMBER);
  });
});
