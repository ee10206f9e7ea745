import type { CatalogPart } from '../catalogPart';
import type { enApp } from '../en/app';

/** 日本語の UI テキスト：ページの枠：タイトル、言語、更新、プライバシー、エラー、表示の切り替え。 */
export const jaApp: CatalogPart<typeof enApp> = {
  'app.title': 'MynaLens',
  'app.tagline': 'マイナンバーカードが何を明かすのかを、この端末の中だけで読み取り・解読して確かめます。どこにも送信しません。',
  'language.label': '言語',
  'pwa.offlineReady': 'MynaLens はオフラインでも使えるようになりました。',
  'pwa.updateAvailable': 'MynaLens の新しいバージョンがあります。',
  'pwa.reload': '再読み込み',
  'pwa.dismiss': '閉じる',
  'privacy.about': 'プライバシーについて',
  'privacy.close': '戻る',
  'privacy.footer': 'この端末から何も送信しません。解析ツールも外部フォントもサーバーもありません。',
  'error.dismiss': '閉じる',
  'nav.label': 'このカードの表示',
  'nav.exposure': 'カードが明かすもの',
  'nav.services': 'サービスから見えるもの',
};
