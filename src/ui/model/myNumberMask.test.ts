import { describe, expect, it } from 'vitest';
import type { FileContentView } from '../../protocol';
import { carriesMyNumber, groupMyNumber, hexByteCount, hexWithHidden, maskMyNumber } from './myNumberMask';

describe('the My Number as text (docs/card-reference.md §17)', () => {
  it('groups 12 digits as the card back prints them', () => {
    expect(groupMyNumber('123456789018')).toBe('1234 5678 9018');
    expect(groupMyNumber('1234 5678 9018')).toBe('1234 5678 9018');
  });

  it('masks all but the last four digits', () => {
    expect(maskMyNumber('123456789018')).toBe('●●●● ●●●● 9018');
    expect(maskMyNumber('123456789018')).not.toMatch(/1234|5678/);
  });

  it('masks every character of something that is not 12 digits, never showing part of it', () => {
    expect(maskMyNumber('12345')).toBe('●●●●●');
    expect(maskMyNumber('')).toBe('●●●●');
  });
});

describe('hexWithHidden', () => {
  // Text EF 0001 (§7.2): FF 10 0C, the 12 digits, FF FF.
  const EF_0001 = 'FF 10 0C 31 32 33 34 35 36 37 38 39 30 31 38 FF FF';

  it('replaces each hidden byte with •• and keeps the rest', () => {
    expect(hexWithHidden(EF_0001, [{ start: 3, end: 15 }])).toBe(`FF 10 0C ${Array(12).fill('••').join(' ')} FF FF`);
  });

  it('takes hex with or without spaces, and shows it all when nothing is hidden', () => {
    expect(hexWithHidden('FF100C31', [])).toBe('FF 10 0C 31');
    expect(hexWithHidden(EF_0001)).toBe(EF_0001);
  });

  it('handles several spans, spans at the edges and spans past the end', () => {
    expect(hexWithHidden('01 02 03 04 05', [{ start: 0, end: 1 }, { start: 3, end: 9 }])).toBe('•• 02 03 •• ••');
  });

  it('leaves no trace of the digits in ASCII hex, with or without spaces', () => {
    const shown = hexWithHidden(EF_0001, [{ start: 3, end: 15 }]);
    expect(shown).not.toContain('31 32');
    expect(shown.replace(/\s/g, '')).not.toContain('313233');
  });
});

describe('hexByteCount', () => {
  it('counts the bytes of a hex value, spaced or not', () => {
    expect(hexByteCount('A1'.repeat(32))).toBe(32);
    expect(hexByteCount('A1 B2 C3')).toBe(3);
  });
});

describe('carriesMyNumber', () => {
  const plain: FileContentView = { rawHex: '30 82', byteLength: 2, title: 't', titleJa: 't', fields: [], images: [] };
  const image = { label: 'l', labelJa: 'l', dataUrl: 'data:image/png;base64,', width: 72, height: 12 };

  it('is true for marked bytes, the number itself, a derived field or the picture of it', () => {
    expect(carriesMyNumber(plain)).toBe(false);
    expect(carriesMyNumber({ ...plain, myNumberSpans: [{ start: 0, end: 1 }] })).toBe(true);
    expect(carriesMyNumber({ ...plain, fields: [{ label: 'n', labelJa: 'n', value: '1', kind: 'myNumber' }] })).toBe(true);
    expect(carriesMyNumber({ ...plain, fields: [{ label: 'h', labelJa: 'h', value: 'AA', kind: 'hex', derivedFromMyNumber: true }] })).toBe(true);
    expect(carriesMyNumber({ ...plain, images: [{ ...image, myNumber: true }] })).toBe(true);
    expect(carriesMyNumber({ ...plain, images: [image] })).toBe(false);
  });
});
