import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate';
import { statusWordText } from './statusWordText';

const say = (language: 'ja' | 'en', sw: string | null) => {
  const text = statusWordText(sw);
  return translate(language, text.key, text.values);
};

describe('statusWordText', () => {
  it('says each status word in the chosen language', () => {
    expect(say('en', '9000')).toBe('normal end');
    expect(say('ja', '9000')).toBe('正常終了');
    expect(say('ja', '6982')).toBe('セキュリティ条件を満たしていません（暗証番号が必要）');
    expect(say('ja', '6a82')).toBe('ファイルまたはアプリが見つかりません');
  });

  it('counts tries, waiting bytes and the expected Le, with English plurals', () => {
    expect(say('en', '63C3')).toBe('verification failed or asked: 3 tries left');
    expect(say('en', '63C1')).toBe('verification failed or asked: 1 try left');
    expect(say('ja', '63C1')).toBe('照合失敗または残り回数の確認：残り 1 回');
    expect(say('en', '6100')).toBe('256 response bytes waiting (GET RESPONSE)');
    expect(say('en', '6C10')).toBe('wrong Le; the card expects 16');
  });

  it('names a warning, an error and a missing answer', () => {
    expect(say('en', '6281')).toBe('warning');
    expect(say('ja', '6999')).toBe('エラー');
    expect(say('ja', null)).toBe('カードから応答がありません');
  });
});
