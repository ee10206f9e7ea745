import { describe, expect, it } from 'vitest';
import { jstDate, jstDateTime } from './dates';

describe('Japan-time dates (docs/card-reference.md §12: validity ends 23:59:59 JST)', () => {
  it('shows a notAfter of 14:59:59Z as that day and a notBefore of 15:00Z as the next', () => {
    expect(jstDate('2030-06-12T14:59:59.000Z')).toBe('2030-06-12');
    expect(jstDate('2025-06-30T15:00:00.000Z')).toBe('2025-07-01');
    expect(jstDateTime('2026-11-23T01:02:03.000Z')).toBe('2026-11-23 10:02:03 JST');
  });
});
