import { describe, expect, it } from 'vitest';
import { concatBytes, u32be } from '../../../bytes';
import { ascii, hex, malformed } from '../test-support/cardBytes';
import { decodeCertificateFlags } from './certificateFlags';
import { decodeTokenInfo } from './tokenInfo';

const text = (value: string, size: number) => ascii(value.padEnd(size, ' '));

// CK_TOKEN_INFO as docs/card-reference.md §6.3 describes the measured card, typed in field by field.
const TOKEN_INFO = concatBytes(
  text('JPKIAPICCTOKEN2', 32),
  text('12345678', 32),
  text('ABCD1234', 16),
  text('0000000000000042', 16),
  u32be(0x0000040d),
  u32be(1), u32be(0), u32be(1), u32be(0),
  u32be(16), u32be(6),
  u32be(0xffffffff), u32be(0xffffffff), u32be(0xffffffff), u32be(0xffffffff),
  ascii('03'), ascii('01'),
  ascii('2025070100000000'),
);

describe('JPKI EF 0006 token info (§6.3)', () => {
  it('decodes the 160 bytes', () => {
    expect(TOKEN_INFO.length).toBe(160);
    expect(decodeTokenInfo(TOKEN_INFO)).toMatchObject({
      label: 'JPKIAPICCTOKEN2',
      tokenType: 'my-number-card',
      manufacturerId: '12345678',
      model: 'ABCD1234',
      serialNumber: '0000000000000042',
      flags: 0x40d,
      flagNames: ['CKF_RNG', 'CKF_LOGIN_REQUIRED', 'CKF_USER_PIN_INITIALIZED', 'CKF_TOKEN_INITIALIZED'],
      maxPinLength: 16,
      minPinLength: 6,
      totalPublicMemory: 0xffffffff,
      hardwareVersion: '03',
      firmwareVersion: '01',
    });
  });

  it('tells the smartphone and old 住基 card tokens apart', () => {
    const label = (value: string) => concatBytes(text(value, 32), TOKEN_INFO.subarray(32));
    expect(decodeTokenInfo(label('JPKIAPGPSETOKEN')).tokenType).toBe('android-smartphone');
    expect(decodeTokenInfo(label('JPKIAPICCTOKEN')).tokenType).toBe('juki-card');
    expect(decodeTokenInfo(label('SOMETHING ELSE')).tokenType).toBe('unknown');
  });

  it('names the offset where a short token info runs out', () => {
    // 32 + 32 + 16 + 16 = 96: the flags u32 starts there and only 4 of the 64 remaining bytes are given.
    expect(malformed(() => decodeTokenInfo(TOKEN_INFO.subarray(0, 100)))).toMatchObject({ source: 'JPKI AP EF 0006', offset: 100 });
  });
});

describe('JPKI EF 0008 certificate flags (§6.1)', () => {
  it('reads 8F as present', () => {
    expect(decodeCertificateFlags(hex('8F 8F 00'))).toEqual({ signCertificate: true, authCertificate: true, hex: '8F8F00' });
    expect(decodeCertificateFlags(hex('00 8F 00'))).toEqual({ signCertificate: false, authCertificate: true, hex: '008F00' });
  });

  it('refuses another size', () => {
    expect(malformed(() => decodeCertificateFlags(hex('8F 8F')))).toMatchObject({ source: 'JPKI AP EF 0008', offset: 2 });
  });
});
