import type { Language } from './translate';

/**
 * Every error a person can see, keyed by code (house rule 10), each ending with what to do next.
 * Codes come from TransportError, CardError and the engine.
 */
const MESSAGES: Record<string, Record<Language, string>> = {
  'engine/not-connected': {
    en: 'No card is connected. Choose the simulator or a reader first.',
    ja: 'カードが接続されていません。先にシミュレーターかリーダーを選んでください。',
  },
  'engine/internal': {
    en: 'Something went wrong inside MynaLens. Reload the page and try again; your card was not changed.',
    ja: 'MynaLens の内部で問題が起きました。ページを再読み込みして、もう一度お試しください。カードは変更されていません。',
  },
  'card/applet-not-found': {
    en: 'This card has no JPKI applet, so it is probably not a My Number Card. Check the card and try again.',
    ja: 'このカードには公的個人認証 AP がありません。マイナンバーカードではない可能性があります。カードを確認して、もう一度お試しください。',
  },
  'transport/device-lost': {
    en: 'The reader was disconnected. Plug it in again and choose it once more.',
    ja: 'リーダーが外れました。もう一度接続して、選び直してください。',
  },
  'transport/card-removed': {
    en: 'The card was removed. Put it back on the reader and try again.',
    ja: 'カードが外されました。リーダーに戻して、もう一度お試しください。',
  },
};

/** The message for an error code in the given language; an unknown code gets a safe fallback. */
export function errorMessage(code: string, language: Language): string {
  const entry = MESSAGES[code] ?? MESSAGES['engine/internal']!;
  return entry[language];
}

/** Every code with a message, for the test that keeps the catalog complete. */
export const KNOWN_ERROR_CODES: readonly string[] = Object.keys(MESSAGES);
