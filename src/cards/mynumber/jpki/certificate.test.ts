import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes, fromHex } from '../../../bytes';
import { AUTH_CERTIFICATE, SIGN_CERTIFICATE } from '../../../vectors/recorded/adult';
import { malformed } from '../test-support/cardBytes';
import { decodeCertificate } from './certificate';
import { loadPkijs } from '../pkijsModule';

// These call the certificate code directly; the engine loads pkijs before any request that parses one.
beforeAll(() => loadPkijs());

const SOURCE = 'JPKI AP EF 0001';
const sign = () => fromHex(SIGN_CERTIFICATE);

/** Index just after the first occurrence of `needle`. */
function after(haystack: Uint8Array, needle: Uint8Array): number {
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((b, j) => haystack[i + j] === b)) return i + needle.length;
  }
  throw new Error('needle not found');
}

describe('X.509 certificate decoder (§6.4, §12) on malformed bytes', () => {
  it('decodes the recorded certificates whole', () => {
    expect(decodeCertificate(fromHex(AUTH_CERTIFICATE)).derLength).toBe(924);
    expect(decodeCertificate(sign(), SOURCE).extensions.subjectAltName?.otherNames).toHaveLength(4);
  });

  it.each([
    // The outer SEQUENCE 30 82 04 71 promises 1137 bytes from offset 4.
    ['truncated', () => sign().subarray(0, 600), 4],
    ['the EF filler left on', () => concatBytes(sign(), new Uint8Array(8)), 1141],
    ['not a SEQUENCE', () => concatBytes(Uint8Array.of(0x31), sign().subarray(1)), 0],
  ])('%s → MalformedDataError naming the file and offset', (_what, bytes, offset) => {
    expect(malformed(() => decodeCertificate(bytes(), SOURCE))).toMatchObject({ source: SOURCE, offset });
  });

  it('a well-formed DER that is no certificate → MalformedDataError', () => {
    const notACertificate = fromHex('30 06 02 01 01 02 01 02');
    expect(malformed(() => decodeCertificate(notACertificate, SOURCE))).toMatchObject({ source: SOURCE, offset: 0 });
  });

  it('a subjectAltName value that is not [0] EXPLICIT UTF8String → MalformedDataError (§12)', () => {
    const bytes = sign();
    // otherName 1.2.392.200149.8.5.5.1, then A0 LL: the next byte is the UTF8String tag 0C.
    const tagAt = after(bytes, fromHex('06 0A 2A 83 08 8C 9B 55 08 05 05 01')) + 2;
    expect(bytes[tagAt]).toBe(0x0c);
    bytes[tagAt] = 0x04;
    // Reported where the subjectAltName value starts: after its OID and the OCTET STRING header.
    const octetString = after(bytes, fromHex('06 03 55 1D 11'));
    const lengthByte = bytes[octetString + 1]!;
    const sanValueAt = octetString + 2 + (lengthByte < 0x80 ? 0 : lengthByte & 0x7f);
    expect(malformed(() => decodeCertificate(bytes, SOURCE))).toMatchObject({
      source: SOURCE,
      offset: sanValueAt,
      reason: expect.stringContaining('UTF8String'),
    });
  });

  it('refuses a time asn1js cannot read inside a constructed BIT STRING with MalformedDataError, not asn1js\'s own Error (found by fuzzing)', () => {
    // SEQUENCE { constructed BIT STRING (23) { GeneralizedTime "AA" } }: asn1js.fromBER throws
    // "Wrong input string for conversion" instead of reporting offset -1.
    expect(malformed(() => decodeCertificate(fromHex('30 06 23 04 18 02 41 41'), SOURCE))).toMatchObject({
      source: SOURCE,
      offset: 0,
      reason: expect.stringContaining('Wrong input string'),
    });
  });
});
