import { describe, expect, it } from 'vitest';
import { asciiBytes, toHex } from '../../../bytes';
import { webSha256 } from '../test-support/testKeys';
import { sha256 } from './sha256';

describe('sha256 (FIPS 180-4)', () => {
  it.each([
    ['', 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855'],
    ['abc', 'BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248D6A61D20638B8E5C026930C3E6039A33CE45964FF2167F6ECEDD419DB06C1'],
  ])('matches the FIPS 180-2 example for %j', (message, digest) => {
    expect(toHex(sha256(asciiBytes(message)), '')).toBe(digest);
  });

  it('matches WebCrypto for every length around the block boundaries', async () => {
    for (let length = 0; length <= 200; length++) {
      const message = Uint8Array.from({ length }, (_, i) => (i * 131 + length) & 0xff);
      expect(toHex(sha256(message))).toBe(toHex(await webSha256(message)));
    }
  });

  it('matches WebCrypto on a multi-block message of 100 000 bytes', async () => {
    const message = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) & 0xff);
    expect(toHex(sha256(message))).toBe(toHex(await webSha256(message)));
  });
});
