import { describe, expect, it } from 'vitest';
import { row } from '../testing/fakes';
import { certificateReveals, transcriptContents } from './transcriptContents';

const cert = {
  rawHex: '3082', byteLength: 2, images: [],
  fields: [{ key: 'serialHex' as const, value: '0A1B2C', kind: 'hex' as const, linkable: 'logins' as const }],
};

const scanned = [
  row({ key: 'jpki/000A', status: 'read', readWith: 'none', reveals: ['birthMonthDay', 'municipality'], content: cert }),
  row({ key: 'cardLevel/00F2', status: 'read', readWith: 'none', reveals: ['cardExpiry'] }),
];

describe('transcriptContents', () => {
  it('lists what a session that read only free files holds: the same in both kinds, no verification number', () => {
    const c = transcriptContents([...scanned, row({ key: 'text/0001', status: 'locked', reveals: ['myNumber'] })]);
    expect(c.full.facts.map((f) => f.fact)).toEqual(['authCertificate', 'birthMonthDay', 'municipality', 'cardExpiry']);
    expect(c.redacted.facts).toEqual(c.full.facts);
    expect(c.full.serial).toBe('0A1B2C');
    expect(c.holdsPinA).toBe(false);
    expect(c.holdsPinB).toBe(false);
  });

  it('names the My Number (照合番号A) and the three parts of 照合番号B in the full file only', () => {
    const myNumber = row({ key: 'text/0001', status: 'read', readWith: 'textPin', reveals: ['myNumber'] });
    const face = row({ key: 'visual/0002', status: 'read', readWith: 'visualPinB', reveals: ['name', 'address', 'birthDate', 'sex', 'photo', 'cardExpiry', 'securityCode'] });
    const c = transcriptContents([...scanned, myNumber, face]);
    expect(c.full.facts.map((f) => f.fact)).toEqual([
      'authCertificate', 'birthMonthDay', 'municipality', 'cardExpiry', 'name', 'address', 'birthDate', 'sex', 'myNumber', 'photo', 'securityCode',
    ]);
    expect(c.full.facts.find((f) => f.fact === 'cardExpiry')!.from.map((r) => r.key)).toEqual(['cardLevel/00F2', 'visual/0002']);
    expect(c.redacted.facts.map((f) => f.fact)).not.toContain('myNumber');
    expect(c.redacted.facts.map((f) => f.fact)).not.toContain('securityCode');
    expect(c.holdsPinA).toBe(true);
    expect(c.holdsPinB).toBe(true);
  });
});

describe('certificateReveals', () => {
  it('names the signature certificate’s four facts and nothing for a CA certificate', () => {
    expect(certificateReveals(['name', 'address', 'birthDate', 'sex', 'municipality'])).toEqual(['municipality', 'name', 'address', 'birthDate', 'sex']);
    expect(certificateReveals([])).toEqual([]);
  });
});
