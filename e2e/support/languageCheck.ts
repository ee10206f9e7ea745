import type { Page } from '@playwright/test';

/**
 * Technical tokens a Japanese page may show in Latin letters: protocol and file names a person
 * meets in the card's own documents (APDU, EF, ATR, JPKI, CV…), command names of ISO 7816-4 in the
 * log, the app's name, and units. Nothing else in Latin letters may appear in the Japanese UI.
 */
export const LATIN_IN_JAPANESE: readonly string[] = [
  'MynaLens', 'APDU', 'PIN', 'ATR', 'EF', 'DF', 'AP', 'JPKI', 'CV', 'CA', 'ID', 'USB', 'PC', 'SC', 'NFC', 'IC', 'OS', 'URL', 'HTTPS',
  'ISO', 'IEC', 'JIS', 'RSA', 'SHA', 'PKCS', 'OID', 'DER', 'CMS', 'PNG', 'JPEG', 'CCID', 'Lc', 'Le', 'P1', 'P2', 'SW', 'PIN-A', 'PIN-B',
  'SELECT', 'READ', 'BINARY', 'VERIFY', 'GET', 'RESPONSE', 'DATA', 'RECORD', 'INTERNAL', 'AUTHENTICATE', 'MANAGE', 'SECURITY', 'ENVIRONMENT',
  'PERFORM', 'OPERATION', 'COMPUTE', 'DIGITAL', 'SIGNATURE', 'KEY', 'J-LIS', 'LIS', 'hex', 'Web', 'WebUSB', 'Chrome', 'Chromium',
  // X.509 field names and formats, as a certificate's own documents name them.
  'subjectAltName', 'subject', 'issuer', 'CN', 'PEM', 'SHA-256', 'X.509', 'p7s',
  // The ISO 7816-4 instruction names above, and the transcript's literal marker `** PIN hidden **`, quoted where the page explains it.
  'hidden', 'CHANGE', 'REFERENCE', 'CHALLENGE', 'INS', 'SFI',
  // Product, OS and command names: reader models (their makers' own names), the bridge's `npm run bridge`, openssl.
  'Sony', 'PaSoRi', 'RC-S380', 'RC-S300', 'ACR39U', 'ACR1252U', 'SCR3310', 'SCR3310-NTTCom', 'NTTCom', 'v2', 'npm', 'run', 'bridge',
  'Windows', 'macOS', 'Linux', 'Node', 'js', 'openssl', 'ChromeOS',
  // A contactless card's answer to the reader (ISO/IEC 14443-3), named like the ATR; pcsc-tools, whose public ATR list names the cards.
  'ATQB', 'pcsc-tools',
  // The reader check's field names from ISO/IEC 14443-3/-4, ISO 7816-3 and CCID, as the standards and reader makers' Japanese manuals write them.
  'ATTRIB', 'PUPI', 'FSCI', 'FSC', 'FSD', 'FWI', 'FWT', 'CID', 'NAD', 'MBLI', 'WUPB', 'ISO-DEP', 'TPDU', 'IFSD', 'IFSC', 'BWI', 'CWI', 'Fi', 'Di', 'PPS',
  'dwFeatures', 'kbit',
  // The emulated readers' USB product strings (`… (simulated)`, RC-S380/S): the device's own name, shown as it gives it.
  'simulated', 'RC-S380/S', 'RC-S300/S',
];

/** Names of several Latin words that a Japanese page writes as they are: an API's own name. */
const LATIN_PHRASES_IN_JAPANESE: readonly string[] = ['Web Smart Card API'];

/**
 * Japanese a page in English may show, each for a reason: the card's own names for its applets
 * and credentials (公的個人認証, 券面事項入力補助, 券面事項確認, 共通カード, 住基) shown in brackets beside
 * the English so a person can match them to the card's documents, the holder's data the card
 * itself holds in Japanese (name, address — shown as read), and 和暦 only where the card prints it.
 */
export const JAPANESE_IN_ENGLISH: readonly string[] = [
  '公的個人認証', '券面事項入力補助', '券面事項確認', '共通カード', '住基', '照合番号', '券面', '利用者証明', '利用者証明用', '署名', '署名用',
  // The law's own name, cited as the Japanese statute is titled.
  '公的個人認証法',
];

/** Visible text of the page (or of the open dialog), without the card’s own data: field values as read (keyed ones, yes/no and sex, are the UI’s words and stay), bytes, file ids. */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const skip = '[data-card-data], code, .mono, .file-id, [data-testid="field-value"]:not([data-keyed]), [data-testid="my-number-value"], svg, script, style';
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(skip)) continue;
      // A language's own name on the language switch is marked with its language (lang="en" on "English").
      const marked = parent.closest('[lang]');
      if (marked && marked !== document.documentElement && marked.getAttribute('lang') !== document.documentElement.lang) continue;
      if (!parent.checkVisibility({ contentVisibilityAuto: false, visibilityProperty: true })) continue;
      // Inside a modal dialog only the dialog is what a person sees.
      const modal = document.querySelector('dialog[open]');
      if (modal && !modal.contains(parent)) continue;
      parts.push(node.nodeValue ?? '');
    }
    for (const element of Array.from(document.querySelectorAll('[aria-label], [title], [alt], [placeholder]'))) {
      if (element.closest(skip)) continue;
      for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
        const value = element.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    return parts.join('\n');
  });
}

/** The words of the other language on the page: Latin words in Japanese, Japanese runs in English, less the allowlists. */
export function foreignWords(text: string, language: 'ja' | 'en'): string[] {
  if (language === 'ja') {
    const allowed = new Set(LATIN_IN_JAPANESE.map((w) => w.toLowerCase()));
    const words = LATIN_PHRASES_IN_JAPANESE.reduce((rest, phrase) => rest.split(phrase).join(' '), text).match(/[A-Za-z][A-Za-z0-9'’]*(?:[-/][A-Za-z0-9]+)*/g) ?? [];
    // Hex (a byte, or `0xFF` whose word starts at the x), or one letter (T=1, Type B's B, a unit's B).
    const technical = (part: string) => allowed.has(part.toLowerCase()) || /^x?[A-F0-9]+$/.test(part) || part.length === 1;
    return [...new Set(words.filter((w) => !technical(w) && !w.split(/[-/]/).every(technical)))];
  }
  const runs = text.match(/[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f々〆ヶ]+/g) ?? [];
  return [...new Set(runs.filter((r) => !JAPANESE_IN_ENGLISH.includes(r)))];
}
