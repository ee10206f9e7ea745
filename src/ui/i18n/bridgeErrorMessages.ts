import type { ErrorCode } from '../../protocol';
import type { Language } from './translate';

/** The bridge route's codes: every `bridge/…` code, and the transport's for a bridge that stopped mid-session. */
export type BridgeErrorCode = Extract<ErrorCode, `bridge/${string}`> | 'transport/bridge-lost';

/**
 * The errors of the MynaLens bridge route (src/platform/bridgeLink.ts, `npm run bridge`), each
 * ending with what to do next; merged into the catalog in errorMessages.ts.
 */
export const BRIDGE_MESSAGES: Record<BridgeErrorCode, Record<Language, string>> = {
  'bridge/unreachable': {
    en: 'No MynaLens bridge answered on this computer. Start it with "npm run bridge" in the MynaLens folder, then press "Look for the bridge" again.',
    ja: 'このコンピューターで MynaLens ブリッジが応答しませんでした。MynaLens のフォルダーで「npm run bridge」を実行して起動し、もう一度「ブリッジを探す」を押してください。',
  },
  'bridge/network-denied': {
    en: 'The browser did not allow this page to reach the bridge on this computer (local network access). Click the icon left of the address bar, set "Local network access" to Allow, reload the page and look for the bridge again.',
    ja: 'ブラウザーが、このページからこのコンピューター上のブリッジへの接続を許可しませんでした（ローカル ネットワーク アクセス）。アドレスバー左のアイコンをクリックし、「ローカル ネットワーク アクセス」を「許可」にしてから、ページを再読み込みし、もう一度ブリッジを探してください。',
  },
  'bridge/origin-refused': {
    en: 'The bridge does not accept this page’s address. Start it with this address allowed: npm run bridge -- --origin {origin} (then look for the bridge again).',
    ja: 'ブリッジがこのページのアドレスを受け付けていません。このアドレスを許可して起動し直してください：npm run bridge -- --origin {origin}（その後、もう一度ブリッジを探してください）。',
  },
  'bridge/not-paired': {
    en: 'This page is not paired with the bridge. Enter the pairing code the bridge printed in its window.',
    ja: 'このページはブリッジとペアリングされていません。ブリッジのウィンドウに表示されたペアリングコードを入力してください。',
  },
  'bridge/wrong-token': {
    en: 'The bridge was paired with another page since this one. Enter the pairing code the bridge printed to pair this page again.',
    ja: 'このページの後に、ブリッジが別のページとペアリングされました。ブリッジに表示されたペアリングコードを入力して、もう一度ペアリングしてください。',
  },
  'bridge/busy': {
    en: 'Another MynaLens page is using the bridge. Close that tab (or press "Clear everything" there), then look for the bridge again.',
    ja: '別の MynaLens のページがブリッジを使用中です。そのタブを閉じる（またはそこで「すべて消去」を押す）と、もう一度ブリッジを探せます。',
  },
  'bridge/wrong-code': {
    en: 'That is not the code the bridge printed. Check the 8 digits in the bridge’s window and enter them again.',
    ja: 'ブリッジに表示されたコードと一致しません。ブリッジのウィンドウの 8 桁の数字を確かめて、もう一度入力してください。',
  },
  'bridge/code-retired': {
    en: 'Too many wrong codes: the bridge retired that code and printed a new one. Enter the new code from the bridge’s window.',
    ja: '誤ったコードが続いたため、ブリッジはそのコードを無効にし、新しいコードを表示しました。ブリッジのウィンドウの新しいコードを入力してください。',
  },
  'bridge/lost': {
    en: 'The MynaLens bridge stopped. Start it again with "npm run bridge", then look for the bridge again.',
    ja: 'MynaLens ブリッジが停止しました。「npm run bridge」でもう一度起動してから、ブリッジを探し直してください。',
  },
  'transport/bridge-lost': {
    en: 'The MynaLens bridge stopped; what was read before is kept. Start it again with "npm run bridge" and press "Reconnect and continue".',
    ja: 'MynaLens ブリッジが停止しました。それまでに読み取った内容は残っています。「npm run bridge」でもう一度起動し、「再接続して続ける」を押してください。',
  },
};
