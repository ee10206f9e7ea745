import { test, expect } from './support/test';

test('the start screen offers exactly the routes this browser has: here WebUSB, no PC/SC, no NFC', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('reader-section')).toBeVisible();
  await expect(page.getByTestId('connect-reader')).toBeVisible();
  await expect(page.getByTestId('smartcard-section')).toHaveCount(0);
  await expect(page.getByTestId('nfc-section')).toHaveCount(0);
});

test('Chrome for Android with Web NFC: a tap says "detected, cannot be read here", never a fake read', async ({ page }) => {
  // A stand-in for NDEFReader: the My Number Card carries no NDEF, so Chrome fires readingerror.
  await page.addInitScript(() => {
    class TappedNdefReader extends EventTarget {
      async scan() {
        setTimeout(() => this.dispatchEvent(new Event('readingerror')), 50);
      }
    }
    (window as unknown as { NDEFReader: unknown }).NDEFReader = TappedNdefReader;
  });
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  const section = page.getByTestId('nfc-section');
  await expect(section).toContainText('a web page cannot read it');
  await section.getByTestId('nfc-start').click();
  await expect(page.getByTestId('nfc-detected')).toContainText('A card was detected');
  await expect(page.getByTestId('nfc-detected')).toContainText('PaSoRi');
  await expect(page.getByTestId('card-panel')).toHaveCount(0);

  await page.getByTestId('lang-ja').click();
  await expect(page.getByTestId('nfc-detected')).toContainText('カードを検知しました');
});

test('with the Web Smart Card API present (installed app on ChromeOS) the PC/SC choice appears and lists readers', async ({ page }) => {
  await page.addInitScript(() => {
    const context = {
      listReaders: async () => ['ACS ACR39U ICC Reader 00 00'],
      getStatusChange: async (states: { readerName: string }[]) =>
        states.map((s) => ({ readerName: s.readerName, eventState: { empty: true, changed: true }, eventCount: 1 })),
      connect: async () => {
        throw Object.assign(new Error('no card'), { name: 'SmartCardError', responseCode: 'no-smartcard' });
      },
    };
    Object.defineProperty(navigator, 'smartCard', { value: { establishContext: async () => context } });
  });
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  const item = page.getByTestId('smartcard-item');
  await expect(item).toContainText('ACS ACR39U ICC Reader 00 00');
  await expect(item).toContainText('no card');
});
