import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../bytes';
import { ascii, filled, hex, keyIdBytes, malformed, RSA_KEY_TLVS, tlv, utf8, withOffsets } from '../test-support/cardBytes';
import { decodeBasicFour } from './basicFour';
import { decodeTextBasicInfo } from './basicInfo';
import { decodeIntegrityRecord } from './integrity';
import { decodeMyNumber, myNumberCheckDigit } from './myNumber';
import { decodeSessionKey, decodeSignedPublicKey } from './publicKeys';

const MY_NUMBER_EF = hex('FF 10 0C 31 32 33 34 35 36 37 38 39 30 31 38 FF FF');

describe('text EF 0001 My Number (§7.2)', () => {
  it('decodes the 12 digits and checks the check digit', () => {
    expect(decodeMyNumber(MY_NUMBER_EF)).toEqual({ myNumber: '123456789018', checkDigitValid: true, expectedCheckDigit: 8 });
    // 9·6+8·5+7·4+6·3+5·2+4·7+3·6+2·5+1·4+0·3+1·2 = 212; 212 mod 11 = 3; 11 − 3 = 8.
    expect(myNumberCheckDigit('98765432101')).toBe(8);
  });

  it('reports a wrong check digit instead of throwing', () => {
    const wrong = MY_NUMBER_EF.slice();
    wrong[14] = 0x33;
    expect(decodeMyNumber(wrong)).toEqual({ myNumber: '123456789013', checkDigitValid: false, expectedCheckDigit: 8 });
  });

  it.each([
    ['truncated', MY_NUMBER_EF.subarray(0, 9), 3],
    ['a letter among the digits', hex('FF 10 0C 31 32 33 34 35 36 37 38 39 30 41 38 FF FF'), 3],
    ['another tag', hex('FF 11 0C 31 32 33 34 35 36 37 38 39 30 31 38 FF FF'), 0],
    ['11 digits', hex('FF 10 0B 31 32 33 34 35 36 37 38 39 30 31 FF FF FF'), 3],
    ['only filler', filled(17, 0xff), 0],
  ])('%s → MalformedDataError naming the file and offset', (_what, bytes, offset) => {
    expect(malformed(() => decodeMyNumber(bytes))).toMatchObject({ source: 'text AP EF 0001', offset });
  });
});

const NAME = utf8('見本\u3000花子');
const ADDRESS = utf8('東京都千代田区見本町一丁目２番３号');
const FIELDS = [tlv(0xdf22, NAME), tlv(0xdf23, ADDRESS), tlv(0xdf24, ascii('19850612')), tlv(0xdf25, ascii('2'))];
const BASIC_FOUR = concatBytes(withOffsets(0xff20, FIELDS), filled(40, 0xff));

describe('text EF 0002 basic four (§7.3)', () => {
  it('decodes the four fields and checks the DF21 table (short outer length)', () => {
    expect(BASIC_FOUR.subarray(0, 5)).toEqual(hex('FF 20 62 DF 21'));
    expect(decodeBasicFour(BASIC_FOUR)).toEqual({
      name: '見本\u3000花子',
      address: '東京都千代田区見本町一丁目２番３号',
      birthDate: '1985-06-12',
      sex: '2',
      offsetTable: { declared: [14, 32, 86, 97], actual: [14, 32, 86, 97], consistent: true },
    });
  });

  it('parses an outer length in 82 HH LL form, where byte 2 is not the length', () => {
    const longAddress = utf8('東京都千代田区見本町一丁目２番３号見本マンション１２３４号室の奥の部屋');
    const bytes = withOffsets(0xff20, [FIELDS[0]!, tlv(0xdf23, longAddress), FIELDS[2]!, FIELDS[3]!]);
    expect(bytes.subarray(0, 3)).toEqual(hex('FF 20 82'));
    const view = decodeBasicFour(bytes);
    expect(view.address).toBe('東京都千代田区見本町一丁目２番３号見本マンション１２３４号室の奥の部屋');
    // Header FF 20 82 00 98 (5) + DF21 table (11) → the name at 16; the 105-byte address still has a 1-byte length.
    expect(view.offsetTable).toMatchObject({ declared: [16, 34, 142, 153], consistent: true });
  });

  it('reports an offset table that does not match where the TLVs are', () => {
    const bytes = BASIC_FOUR.slice();
    bytes[7] = 0x0f; // first offset 000E → 000F (bytes 6–7 after FF 20 62 DF 21 08)
    expect(decodeBasicFour(bytes).offsetTable).toEqual({ declared: [15, 32, 86, 97], actual: [14, 32, 86, 97], consistent: false });
  });

  it.each([
    // The outer FF 20 62 promises 98 bytes from offset 3; the reader stops there.
    ['truncated inside the address', BASIC_FOUR.subarray(0, 50), 3],
    ['a date that is no day', withOffsets(0xff20, [FIELDS[0]!, FIELDS[1]!, tlv(0xdf24, ascii('19850231')), FIELDS[3]!]), 89],
    ['a sex code outside ISO 5218', withOffsets(0xff20, [FIELDS[0]!, FIELDS[1]!, FIELDS[2]!, tlv(0xdf25, ascii('3'))]), 100],
    ['a name that is not UTF-8', withOffsets(0xff20, [tlv(0xdf22, hex('E8 A6')), FIELDS[1]!, FIELDS[2]!, FIELDS[3]!]), 17],
    // Reported where the outer value ends: 3 + 9 (table) + 18 + 54 + 4.
    ['no date of birth', withOffsets(0xff20, [FIELDS[0]!, FIELDS[1]!, FIELDS[3]!]), 88],
  ])('%s → MalformedDataError at the offending offset', (_what, bytes, offset) => {
    expect(malformed(() => decodeBasicFour(bytes))).toMatchObject({ source: 'text AP EF 0002', offset });
  });
});

const INTEGRITY = tlv(0xff30, tlv(0xdf31, filled(32, 0xa1)), tlv(0xdf32, filled(32, 0xb2)), tlv(0xdf33, filled(256, 0xc3)));

describe('text EF 0003 integrity record (§7.4)', () => {
  it('decodes the two digests, the signature and the signed bytes', () => {
    expect(INTEGRITY.length).toBe(336);
    const view = decodeIntegrityRecord(INTEGRITY);
    expect(view.myNumberDigestHex).toBe('A1'.repeat(32));
    expect(view.basicFourDigestHex).toBe('B2'.repeat(32));
    expect(view.signatureHex).toBe('C3'.repeat(256));
    expect(view.signedHex).toBe('DF3120' + 'A1'.repeat(32) + 'DF3220' + 'B2'.repeat(32));
  });

  it('names the file and offset of a cut signature', () => {
    expect(malformed(() => decodeIntegrityRecord(INTEGRITY.subarray(0, 200)))).toMatchObject({ source: 'text AP EF 0003', offset: 5 });
  });
});

describe('text EF 0005, 0006, 0007 (§7.6, §7.7)', () => {
  const basicInfo = tlv(0xff40, tlv(0xdf41, hex('01 03 0E 01')), tlv(0xdf42, keyIdBytes('9000034', '001')), tlv(0xdf43, filled(128, 0xff)));

  it('decodes the basic info', () => {
    expect(basicInfo.subarray(0, 5)).toEqual(hex('FF 40 82 00 9F'));
    expect(decodeTextBasicInfo(basicInfo)).toMatchObject({ layoutHex: '01030E01', keyId: { label: '9000034/001' } });
  });

  it('decodes the session key and the signed public key', () => {
    expect(decodeSessionKey(tlv(0xa1, RSA_KEY_TLVS))).toMatchObject({ bits: 2048, exponent: 65537 });
    const signed = tlv(0xff50, tlv(0xdf51, RSA_KEY_TLVS), tlv(0xdf52, filled(256, 0x5a)));
    expect(signed.subarray(0, 5)).toEqual(hex('FF 50 82 02 13'));
    expect(decodeSignedPublicKey(signed)).toMatchObject({ publicKey: { bits: 2048, exponent: 65537 }, signatureHex: '5A'.repeat(256) });
  });

  it('names the file and offset of a bad key ID length and a missing signature', () => {
    const shortId = tlv(0xff40, tlv(0xdf41, hex('01 03 0E 01')), tlv(0xdf42, filled(15, 0x30)), tlv(0xdf43, filled(4, 0xff)));
    expect(malformed(() => decodeTextBasicInfo(shortId))).toMatchObject({ source: 'text AP EF 0005', offset: 13 });
    const unsigned = tlv(0xff50, tlv(0xdf51, RSA_KEY_TLVS));
    expect(malformed(() => decodeSignedPublicKey(unsigned))).toMatchObject({ source: 'text AP EF 0007', offset: unsigned.length });
  });
});
