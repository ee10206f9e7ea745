import { test, expect, type Page } from '@playwright/test';
import { buildIsolatedWebApp, prepareIsolatedSite } from '../scripts/iwa/buildIwa';
import { scanCard } from './support/flows';
import { installAndLaunch, launchIwaChromium, serveIsolatedSite, type ServedSite } from '../scripts/iwa/devProxyInstall';
import { CHROMIUM_ARGS } from './support/chromium';
import { emulator } from './support/usbEmulator';

/**
 * The installed app (Isolated Web App) as built, installed in Debian's Chromium in IWA developer
 * mode and launched over the DevTools protocol (scripts/iwa/devProxyInstall.ts). One Chromium, two
 * apps: the build of `npm run build:iwa`, and the same app built with the reader emulator
 * (vite mode `iwa-usb-emulator`), through which a class-0x0B reader is claimed inside the app.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173);
/**
 * Chromium's Web Smart Card feature, off on Linux (the API is implemented on ChromeOS only): on,
 * the permissions-policy feature `smart-card` exists, so the test can see the manifest grant it.
 */
const SMART_CARD_FEATURE = ['SmartCard'];
/** Loopback ports of the two dev-proxy servers, inside this run's port range. */
const APP_PORT = PORT + 50;
const EMULATOR_APP_PORT = PORT + 51;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

/** Every request the pages and workers of the app's browser make; all must stay inside the app's origin. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.context().on('request', (request) => urls.push(request.url()));
  return urls;
}

async function useSimulatorAndScan(page: Page): Promise<void> {
  await page.getByTestId('lang-en').click();
  await page.getByTestId('use-simulator').click();
  await expect(page.getByTestId('card-panel')).toBeVisible({ timeout: 30_000 });
  await scanCard(page);
}

test('npm run build:iwa installs and launches: usb-unrestricted, WebUSB in the engine worker, Trusted Types, nothing leaves the app, no false offline claim', async () => {
  // The real build command's own function (it also signs the bundle, into a throw-away path).
  await buildIsolatedWebApp({ bundlePath: `${test.info().outputPath('mynalens.swbn')}` });
  const site: ServedSite = await serveIsolatedSite('dist-iwa', APP_PORT);
  const chromium = await launchIwaChromium({ args: CHROMIUM_ARGS, features: SMART_CARD_FEATURE });
  try {
    const { page, origin } = await installAndLaunch(chromium.context, site);
    const requests = recordRequests(page);
    await expect(page.getByTestId('start-screen')).toBeVisible();

    // The manifest's permissions policy reached the document (usb-unrestricted for CCID readers,
    // smart-card for the Web Smart Card API): Chromium 156 answers through document.featurePolicy
    // (it has no document.permissionsPolicy), and the app offers CCID readers.
    const allowed = await page.evaluate(() => {
      const policy = (document as Document & { featurePolicy?: { allowsFeature(f: string): boolean } }).featurePolicy;
      return { usbUnrestricted: policy?.allowsFeature('usb-unrestricted'), smartCard: policy?.allowsFeature('smart-card') };
    });
    expect(allowed.usbUnrestricted).toBe(true);
    expect(allowed.smartCard).toBe(true);
    await page.getByTestId('lang-en').click();
    await expect(page.getByTestId('start-screen')).toContainText('Installed app: every CCID reader can be used');

    // The engine worker runs from the bundle and has WebUSB (readers are claimed from it).
    await expect.poll(() => page.workers().length).toBeGreaterThan(0);
    const worker = page.workers().find((w) => /\/assets\/engine\.worker-[\w-]+\.js$/.test(w.url()));
    expect(worker?.url().startsWith(`${origin}/`)).toBe(true);
    expect(await worker!.evaluate(() => typeof (navigator as Navigator & { usb?: { getDevices?: unknown } }).usb?.getDevices)).toBe('function');

    // Trusted Types hold: inline script text and a script URL of another origin are refused.
    const refused = await page.evaluate(() => {
      const attempt = (run: () => void) => {
        try {
          run();
          return 'allowed';
        } catch (error) {
          return (error as Error).name;
        }
      };
      return {
        inline: attempt(() => void (document.createElement('script').textContent = 'window.__ran = true')),
        foreign: attempt(() => void (document.createElement('script').src = 'https://example.com/tracker.js')),
      };
    });
    expect(refused).toEqual({ inline: 'TypeError', foreign: 'TypeError' });

    // The engine does real work in the app (simulator chunks, OpenJPEG's WebAssembly): a full scan.
    await useSimulatorAndScan(page);
    await expect(page.getByTestId('row-jpki/000A')).toHaveAttribute('data-status', 'read');

    // No service worker in the installed app, so nothing claims "ready to work offline"; the
    // developer-mode app is served by the proxy and is not offline, and the app does not say it is.
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
    await expect(page.getByTestId('app-status')).toHaveCount(0);

    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    expect(site.missing).toEqual([]);
  } finally {
    await chromium.close();
    await site.close();
  }
});

test('inside the installed app, an emulated class-0x0B CCID reader is claimed under the real usb-unrestricted policy and scans the simulator card', async () => {
  prepareIsolatedSite('iwa-usb-emulator');
  const site = await serveIsolatedSite('dist-iwa-usb-emulator', EMULATOR_APP_PORT);
  const chromium = await launchIwaChromium({ args: CHROMIUM_ARGS });
  try {
    const { page, origin } = await installAndLaunch(chromium.context, site);
    const requests = recordRequests(page);
    await page.getByTestId('lang-en').click();
    // No `setUnrestricted`: the emulated reader follows the document's real permissions policy.
    await emulator(page, 'plug', { personality: 'extended-apdu' });
    await page.getByTestId('connect-reader').click();
    await expect(page.getByTestId('card-panel')).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('reader-check-open').click();
    await expect(page.getByTestId('reader-check-interface')).toContainText('0x0B');
    await scanCard(page);
    await expect(page.getByTestId('row-jpki/000A')).toHaveAttribute('data-status', 'read');
    expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
  } finally {
    await chromium.close();
    await site.close();
  }
});
