import { describe, expect, it } from 'vitest';
import { fieldLabel, fieldText } from './fieldText';

describe('fieldText', () => {
  it('shows a date field through the date formatter and any other field as the engine gave it', () => {
    const birth = { key: 'birthDate' as const, value: '1985-06-12', kind: 'date' as const };
    expect(fieldText(birth, 'ja')).toBe('昭和60年6月12日');
    expect(fieldText(birth, 'en')).toBe('12 June 1985');
    expect(fieldText({ key: 'serialNumber', value: '2025-06-30', kind: 'text' }, 'ja')).toBe('2025-06-30');
  });
});

describe('fieldLabel', () => {
  it('names a field by its key in the chosen language, with the values its name takes', () => {
    expect(fieldLabel({ key: 'birthDate', value: '1985-06-12', kind: 'date' }, 'ja')).toBe('生年月日');
    expect(fieldLabel({ key: 'birthDate', value: '1985-06-12', kind: 'date' }, 'en')).toBe('date of birth');
    const oid = { key: 'oid' as const, labelValues: { tag: '06' }, value: '1.2.392', kind: 'text' as const };
    expect(fieldLabel(oid, 'ja')).toBe('OID（タグ 06）');
    expect(fieldLabel(oid, 'en')).toBe('OID (tag 06)');
  });
});
