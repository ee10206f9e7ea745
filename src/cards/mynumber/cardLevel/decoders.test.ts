import { describe, expect, it } from 'vitest';
import { ascii, hex, malformed, tlv } from '../test-support/cardBytes';
import { decodeCommonCardInfo } from '../common/cardInfo';
import { decodeAsciiObject, decodeCardExpiry, decodeCardRecognitionData, decodeContactAtr, decodeMunicipalityCode } from './decoders';

describe('共通カードAP EF 0001 record (§9.2)', () => {
  it('splits the 28 digits into serial, municipality and expiry', () => {
    const record = tlv(0x01, ascii('900000000000001' + '13101' + '20350612'));
    expect(record.subarray(0, 2)).toEqual(hex('01 1C'));
    expect(decodeCommonCardInfo(record)).toEqual({ serial: '900000000000001', municipalityCode: '13101', expiry: '2035-06-12' });
  });

  it('names the offset of bad digits and of an impossible expiry', () => {
    expect(malformed(() => decodeCommonCardInfo(tlv(0x01, ascii('9000000000000O1' + '13101' + '20350612'))))).toMatchObject({
      source: '共通カード AP EF 0001',
      offset: 2,
    });
    expect(malformed(() => decodeCommonCardInfo(tlv(0x01, ascii('900000000000001' + '13101' + '20350631'))))).toMatchObject({ offset: 22 });
    expect(malformed(() => decodeCommonCardInfo(hex('01 1C 39 39')))).toMatchObject({ offset: 2 });
  });
});

describe('card-level GET DATA objects (§9.4)', () => {
  it('decodes the small objects', () => {
    expect(decodeAsciiObject(ascii('900000000000001'))).toBe('900000000000001');
    expect(decodeMunicipalityCode(ascii('13101'))).toBe('13101');
    expect(decodeCardExpiry(ascii('20350612'))).toBe('2035-06-12');
    expect(decodeContactAtr(hex('E0 00 FF 81 31 FE 45 14'))).toEqual({ atrHex: '3B E0 00 FF 81 31 FE 45 14', storedHex: 'E0 00 FF 81 31 FE 45 14' });
  });

  it('lists the OIDs of the card recognition data', () => {
    const gp = (tail: string) => tlv(0x06, hex('2A 86 48 86 FC 6B ' + tail));
    const data = tlv(0x66, tlv(0x73, gp('01'), tlv(0x60, gp('02 02 02 01')), tlv(0x64, gp('04 02 55'))));
    expect(decodeCardRecognitionData(data).entries).toEqual([
      { tag: '06', oid: '1.2.840.114283.1' },
      { tag: '60', oid: '1.2.840.114283.2.2.2.1' },
      { tag: '64', oid: '1.2.840.114283.4.2.85' },
    ]);
  });

  it('decodes OIDs itself (ISO/IEC 8825-1 §8.19): the first two arcs in one subidentifier, and a cut-short or empty OID is malformed', () => {
    const recognition = (oid: string) => decodeCardRecognitionData(tlv(0x66, tlv(0x73, tlv(0x06, hex(oid)))));
    expect(recognition('06 81 34 00').entries[0]!.oid).toBe('0.6.180.0');
    expect(recognition('51 01').entries[0]!.oid).toBe('2.1.1');
    expect(recognition('88 37 03').entries[0]!.oid).toBe('2.999.3');
    expect(recognition('2A FF FF FF FF FF FF FF FF 7F').entries[0]!.oid).toBe('1.2.' + (2n ** 63n - 1n).toString());
    expect(malformed(() => recognition('2A 86'))).toMatchObject({ source: 'card-level object 0066', offset: 7 });
    expect(malformed(() => recognition(''))).toMatchObject({ source: 'card-level object 0066', offset: 4 });
  });

  it('names the object of bad data', () => {
    expect(malformed(() => decodeMunicipalityCode(ascii('1310')))).toMatchObject({ source: 'card-level object 00F0', offset: 0 });
    expect(malformed(() => decodeCardExpiry(ascii('2035-06-12')))).toMatchObject({ source: 'card-level object 00F2' });
    expect(malformed(() => decodeAsciiObject(hex('39 00 39')))).toMatchObject({ offset: 1 });
    expect(malformed(() => decodeCardRecognitionData(tlv(0x66, tlv(0x74, hex('00')))))).toMatchObject({ source: 'card-level object 0066', offset: 2 });
  });
});
