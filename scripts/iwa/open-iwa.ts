import { prepareIsolatedSite } from './buildIwa';
import { installAndLaunch, launchIwaChromium, serveIsolatedSite } from './devProxyInstall';

/**
 * `npm run iwa:open`: builds the installed app, serves it on 127.0.0.1 and installs and opens it
 * in Chromium's IWA developer mode — the steps the install test proves (e2e/installed-app.spec.ts),
 * with a window. Closing the window (or Ctrl-C) stops the server and removes the throw-away profile.
 */
const PORT = Number(process.env.IWA_PORT ?? 4273);

const site = await serveIsolatedSite(prepareIsolatedSite('iwa'), PORT);
const browser = await launchIwaChromium({ headless: false });
const stop = async () => {
  await browser.close().catch(() => undefined);
  await site.close();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().then(() => process.exit(130)));
const { page, origin } = await installAndLaunch(browser.context, site);
console.log(`MynaLens is installed as ${origin}/ (developer mode, served from ${site.origin}).`);
console.log('Close its window or press Ctrl-C to stop.');
await page.waitForEvent('close', { timeout: 0 });
await stop();
