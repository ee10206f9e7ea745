import { describe, expect, it } from 'vitest';
import type { FileContentView } from '../../protocol';
import { row } from '../testing/fakes';
import { translate } from '../i18n/translate';
import { cardFacts, identitySentenceKey } from './cardFacts';

const content = (value: string, kind: 'text' | 'date' = 'text'): FileContentView => ({
  fields: [{ key: 'value' as const, value, kind }],
  images: [],
  rawHex: '',
  byteLength: 0,
});

describe('cardFacts', () => {
  it('names the applets that answered, and the card ID and expiry only when read', () => {
    const facts = cardFacts([
      row({ key: 'jpki/000A', status: 'read', readWith: 'none' }),
      row({ key: 'text/0001', status: 'locked' }),
      row({ key: 'juki/0002', status: 'absent' }),
      row({ key: 'visual/0001', status: 'not-read' }),
      row({ key: 'cardLevel/0045', status: 'read', readWith: 'none', content: content('MYNA0001') }),
      row({ key: 'cardLevel/00F2', status: 'locked', content: content('2035-01-01', 'date') }),
    ]);
    expect(facts.applets).toEqual(['jpki', 'text']);
    expect(facts.cardId?.value).toBe('MYNA0001');
    // Not read: no expiry claimed, whatever the row holds.
    expect(facts.expiry).toBeNull();
  });
});

describe('identitySentenceKey', () => {
  it('calls only a card in a reader a My Number Card; the simulator and a transcript say what they are', () => {
    expect(translate('en', identitySentenceKey(true, 'card'), { label: 'X' })).toMatch(/^This is a My Number Card/);
    for (const from of ['simulator', 'transcript'] as const) {
      for (const language of ['en', 'ja'] as const) {
        const text = translate(language, identitySentenceKey(true, from), { label: 'X' });
        expect(text).not.toMatch(/^This is a My Number Card|^マイナンバーカードです/);
      }
    }
    expect(translate('en', identitySentenceKey(true, 'simulator'), { label: 'X' })).toMatch(/not a real one/);
    expect(translate('ja', identitySentenceKey(true, 'transcript'), { label: 'X' })).toMatch(/ファイルから再生/);
    expect(identitySentenceKey(false, 'simulator')).toBe('card.identity.other');
  });
});
