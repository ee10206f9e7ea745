import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../bytes';
import { ascii, filled, hex, jp2, keyIdBytes, malformed, png, RSA_KEY_TLVS, tlv, withOffsets } from '../test-support/cardBytes';
import { decodeAgeRecord } from './ageRecord';
import { decodeVisualBasicData } from './basicData';
import { decodeCardFace } from './cardFace';
import { decodeMyNumberImage } from './myNumberImage';

function face(overrides: Partial<Record<number, Uint8Array>> = {}): Uint8Array {
  const fields: [number, Uint8Array][] = [
    [0xdf22, ascii('19850612')],
    [0xdf23, ascii('2')],
    [0xdf24, RSA_KEY_TLVS],
    [0xdf25, png(40)],
    [0xdf26, png(60)],
    [0xdf27, jp2(300)],
    [0xdf28, filled(256, 0x77)],
    [0xdf29, ascii('20350612')],
    [0xdf2a, png(30)],
  ];
  return concatBytes(withOffsets(0xff20, fields.map(([tag, value]) => tlv(tag, overrides[tag] ?? value))), filled(64, 0xff));
}

describe('visual EF 0002 card face (§8.2)', () => {
  it('decodes every field and checks the nine offsets', () => {
    const bytes = face();
    expect(bytes.subarray(0, 3)).toEqual(hex('FF 20 82'));
    const view = decodeCardFace(bytes);
    expect(view).toMatchObject({ birthDate: '1985-06-12', sex: '2', expiry: '2035-06-12', signatureHex: '77'.repeat(256) });
    expect(view.cardPublicKey).toMatchObject({ bits: 2048, exponent: 65537 });
    expect([view.namePng.length, view.addressPng.length, view.faceJp2.length, view.securityCodePng.length]).toEqual([40, 60, 300, 30]);
    // FF 20 82 HH LL (5) + DF21 12 + 18 offset bytes (21) → DOB at 26, then 11, 4, 270, 43, 63, 305, 261, 11 bytes.
    expect(view.offsetTable).toEqual({
      declared: [26, 37, 41, 311, 354, 417, 722, 983, 994],
      actual: [26, 37, 41, 311, 354, 417, 722, 983, 994],
      consistent: true,
    });
  });

  it.each([
    ['a photo that is not JP2', { [0xdf27]: png(300) }, 422],
    ['a name image that is not PNG', { [0xdf25]: jp2(40) }, 314],
    ['an expiry that is no date', { [0xdf29]: ascii('20351312') }, 986],
  ])('%s → MalformedDataError at the field', (_what, overrides, offset) => {
    expect(malformed(() => decodeCardFace(face(overrides)))).toMatchObject({ source: 'visual AP EF 0002', offset });
  });

  it('names where a truncated card face stops', () => {
    expect(malformed(() => decodeCardFace(face().subarray(0, 600)))).toMatchObject({ source: 'visual AP EF 0002', offset: 5 });
  });
});

describe('visual EF 0001, 0003, 0005 (§8.1)', () => {
  it('decodes the age record', () => {
    const record = tlv(0xff10, tlv(0xdf11, ascii('19850612')), tlv(0xdf12, RSA_KEY_TLVS), tlv(0xdf13, filled(256, 0x13)));
    expect(record.subarray(0, 5)).toEqual(hex('FF 10 82 02 1E'));
    expect(decodeAgeRecord(record)).toMatchObject({ birthDate: '1985-06-12', cardPublicKey: { bits: 2048 }, signatureHex: '13'.repeat(256) });
  });

  it('decodes the basic data', () => {
    const data = tlv(
      0xff30,
      tlv(0xdf31, hex('06 03 0E 01')),
      tlv(0xdf32, keyIdBytes('9000024', '001')),
      tlv(0xdf33, hex('01')),
      tlv(0xdf34, ascii('13101')),
      tlv(0xdf35, keyIdBytes('1310121', '000'), filled(256, 0x35)),
    );
    expect(data.subarray(0, 5)).toEqual(hex('FF 30 82 01 3B'));
    expect(decodeVisualBasicData(data)).toEqual({
      layoutHex: '06030E01',
      keyId: { label: '9000024/001', hex: '39303030303234080530303100000000' },
      version: 1,
      municipalityCode: '13101',
      signedKeyId: { label: '1310121/000', hex: '31333130313231080530303000000000' },
      opaqueHex: '35'.repeat(256),
    });
  });

  it('decodes the My Number image', () => {
    const image = tlv(0xff40, tlv(0xdf41, png(160)), tlv(0xdf42, RSA_KEY_TLVS), tlv(0xdf43, filled(256, 0x43)));
    const view = decodeMyNumberImage(concatBytes(image, filled(100, 0xff)));
    expect(view.myNumberPng.length).toBe(160);
    expect(view.signatureHex).toBe('43'.repeat(256));
  });

  it('names the file and offset of bad data in each', () => {
    const badDob = tlv(0xff10, tlv(0xdf11, ascii('1985061')), tlv(0xdf12, RSA_KEY_TLVS), tlv(0xdf13, filled(4, 0)));
    expect(malformed(() => decodeAgeRecord(badDob))).toMatchObject({ source: 'visual AP EF 0001', offset: 8 });
    const badCode = tlv(0xff30, tlv(0xdf31, hex('06 03 0E 01')), tlv(0xdf32, filled(16, 0x30)), tlv(0xdf33, hex('01')),
      tlv(0xdf34, ascii('1310')), tlv(0xdf35, filled(20, 0)));
    // Short outer form FF 30 3A (3) + DF31 (7) + DF32 (19) + DF33 (4): DF34's value at 36.
    expect(malformed(() => decodeVisualBasicData(badCode))).toMatchObject({ source: 'visual AP EF 0003', offset: 36 });
    const noKey = tlv(0xff40, tlv(0xdf41, png(20)), tlv(0xdf43, filled(4, 0x43)));
    expect(malformed(() => decodeMyNumberImage(noKey))).toMatchObject({ source: 'visual AP EF 0005', offset: noKey.length });
  });
});
