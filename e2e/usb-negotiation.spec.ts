import type { Page } from '@playwright/test';
import { scanCard } from './support/flows';
import { test, expect } from './support/test';
import { connectReader, emulator } from './support/usbEmulator';

/** Issue 15 §1–§2: the CCID driver picks a protocol both the card and the reader speak, as libccid does. */

async function openUnrestrictedWith(page: Page, options: Record<string, unknown>): Promise<void> {
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  // QEMU's reader is class 0x0B: only the installed app (usb-unrestricted) may claim it.
  await emulator(page, 'setUnrestricted', true);
  await page.reload();
  await emulator(page, 'plug', options);
}

test("through QEMU's T=0-only reader a T=0 card connects and scans in T=0", async ({ page }) => {
  await openUnrestrictedWith(page, { personality: 'qemu', card: 't0-only' });
  await connectReader(page);
  await expect(page.getByTestId('card-panel')).toContainText('QEMU USB CCID (simulated)');
  await expect(page.getByTestId('atr')).toHaveText('3B 60 00 00');
  await scanCard(page);
  await expect(page.getByTestId('row-jpki/000A')).toHaveAttribute('data-status', 'read');
  await page.getByTestId('reader-check-open').click();
  await expect(page.getByTestId('reader-check-protocol')).toHaveText('T=0');
  await expect(page.getByTestId('reader-check-atr')).toContainText('not in the known-ATR list');
});

test("QEMU's T=0-only reader with a T=1-only My Number Card says at once that they cannot talk, in English and Japanese", async ({ page }) => {
  await openUnrestrictedWith(page, { personality: 'qemu' });
  await page.getByTestId('connect-reader').click();
  const banner = page.getByTestId('error');
  await expect(banner).toContainText('This reader cannot talk to this card');
  await expect(banner).toContainText('the card speaks T=1 and the reader only T=0');
  await expect(page.getByTestId('card-panel')).toHaveCount(0);
  await page.getByTestId('lang-ja').click();
  await expect(banner).toContainText('このリーダーではこのカードと通信できません');
});

test('a My Number Card whose ATR has TA1 = 13 connects through the SCR3310-NTTCom, named from the known-ATR list', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  await emulator(page, 'plug', { personality: 'scr3310', card: 'my-number-ta1-13' });
  await connectReader(page);
  await expect(page.getByTestId('atr')).toHaveText('3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B');
  await scanCard(page);
  await expect(page.getByTestId('row-jpki/000A')).toHaveAttribute('data-status', 'read');
  await page.getByTestId('reader-check-open').click();
  await expect(page.getByTestId('reader-check-protocol')).toHaveText('T=1');
  const atr = page.getByTestId('reader-check-atr');
  await expect(atr).toContainText('My Number Card (contact)');
  // The SCR3310-NTTCom does PPS itself (dwFeatures 0x80): we send SetParameters with TA1's Fi/Di.
  await expect(atr).toContainText('Fi/Di 13, no PPS from the host, SetParameters sent');
});
