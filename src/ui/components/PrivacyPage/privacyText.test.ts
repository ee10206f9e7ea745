import { describe, expect, it } from 'vitest';
import { PRIVACY_TEXT } from './privacyText';

describe('privacy text', () => {
  it('says the same things in Japanese and English: same sections, same paragraph counts', () => {
    expect(PRIVACY_TEXT.ja.map((s) => s.paragraphs.length)).toEqual(PRIVACY_TEXT.en.map((s) => s.paragraphs.length));
  });

  it('tells a person how to verify it with the network panel, in both languages', () => {
    expect(PRIVACY_TEXT.en.flatMap((s) => s.paragraphs).join(' ')).toMatch(/Network panel/);
    expect(PRIVACY_TEXT.ja.flatMap((s) => s.paragraphs).join(' ')).toMatch(/ネットワーク/);
  });
});
