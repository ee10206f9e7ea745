import { knownErrorCode, type ErrorCode } from '../../protocol';
import { BRIDGE_MESSAGES } from './bridgeErrorMessages';
import type { Language } from './translate';

/**
 * Every error a person can see, keyed by code (house rule 10), each ending with what to do next.
 * Codes come from TransportError, CardError, the PIN checks, the engine and the platform; the
 * catalog is a `Record<ErrorCode, …>`, so a code without both messages fails to compile.
 * `{name}` placeholders are filled from the error's details.
 */
const MESSAGES: Record<ErrorCode, Record<Language, string>> = {
  ...BRIDGE_MESSAGES,
  'engine/not-connected': {
    en: 'No card is connected. Choose the simulator or a transcript first.',
    ja: 'カードが接続されていません。先にシミュレーターかトランスクリプトを選んでください。',
  },
  'engine/internal': {
    en: 'Something went wrong inside MynaLens. Reload the page and try again; your card was not changed.',
    ja: 'MynaLens の内部で問題が起きました。ページを再読み込みして、もう一度お試しください。カードは変更されていません。',
  },
  'engine/unknown-error': {
    en: 'MynaLens got an error ({code}) that this version has no description for, probably because part of it was updated while the page was open. Reload the page and try again; if it repeats, export the transcript and report it.',
    ja: 'MynaLens は、このバージョンでは説明できないエラー（{code}）を受け取りました。ページを開いている間に一部が更新されたためと考えられます。ページを再読み込みして、もう一度お試しください。繰り返す場合は、トランスクリプトを書き出して報告してください。',
  },
  'engine/stopped': {
    en: 'The card engine stopped. Reload the page to start it again.',
    ja: 'カードを扱うエンジンが停止しました。ページを再読み込みして再開してください。',
  },
  'engine/restarted': {
    en: 'The card engine stopped unexpectedly and MynaLens restarted it. Nothing read from the card was kept: connect the card again and scan it once more.',
    ja: 'カードを扱うエンジンが予期せず停止したため、MynaLens が再起動しました。カードから読み取った内容は残っていません。もう一度カードを接続して、スキャンし直してください。',
  },
  'engine/unknown-request': {
    en: 'This version of MynaLens cannot do that yet. Reload the page to get the latest version, then try again.',
    ja: 'このバージョンの MynaLens ではまだその操作ができません。ページを再読み込みして最新版にしてから、もう一度お試しください。',
  },
  'engine/bad-request': {
    en: 'MynaLens sent the card engine a request it does not accept. Reload the page and try again.',
    ja: 'カードを扱うエンジンが受け付けない要求を送りました。ページを再読み込みして、もう一度お試しください。',
  },
  'service/no-auth-certificate': {
    en: 'This card holds no authentication certificate, so no service can log you in with it. Ask your municipal office about issuing one.',
    ja: 'このカードには利用者証明用電子証明書がないため、サービスへのログインに使えません。発行について市区町村の窓口にお問い合わせください。',
  },
  'service/certificate-unreadable': {
    en: 'A certificate on the card could not be read as a certificate. Scan the card again; if it repeats, export the transcript and report it.',
    ja: 'カードの証明書を証明書として読み取れませんでした。もう一度スキャンしてください。繰り返す場合は、トランスクリプトを書き出して報告してください。',
  },
  'sign/no-certificate': {
    en: 'This card holds no signature certificate (none is issued to a holder under 15), so it cannot sign. Use a card that has one.',
    ja: 'このカードには署名用電子証明書がないため（15 歳未満には発行されません）、署名できません。署名用電子証明書のあるカードをお使いください。',
  },
  'sign/empty-document': {
    en: 'There is nothing to sign. Type some text or choose a file, then sign again.',
    ja: '署名する内容がありません。テキストを入力するかファイルを選んでから、もう一度署名してください。',
  },
  'sign/too-large': {
    en: 'This file is too large to sign here (up to {maxMegabytes} MB). Choose a smaller file.',
    ja: 'このファイルは大きすぎて署名できません（{maxMegabytes} MB まで）。もっと小さいファイルを選んでください。',
  },
  'card/applet-not-found': {
    en: 'This card has no JPKI applet, so it is probably not a My Number Card. Check the card and try again.',
    ja: 'このカードには公的個人認証 AP がありません。マイナンバーカードではない可能性があります。カードを確認して、もう一度お試しください。',
  },
  'card/not-my-number-card': {
    en: 'This card answered, but it is not a plastic My Number Card. Use a My Number Card and try again.',
    ja: 'カードは応答しましたが、プラスチックのマイナンバーカードではありません。マイナンバーカードで、もう一度お試しください。',
  },
  'card/wrong-pin': {
    en: 'That PIN was wrong. {triesLeft} tries left. Check what you type and try again carefully.',
    ja: '暗証番号が違います。残り {triesLeft} 回です。入力した内容を確かめて、慎重にもう一度入力してください。',
  },
  'card/pin-blocked': {
    en: 'This PIN is blocked and will not be sent again. Take the card and an identity document to your municipal office to reset it (the 24-hour suspension hotline is for a lost card, not a forgotten PIN).',
    ja: 'この暗証番号はロックされているため、送信しません。カードと本人確認書類を持って、市区町村の窓口で再設定してください（24 時間の一時利用停止窓口は紛失時のためのもので、暗証番号を忘れたときの窓口ではありません）。',
  },
  'card/pin-required': {
    en: 'This file is locked behind a PIN. Enter one of the PINs shown for it, then read it again.',
    ja: 'このファイルは暗証番号で保護されています。表示されている暗証番号のいずれかを入力してから、もう一度読み取ってください。',
  },
  'card/file-not-found': {
    en: 'This card has no such file. Nothing to do: the matrix marks it absent.',
    ja: 'このカードにはそのファイルがありません。対応は不要です（一覧では「なし」と表示します）。',
  },
  'card/malformed-file': {
    en: 'The card returned bytes that could not be decoded. The raw bytes are still shown; export the transcript and report it so the decoder can be fixed.',
    ja: 'カードから受け取ったデータを解読できませんでした。生データはそのまま表示しています。トランスクリプトを書き出して報告していただければ、解読処理を修正できます。',
  },
  'card/extended-length-required': {
    en: 'This object needs extended-length commands, which this reader does not pass on. Try another reader.',
    ja: 'このデータの読み取りには拡張長コマンドが必要ですが、このリーダーは対応していません。別のリーダーをお試しください。',
  },
  'card/status-word': {
    en: 'The card refused a command with a status MynaLens did not expect at this step. Remove the card, put it back and try again; if it repeats, export the transcript and report it.',
    ja: 'カードが、この手順では想定していない状態コードでコマンドを拒否しました。カードを置き直して、もう一度お試しください。繰り返す場合は、トランスクリプトを書き出して報告してください。',
  },
  'data/malformed': {
    en: 'The card or the reader sent bytes that do not have the expected shape. Remove the card, put it back and try again; if it repeats, export the transcript and report it.',
    ja: 'カードまたはリーダーから、想定した形式ではないデータを受け取りました。カードを置き直して、もう一度お試しください。繰り返す場合は、トランスクリプトを書き出して報告してください。',
  },
  'image/decode-failed': {
    en: 'The picture on the card could not be decoded; its raw bytes are still shown and can be exported. Export the transcript and report it so the decoder can be fixed.',
    ja: 'カードの画像を解読できませんでした。生データは表示と書き出しができます。トランスクリプトを書き出して報告していただければ、解読処理を修正できます。',
  },
  'card/unexpected-status': {
    en: 'The card gave an answer MynaLens does not expect. Remove the card, put it back and scan again; if it repeats, export the transcript and report it.',
    ja: 'カードが想定外の応答を返しました。カードを置き直してもう一度スキャンしてください。繰り返す場合は、トランスクリプトを書き出して報告してください。',
  },
  'pin/format': {
    en: 'That PIN has the wrong format, so it was not sent and no try was spent. Check the length and characters, then try again.',
    ja: '暗証番号の形式が違うため、送信していません（残り回数は減っていません）。桁数と文字を確かめて、もう一度入力してください。',
  },
  'pin/confirm-last-try': {
    en: 'Only one try is left, so MynaLens asks before sending. Tick the confirmation and verify again, or close and check the PIN first.',
    ja: '残り 1 回のため、送信前に確認が必要です。確認のチェックを入れてもう一度照合するか、閉じて暗証番号を確かめてください。',
  },
  'transcript/invalid': {
    en: 'This file is not a MynaLens transcript. Choose a file saved with "Export transcript" and try again.',
    ja: 'このファイルは MynaLens のトランスクリプトではありません。「トランスクリプトを書き出す」で保存したファイルを選んで、もう一度お試しください。',
  },
  'transcript/too-large': {
    en: '"{file}" is {sizeMegabytes} MB. A transcript MynaLens exports is well under 100 KB, so files over {maxMegabytes} MB are not opened, and this one was not read. Choose a file saved with "Export transcript", or ask whoever sent it for the original.',
    ja: '「{file}」は {sizeMegabytes} MB あります。MynaLens が書き出すトランスクリプトは 100 KB を大きく下回るため、{maxMegabytes} MB を超えるファイルは開かず、このファイルも読み込んでいません。「トランスクリプトを書き出す」で保存したファイルを選ぶか、送ってきた人に元のファイルを求めてください。',
  },
  'transcript/line-too-long': {
    en: 'Line {line} of "{file}" is {lineKilobytes} KB long; no line of a real transcript is longer than {maxKilobytes} KB, so the file was not opened. Choose a file saved with "Export transcript".',
    ja: '「{file}」の {line} 行目は {lineKilobytes} KB あります。本物のトランスクリプトの行は {maxKilobytes} KB を超えないため、このファイルは開いていません。「トランスクリプトを書き出す」で保存したファイルを選んでください。',
  },
  'transcript/response-too-long': {
    en: 'In "{file}", the response to line {line} is {bytes} bytes, but a card answers one command with at most {maxBytes}. The file was not opened: it was not recorded from a card. Choose a file saved with "Export transcript".',
    ja: '「{file}」の {line} 行目への応答は {bytes} バイトありますが、カードが 1 つのコマンドに返すのは最大 {maxBytes} バイトです。カードから記録したものではないため、このファイルは開いていません。「トランスクリプトを書き出す」で保存したファイルを選んでください。',
  },
  'transcript/chain-too-long': {
    en: 'In "{file}", the answer to line {line} goes on with "more bytes waiting" (61xx) past what a card sends for one command ({maxRounds} GET RESPONSE rounds, {maxBytes} bytes). The file was not opened: replaying it would never end. Choose a file saved with "Export transcript".',
    ja: '「{file}」の {line} 行目への応答は「続きのデータあり」（61xx）が続き、カードが 1 つのコマンドに返せる量（GET RESPONSE {maxRounds} 回、{maxBytes} バイト）を超えています。再生が終わらなくなるため、このファイルは開いていません。「トランスクリプトを書き出す」で保存したファイルを選んでください。',
  },
  'engine/not-a-reader': {
    en: 'The reader check needs a card in a USB reader; the simulator and transcripts have none. Connect a reader first.',
    ja: 'リーダーの確認には USB リーダーに入ったカードが必要です。シミュレーターとトランスクリプトにはリーダーがありません。先にリーダーを接続してください。',
  },
  'engine/cancelled': {
    en: 'That step was stopped because the session was ended. Connect the card again to go on.',
    ja: 'セッションを終了したため、その操作は中止しました。続けるにはカードをもう一度接続してください。',
  },
  'engine/no-reader-report': {
    en: 'There is no reader report to save: no USB reader was connected or tried since the last clear. Connect the reader, then save the report.',
    ja: '保存できるリーダーレポートがありません。前回の消去以降、USB リーダーへの接続も接続の試みもありません。リーダーを接続してからレポートを保存してください。',
  },
  'usb/unavailable': {
    en: 'This browser cannot reach USB devices (it has no WebUSB). Use Chrome or Edge on a computer, ChromeOS or Android, or try the simulator.',
    ja: 'このブラウザーは USB 機器に接続できません（WebUSB がありません）。パソコン・ChromeOS・Android の Chrome か Edge を使うか、シミュレーターをお試しください。',
  },
  'usb/no-reader-chosen': {
    en: 'No reader was chosen. Plug the reader in, press "Connect a USB reader…" again and pick it in the list.',
    ja: 'リーダーが選ばれませんでした。リーダーを接続してから、もう一度「USB リーダーを接続…」を押し、一覧から選んでください。',
  },
  'usb/protected-class': {
    en: '{reader} is a smart-card-class (CCID) reader. Chrome lets no ordinary web page use such readers, on any system; the installed MynaLens app can (see "Installed app" in the README). In this page, an SCR3310-NTTCom works — or use the simulator.',
    ja: '{reader} はスマートカードクラス（CCID）のリーダーです。Chrome はどの OS でも、通常のウェブページからこの種のリーダーを使わせません。インストール版の MynaLens なら使えます（README の「インストール版」を参照）。このページでは SCR3310-NTTCom が使えます。シミュレーターもお試しいただけます。',
  },
  'usb/reader-busy-linux': {
    en: 'The smart-card service (pcscd) holds the reader. Stop it with "sudo systemctl stop pcscd.socket pcscd.service", unplug and re-plug the reader, and connect again. It restarts when another smart-card program runs; the README shows how to keep it away from this reader.',
    ja: 'スマートカードサービス（pcscd）がリーダーを占有しています。「sudo systemctl stop pcscd.socket pcscd.service」で停止し、リーダーを抜き差ししてから、もう一度接続してください。ほかのスマートカード用ソフトを使うと再起動します。このリーダーから外しておく方法は README にあります。',
  },
  'usb/reader-busy-windows': {
    en: 'Windows\' smart-card driver holds the reader. A web page can use it only after the WinUSB driver is installed on it (for example with Zadig) — and then e-Tax and the JPKI client software cannot use the reader until the original driver is restored. If you need those, keep the reader as it is and use the simulator here.',
    ja: 'Windows のスマートカードドライバーがリーダーを占有しています。ウェブページから使うには WinUSB ドライバーを入れる必要があります（Zadig など）。入れると、元のドライバーに戻すまで e-Tax や JPKI 利用者ソフトからはリーダーを使えなくなります。それらが必要な場合は、リーダーはそのままにして、ここではシミュレーターをお使いください。',
  },
  'usb/reader-busy-macos': {
    en: 'macOS\' smart-card service (com.apple.ifdreader) holds the reader. Quit it for now with "sudo pkill -f com.apple.ifdreader" (it comes back by itself later), unplug and re-plug the reader, and connect again.',
    ja: 'macOS のスマートカードサービス（com.apple.ifdreader）がリーダーを占有しています。「sudo pkill -f com.apple.ifdreader」で一時的に終了し（しばらくすると自動で戻ります）、リーダーを抜き差ししてから、もう一度接続してください。',
  },
  'usb/reader-busy': {
    en: 'Another program holds the reader. Close other smart-card software (on ChromeOS, turn off the Smart Card Connector extension), unplug and re-plug the reader, and connect again.',
    ja: 'ほかのプログラムがリーダーを占有しています。ほかのスマートカード用ソフトを閉じ（ChromeOS では Smart Card Connector 拡張機能をオフにし）、リーダーを抜き差ししてから、もう一度接続してください。',
  },
  'usb/access-denied-linux': {
    en: 'Linux did not let the browser open the reader. Add a udev rule that gives your user the device (the README has one for the SCR3310-NTTCom), unplug and re-plug the reader, and connect again.',
    ja: 'Linux がブラウザーにリーダーを開かせませんでした。利用者にデバイスを許可する udev ルールを追加し（SCR3310-NTTCom 用の例が README にあります）、リーダーを抜き差ししてから、もう一度接続してください。',
  },
  'usb/access-denied': {
    en: 'The operating system did not let the browser open the reader. Close other programs that use it, unplug and re-plug the reader, and connect again.',
    ja: 'OS がブラウザーにリーダーを開かせませんでした。リーダーを使うほかのプログラムを閉じ、リーダーを抜き差ししてから、もう一度接続してください。',
  },
  'usb/no-card': {
    en: 'The reader has no card in it. Insert your My Number Card (chip first, facing the contacts) and connect again.',
    ja: 'リーダーにカードが入っていません。マイナンバーカードを IC チップ側から正しい向きで差し込み、もう一度接続してください。',
  },
  'usb/card-mute': {
    en: 'The card in the reader did not answer. Take it out, check it is the right way round and the chip is clean, put it back and connect again.',
    ja: 'リーダーのカードが応答しませんでした。カードを取り出し、向きと IC チップの汚れを確かめてから差し直し、もう一度接続してください。',
  },
  'usb/card-protocol-unsupported': {
    en: 'This reader cannot talk to this card: the card speaks {card} and the reader only {reader}. Use another contact reader (most speak T=1), the contactless route, or the simulator.',
    ja: 'このリーダーではこのカードと通信できません。カードは {card}、リーダーは {reader} のみに対応しています。別の接触型リーダー（多くは T=1 対応）か非接触での読み取り、またはシミュレーターをお使いください。',
  },
  'usb/not-a-reader': {
    en: 'MynaLens cannot drive {reader} yet. In this page an SCR3310-NTTCom works; in the installed app, any CCID reader. Or use the simulator.',
    ja: '{reader} にはまだ対応していません。このページでは SCR3310-NTTCom、インストール版ではすべての CCID リーダーが使えます。シミュレーターもお試しいただけます。',
  },
  'usb/reader-not-found': {
    en: 'That reader is not plugged in any more. Plug it in and choose it again.',
    ja: 'そのリーダーは接続されていません。接続してから、もう一度選んでください。',
  },
  'smartcard/unavailable': {
    en: 'This browser has no Web Smart Card API; it exists only in the installed app on ChromeOS. Use a USB reader or the simulator here.',
    ja: 'このブラウザーには Web Smart Card API がありません。ChromeOS のインストール版でのみ使えます。ここでは USB リーダーかシミュレーターをお使いください。',
  },
  'smartcard/not-allowed': {
    en: 'Access to the reader was not allowed. Choose the reader again and allow MynaLens to use it.',
    ja: 'リーダーの使用が許可されませんでした。もう一度リーダーを選び、MynaLens に使用を許可してください。',
  },
  'smartcard/failed': {
    en: 'The system\'s smart-card service did not answer. Check the reader is plugged in, then look for readers again.',
    ja: 'システムのスマートカードサービスが応答しませんでした。リーダーの接続を確かめてから、もう一度リーダーを探してください。',
  },
  'nfc/unavailable': {
    en: 'This browser has no Web NFC (only Chrome for Android has it). Use a USB reader or the simulator.',
    ja: 'このブラウザーには Web NFC がありません（Android の Chrome のみ対応）。USB リーダーかシミュレーターをお使いください。',
  },
  'nfc/not-allowed': {
    en: 'NFC could not start: it is turned off or not allowed. Turn NFC on in the phone\'s settings, allow it for this site, and press "Detect a tap" again.',
    ja: 'NFC を開始できませんでした（オフか、許可されていません）。スマートフォンの設定で NFC をオンにし、このサイトに許可してから、もう一度「タッチを検知する」を押してください。',
  },
  'ccid/command-failed': {
    en: 'The reader reported that it could not carry out a command. Unplug the reader, plug it in again and retry.',
    ja: 'リーダーがコマンドを実行できなかったと報告しました。リーダーを抜き差ししてから、もう一度お試しください。',
  },
  'transport/device-lost': {
    en: 'The reader was disconnected; what was read before is kept. Plug it in again and press "Reconnect and continue".',
    ja: 'リーダーが外れました。それまでに読み取った内容は残っています。もう一度接続して「再接続して続ける」を押してください。',
  },
  'transport/card-removed': {
    en: 'The card was removed; what was read before is kept. Put it back in the reader and press "Reconnect and continue".',
    ja: 'カードが外されました。それまでに読み取った内容は残っています。カードをリーダーに戻して「再接続して続ける」を押してください。',
  },
  'transport/busy': {
    en: 'Another program is using the card right now. Close it and try again.',
    ja: '別のプログラムがカードを使用中です。そのプログラムを閉じて、もう一度お試しください。',
  },
  'transport/closed': {
    en: 'The connection to the card is closed. Choose the card again on the start screen.',
    ja: 'カードとの接続は閉じられています。スタート画面でカードを選び直してください。',
  },
  'transport/timeout': {
    en: 'The card did not answer in time. Check it sits still on the reader and try again.',
    ja: 'カードが時間内に応答しませんでした。カードがリーダーの上で動かないようにして、もう一度お試しください。',
  },
  'transport/protocol': {
    en: 'The reader sent something MynaLens could not understand. Unplug the reader, plug it in again and retry.',
    ja: 'リーダーから解釈できない応答がありました。リーダーを抜き差ししてから、もう一度お試しください。',
  },
  'transport/replay-exhausted': {
    en: 'The transcript ends here: it holds no answer for this command. Open a transcript that recorded this step, or use the simulator.',
    ja: 'トランスクリプトはここで終わっており、このコマンドへの応答が記録されていません。この操作を記録したトランスクリプトを開くか、シミュレーターを使ってください。',
  },
  'transport/replay-not-recorded': {
    en: 'Not in this transcript: the recorded session never sent this command with the card in this state (this applet, this file, these PINs). Repeat a step the recording made, or use the simulator.',
    ja: 'このトランスクリプトにはありません。記録したセッションでは、この状態（このアプリ、このファイル、この暗証番号）でこのコマンドを送っていません。記録にある操作を繰り返すか、シミュレーターを使ってください。',
  },
  'transport/replay-withheld': {
    en: 'This is a redacted transcript: the answer to this step was read with a PIN and withheld from the file, so it cannot be replayed past the PIN. Open the full transcript to go further.',
    ja: 'これは伏せ字のトランスクリプトです。この操作の応答は暗証番号を照合して読んだものなのでファイルから除かれており、暗証番号から先は再生できません。続けるには完全なトランスクリプトを開いてください。',
  },
  'transport/replay-mismatch': {
    en: 'The transcript recorded a different command at this point, so it cannot answer this one. Repeat the steps in the order they were recorded, or use the simulator.',
    ja: 'トランスクリプトのこの位置には別のコマンドが記録されているため、応答できません。記録した順に操作するか、シミュレーターを使ってください。',
  },
};

/**
 * The message for an error code in the given language. Checked again here, as a code from an event
 * of another version's worker arrives unchecked: one this build does not know reads as
 * `engine/unknown-error`, naming the code.
 */
export function errorMessage(code: ErrorCode, language: Language, details: Readonly<Record<string, string | number | boolean>> = {}): string {
  const known = knownErrorCode(code, details);
  return MESSAGES[known.code][language].replace(/\{(\w+)\}/g, (_, name: string) => String(known.details[name] ?? '?'));
}
