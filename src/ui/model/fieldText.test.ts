import { describe, expect, it } from 'vitest';
import { fieldText } from './fieldText';

describe('fieldText', () => {
  it('shows a date field through the date formatter and any other field as the engine gave it', () => {
    const birth = { label: 'date of birth', labelJa: '生年月日', value: '1985-06-12', kind: 'date' as const };
    expect(fieldText(birth, 'ja')).toBe('昭和60年6月12日');
    expect(fieldText(birth, 'en')).toBe('12 June 1985');
    expect(fieldText({ label: 'serial', labelJa: 'シリアル', value: '2025-06-30', kind: 'text' }, 'ja')).toBe('2025-06-30');
  });
});
