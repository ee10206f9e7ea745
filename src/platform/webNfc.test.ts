import { afterEach, describe, expect, it } from 'vitest';
import { waitForTap, webNfcAvailable } from './webNfc';

type Listener = (event: Event) => void;

/** A stand-in for Chrome's NDEFReader that fires the event a tapped tag would. */
function installNdefReader(onScan: (fire: (type: 'reading' | 'readingerror') => void) => void | Promise<void>) {
  class FakeNdefReader {
    private readonly listeners = new Map<string, Listener[]>();
    addEventListener(type: string, listener: Listener) {
      this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    }
    async scan() {
      await onScan((type) => setTimeout(() => this.listeners.get(type)?.forEach((l) => l(new Event(type))), 0));
    }
  }
  (globalThis as { NDEFReader?: unknown }).NDEFReader = FakeNdefReader;
}

afterEach(() => {
  delete (globalThis as { NDEFReader?: unknown }).NDEFReader;
});

describe('Web NFC (docs/browser-platform.md §3)', () => {
  it('is offered only where NDEFReader exists', () => {
    expect(webNfcAvailable()).toBe(false);
    installNdefReader(() => undefined);
    expect(webNfcAvailable()).toBe(true);
  });

  it('a tap ending in readingerror is a card without NDEF — the My Number Card — and nothing more', async () => {
    installNdefReader((fire) => fire('readingerror'));
    await expect(waitForTap(new AbortController().signal)).resolves.toBe('card-without-ndef');
  });

  it('a tag that reads as NDEF is not the card', async () => {
    installNdefReader((fire) => fire('reading'));
    await expect(waitForTap(new AbortController().signal)).resolves.toBe('ndef-tag');
  });

  it('NFC switched off or refused becomes nfc/not-allowed; no Web NFC at all is nfc/unavailable', async () => {
    installNdefReader(() => {
      throw new DOMException('NFC permission request denied.', 'NotAllowedError');
    });
    await expect(waitForTap(new AbortController().signal)).rejects.toMatchObject({ code: 'nfc/not-allowed' });
    delete (globalThis as { NDEFReader?: unknown }).NDEFReader;
    await expect(waitForTap(new AbortController().signal)).rejects.toMatchObject({ code: 'nfc/unavailable' });
  });
});
