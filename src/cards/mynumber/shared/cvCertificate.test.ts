import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../bytes';
import { filled, hex, keyIdBytes, malformed, MODULUS, RSA_KEY_TLVS, tlv } from '../test-support/cardBytes';
import { decodeCvCertificate, decodeCvCertificateContent } from './cvCertificate';

const BODY = concatBytes(keyIdBytes('9000033', '001'), keyIdBytes('1310131', '000'), RSA_KEY_TLVS);
const CONTENT = concatBytes(tlv(0x5f4e, BODY), tlv(0x5f37, filled(256, 0x37)));
const CERTIFICATE = tlv(0x7f21, CONTENT);

describe('CV certificate (§7.5, §9.4)', () => {
  it('decodes the wrapped form of EF 0004 / 7F21', () => {
    expect(CERTIFICATE.subarray(0, 10)).toEqual(hex('7F 21 82 02 33 5F 4E 82 01 29'));
    const view = decodeCvCertificate(CERTIFICATE, 'text AP EF 0004');
    expect(view).toMatchObject({
      issuerKeyId: { label: '9000033/001' },
      subjectKeyId: { label: '1310131/000' },
      publicKey: { bits: 2048, exponent: 65537, modulusHex: Array.from(MODULUS, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join('') },
      signatureHex: '37'.repeat(256),
      length: 568,
    });
    expect(view.bodyHex.length).toBe(297 * 2);
  });

  it('decodes the unwrapped content GET DATA 00F8 returns', () => {
    expect(decodeCvCertificateContent(CONTENT)).toMatchObject({ issuerKeyId: { label: '9000033/001' }, length: 563 });
  });

  it('shows a key ID outside the §7.5 layout as hex only', () => {
    const odd = tlv(0x7f21, tlv(0x5f4e, filled(16, 0x41), keyIdBytes('1310131', '000'), RSA_KEY_TLVS), tlv(0x5f37, filled(4, 0)));
    expect(decodeCvCertificate(odd).issuerKeyId).toEqual({ label: null, hex: '41'.repeat(16) });
  });

  it('names the file and offset of a truncated or incomplete certificate', () => {
    expect(malformed(() => decodeCvCertificate(CERTIFICATE.subarray(0, 300), 'visual AP EF 0004'))).toMatchObject({ source: 'visual AP EF 0004', offset: 5 });
    const noModulus = tlv(0x7f21, tlv(0x5f4e, keyIdBytes('9000033', '001'), keyIdBytes('1310131', '000'), tlv(0x90, hex('01 00 01'))), tlv(0x5f37, filled(4, 0)));
    // All short forms here: 7F 21 2F (3) + 5F 4E 25 (3) + a 37-byte body → the body ends at 43.
    expect(malformed(() => decodeCvCertificate(noModulus, 'text AP EF 0004'))).toMatchObject({ source: 'text AP EF 0004', offset: 43 });
  });
});
