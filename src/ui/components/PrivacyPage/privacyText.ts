import type { Language } from '../../i18n/translate';

/** One section of the privacy page. */
export interface PrivacySection {
  readonly heading: string;
  readonly paragraphs: readonly string[];
}

/**
 * What MynaLens reads, keeps and sends — in both languages, and how anyone can check it.
 * Kept as data so a test can hold the two languages to the same structure.
 */
export const PRIVACY_TEXT: Record<Language, readonly PrivacySection[]> = {
  en: [
    {
      heading: 'What MynaLens reads',
      paragraphs: [
        'Only what you ask it to read from the card in your reader: the files each applet lets anyone read, and the files a PIN you enter opens. The APDU log shows every command it sends.',
      ],
    },
    {
      heading: 'What it keeps',
      paragraphs: [
        'Nothing, unless you export it. Card data lives in this tab’s memory and is gone when you press “Clear everything”, close the tab or reload. Your PINs are never stored, never logged and never shown: the log and exported transcripts show “** PIN hidden **” for every PIN, whatever its length. An exported transcript can hold what PINs opened; “Export transcript” lists it before saving and offers a redacted file without it.',
        'The only things saved on this device are your language choice and, if you pair the MynaLens bridge, the key the bridge gave this page.',
      ],
    },
    {
      heading: 'What it sends',
      paragraphs: [
        'Nothing. MynaLens has no server, no analytics, no remote fonts and no third-party code. After the first visit it works offline. Its Content-Security-Policy allows connections only to the site it was loaded from, to fetch its own files, and to the MynaLens bridge on this computer (127.0.0.1), which you start yourself.',
      ],
    },
    {
      heading: 'How to check',
      paragraphs: [
        'Open your browser’s developer tools (F12), choose the Network panel, and use MynaLens: every request is for one of the app’s own files, and none is made while a card is read — except, if you use the bridge, its connection to 127.0.0.1, which stays on this computer. You can also disconnect from the network after the page has loaded — everything keeps working.',
      ],
    },
  ],
  ja: [
    {
      heading: 'MynaLens が読み取るもの',
      paragraphs: [
        'リーダー上のカードから、あなたが読むよう指示したものだけです。各 AP が誰にでも読ませるファイルと、あなたが入力した暗証番号で開くファイルです。送ったコマンドはすべて APDU ログに表示されます。',
      ],
    },
    {
      heading: '保存するもの',
      paragraphs: [
        'あなたが書き出さない限り、何も保存しません。カードのデータはこのタブのメモリの中だけにあり、「すべて消去」を押すか、タブを閉じるか、再読み込みすると消えます。暗証番号は保存も記録も表示もしません。ログと書き出したトランスクリプトでは、桁数にかかわらず暗証番号を「** PIN hidden **」と表示します。書き出したトランスクリプトには暗証番号で開いた情報が含まれることがあります。「トランスクリプトを書き出す」では保存前にその内容を示し、それを除いた伏せ字のファイルも選べます。',
        'この端末に保存するのは、表示言語の設定と、MynaLens ブリッジとペアリングした場合にブリッジがこのページに渡した鍵だけです。',
      ],
    },
    {
      heading: '送信するもの',
      paragraphs: [
        '何も送信しません。MynaLens にはサーバーも解析ツールも外部フォントも第三者のコードもありません。初回の表示後はオフラインでも動きます。コンテンツセキュリティポリシーにより、通信できるのは、アプリ自身のファイルを取得するための読み込み元のサイトと、あなたが自分で起動するこのコンピューター上の MynaLens ブリッジ（127.0.0.1）だけです。',
      ],
    },
    {
      heading: '確かめ方',
      paragraphs: [
        'ブラウザーの開発者ツール（F12）で「ネットワーク」パネルを開いたまま MynaLens を使ってください。すべての通信はアプリ自身のファイルの取得で、カードを読んでいる間の通信はありません。ただし、ブリッジを使う場合は 127.0.0.1 への接続があり、これはこのコンピューターの中で完結します。ページの表示後にネットワークを切断しても、すべて動き続けます。',
      ],
    },
  ],
};
