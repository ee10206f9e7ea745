import { describe, expect, it } from 'vitest';
import { row } from '../testing/fakes';
import { noPinSummary } from './noPinSummary';

const cert = {
  rawHex: '3082', byteLength: 2, images: [],
  fields: [
    { key: 'serialHex' as const, value: '0A1B2C', kind: 'hex' as const, linkable: 'logins' as const },
    { key: 'validUntil' as const, value: '2030-06-12', kind: 'date' as const },
  ],
};

describe('noPinSummary', () => {
  it('states what the rows read with no PIN reveal, with the auth certificate serial', () => {
    const s = noPinSummary([
      row({ key: 'jpki/000A', status: 'read', readWith: 'none', reveals: ['birthMonthDay', 'municipality'], content: cert }),
      row({ key: 'cardLevel/0045', status: 'read', readWith: 'none', reveals: ['cardSerial'], content: cert }),
      row({ key: 'jpki/0008', status: 'read', readWith: 'none', content: { ...cert, rawHex: '8F0000', fields: [] } }),
      row({ key: 'text/0002', status: 'read', readWith: 'textPin', reveals: ['name', 'address'] }),
      row({ key: 'jpki/0001', status: 'locked', reveals: ['name'] }),
    ]);
    expect(s.facts).toEqual(['authCertificate', 'birthMonthDay', 'municipality', 'cardSerial', 'signatureCertificateExists']);
    expect(s.serial).toBe('0A1B2C');
    expect(s.rowsRead).toBe(3);
  });
  it('says nothing for a card not scanned yet, and no signature certificate for an under-15 card', () => {
    expect(noPinSummary([]).facts).toEqual([]);
    expect(noPinSummary([row({ key: 'jpki/0008', status: 'read', readWith: 'none', content: { ...cert, rawHex: '000000' } })]).facts).toEqual([]);
  });
  it('says in plain words that no signature certificate was issued when the engine marked it so from EF 0008 (§6.2, §12)', () => {
    const flags = row({ key: 'jpki/0008', status: 'read', readWith: 'none', content: { ...cert, rawHex: '00 8F 00', fields: [] } });
    const s = noPinSummary([flags, row({ key: 'jpki/0001', status: 'not-issued', access: { kind: 'pin', anyOf: ['jpkiSign'] } })]);
    expect(s.facts).toEqual(['signatureCertificateNotIssued']);
    // Without EF 0008 read with no PIN, the summary claims nothing.
    expect(noPinSummary([row({ key: 'jpki/0001', status: 'not-issued' })]).facts).toEqual([]);
  });
});
