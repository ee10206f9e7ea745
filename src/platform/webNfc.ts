/**
 * Web NFC, honestly (docs/browser-platform.md §3): Chrome for Android can tell that a tag was tapped,
 * but reads NDEF only — it cannot exchange APDUs with an ISO 14443-4 card. A My Number Card holds
 * no NDEF, so a tap ends in `readingerror`. MynaLens uses that only to say "your card was detected;
 * a web page cannot read it through the phone" and never pretends to have read anything.
 */

interface NdefReaderLike {
  scan(options?: { signal?: AbortSignal }): Promise<void>;
  addEventListener(type: 'reading' | 'readingerror', listener: (event: Event) => void): void;
}

type NdefReaderConstructor = new () => NdefReaderLike;

function ndefReaderClass(): NdefReaderConstructor | null {
  return ((globalThis as { NDEFReader?: NdefReaderConstructor }).NDEFReader ?? null);
}

/** True where Web NFC exists (Chrome for Android, secure context). */
export function webNfcAvailable(): boolean {
  return ndefReaderClass() !== null;
}

/** What a tap told us: a card without NDEF (the My Number Card), or some NDEF tag that is not it. */
export type TapResult = 'card-without-ndef' | 'ndef-tag';

/**
 * Starts listening for one tap (must be called from a click: Chrome asks for NFC permission) and
 * resolves with what was tapped. Rejects with an error whose `code` is `nfc/unavailable` or
 * `nfc/not-allowed`; the `signal` stops listening.
 */
export async function waitForTap(signal: AbortSignal): Promise<TapResult> {
  const NdefReader = ndefReaderClass();
  if (!NdefReader) throw Object.assign(new Error('this browser has no Web NFC'), { code: 'nfc/unavailable' });
  const reader = new NdefReader();
  const tapped = new Promise<TapResult>((resolve) => {
    reader.addEventListener('readingerror', () => resolve('card-without-ndef'));
    reader.addEventListener('reading', () => resolve('ndef-tag'));
  });
  try {
    await reader.scan({ signal });
  } catch (error) {
    const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
    throw Object.assign(new Error(`NFC could not start: ${name || String(error)}`), { code: name === 'NotSupportedError' ? 'nfc/unavailable' : 'nfc/not-allowed' });
  }
  return tapped;
}
