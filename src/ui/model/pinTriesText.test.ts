import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate';
import { pinTriesText, type TriesPlace } from './pinTriesText';

const say = (pin: { triesLeft: number | null; maxTries: number | null; verified: boolean }, place: TriesPlace, language: 'en' | 'ja' = 'en') => {
  const s = pinTriesText(pin, place);
  return translate(language, s.key, s.values);
};

describe('pinTriesText', () => {
  it('says "of N" where the maximum is established', () => {
    expect(say({ triesLeft: 2, maxTries: 3, verified: false }, 'list')).toBe('2 of 3 tries left');
    expect(say({ triesLeft: 2, maxTries: 3, verified: false }, 'dialog', 'ja')).toBe('入力前の残り回数：2 回（最大 3 回）。');
  });

  it('says the count the card gave, and no maximum, where the sources do not establish one', () => {
    for (const place of ['list', 'dialog', 'service'] as const) {
      for (const language of ['en', 'ja'] as const) {
        const text = say({ triesLeft: 7, maxTries: null, verified: false }, place, language);
        expect(text).toContain('7');
        expect(text).not.toMatch(/ of |最大/);
      }
    }
  });

  it('after a right PIN of such a key says the count is back to its maximum, not a number', () => {
    expect(say({ triesLeft: null, maxTries: null, verified: true }, 'list')).toBe('Accepted: its tries are back to the maximum');
    expect(say({ triesLeft: null, maxTries: null, verified: true }, 'list', 'ja')).not.toMatch(/\d/);
    expect(say({ triesLeft: null, maxTries: 3, verified: false }, 'list')).toBe('tries left not checked yet');
  });
});
