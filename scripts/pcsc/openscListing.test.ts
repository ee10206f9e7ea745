import { describe, expect, it } from 'vitest';
import { objectLabelled, parseOpenscObjects, pemToDer } from './openscListing';

// Shapes copied from what pkcs15-tool 0.23 printed against a JPKI card in vpcd (tabs as printed).
const CERTS = [
  'X.509 Certificate [User Authentication Certificate]',
  '\tObject Flags   : [0x00]',
  '\tAuthority      : no',
  '\tPath           : 000a',
  '\tID             : 01',
  '\tEncoded serial : 02 14 21A04558FC900FF1095E8BA17AF6BF1535D320C7',
  '',
  'X.509 Certificate [Digital Signature Certificate]',
  '\tObject Flags   : [0x01], private',
  '\tAuthority      : no',
  '\tPath           : 0001',
  '\tID             : 02',
  '',
].join('\n');

const PINS = [
  'PIN [User Authentication PIN]',
  '\tObject Flags   : [0x12], modifiable',
  '\tID             : 01',
  '\tLength         : min_len:4, max_len:4, stored_len:0',
  '\tTries left     : 3',
  '',
].join('\n');

describe('parseOpenscObjects', () => {
  it('reads kind, label and fields of each certificate', () => {
    const objects = parseOpenscObjects(CERTS);
    expect(objects.map((o) => [o.kind, o.label])).toEqual([
      ['X.509 Certificate', 'User Authentication Certificate'],
      ['X.509 Certificate', 'Digital Signature Certificate'],
    ]);
    expect(objects[0]?.fields.get('Path')).toBe('000a');
    expect(objects[0]?.fields.get('ID')).toBe('01');
    expect(objects[1]?.fields.get('Object Flags')).toBe('[0x01], private');
    expect(objects[1]?.fields.has('Encoded serial')).toBe(false);
  });

  it('keeps a value that itself holds colons', () => {
    const pin = objectLabelled(parseOpenscObjects(PINS), 'User Authentication PIN');
    expect(pin.kind).toBe('PIN');
    expect(pin.fields.get('Length')).toBe('min_len:4, max_len:4, stored_len:0');
    expect(pin.fields.get('Tries left')).toBe('3');
  });

  it('ignores lines before the first object', () => {
    expect(parseOpenscObjects(' Using reader with a card: Virtual PCD 00 00\n' + PINS)).toHaveLength(1);
  });

  it('names what it found when a label is missing', () => {
    expect(() => objectLabelled(parseOpenscObjects(CERTS), 'Nope')).toThrow(/User Authentication Certificate, Digital Signature Certificate/);
  });
});

describe('pemToDer', () => {
  it('decodes the base64 between the markers', () => {
    expect(pemToDer('junk\n-----BEGIN CERTIFICATE-----\nMIIB\nAA==\n-----END CERTIFICATE-----\n')).toEqual(
      Uint8Array.of(0x30, 0x82, 0x01, 0x00),
    );
  });

  it('refuses text without a PEM block', () => {
    expect(() => pemToDer('nothing here')).toThrow(/no PEM/);
  });
});
