import { test, expect } from './support/test';

test('the production build offers USB readers where WebUSB exists, and ships no reader emulator', async ({ page, request }) => {
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  const hasWebUsb = await page.evaluate(() => 'usb' in navigator);
  if (hasWebUsb) {
    await expect(page.getByTestId('connect-reader')).toBeVisible();
    await expect(page.getByTestId('reader-guidance')).toContainText('SCR3310-NTTCom');
  } else {
    await expect(page.getByTestId('reader-unavailable')).toBeVisible();
  }

  // Every script the app can load, main chunk and worker included, is free of the test build's emulator.
  const html = await (await request.get('/')).text();
  const scripts = new Set([...html.matchAll(/src="([^"]+\.js)"/g)].map((m) => m[1]!));
  const manifest = await (await request.get('/sw.js')).text();
  for (const m of manifest.matchAll(/url:"([^"]+\.js)"/g)) scripts.add(`/${m[1]!}`);
  expect(scripts.size).toBeGreaterThan(2);
  for (const script of scripts) {
    const body = await (await request.get(script)).text();
    expect(body, script).not.toContain('__mynalensUsbEmulator');
    expect(body, script).not.toContain('mynalens-usb-emulator');
  }
});

test('without WebUSB the reader choice says which browsers can, instead of a button that fails', async ({ page }) => {
  await page.addInitScript(() => {
    delete (Navigator.prototype as { usb?: unknown }).usb;
  });
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('reader-unavailable')).toContainText('Chrome or Edge');
  await expect(page.getByTestId('connect-reader')).toHaveCount(0);
});
