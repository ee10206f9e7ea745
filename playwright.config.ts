import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/chromium';

/**
 * Browser journeys run against the production build served on loopback, in Debian's Chromium
 * (Playwright's own browser download is not reachable here). `scripts/ensure-chromium.sh`
 * installs it when missing; CHROMIUM_PATH overrides the binary.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173);
/** The browser-test build with the CCID reader emulator (vite mode `usb-emulator`) is served next door. */
const USB_PORT = PORT + 100;
/** Journeys through emulated USB readers: `e2e/usb-*.spec.ts`. */
const USB_JOURNEYS = /usb-.*\.spec\.ts$/;
/** The installed app (IWA) installed in Chromium: it builds, serves and launches its own (ports PORT+50, +51). */
const INSTALLED_APP = /installed-app\.spec\.ts$/;
/** Journeys through the real PC/SC stack (pcscd + vpcd, as root) and the MynaLens bridge. */
const PCSC_JOURNEYS = /bridge-pcsc\.spec\.ts$/;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  projects: [
    { name: 'app', testIgnore: [USB_JOURNEYS, INSTALLED_APP, PCSC_JOURNEYS], use: { baseURL: `http://127.0.0.1:${PORT}` } },
    { name: 'installed-app', testMatch: INSTALLED_APP },
    { name: 'pcsc-bridge', testMatch: PCSC_JOURNEYS, use: { baseURL: `http://127.0.0.1:${PORT}` } },
    { name: 'usb-emulator', testMatch: USB_JOURNEYS, use: { baseURL: `http://127.0.0.1:${USB_PORT}` } },
  ],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  webServer: [
    {
      command: `npx vite build --logLevel warn && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `npx vite build --mode usb-emulator --logLevel warn && npx vite preview --mode usb-emulator --host 127.0.0.1 --port ${USB_PORT} --strictPort`,
      url: `http://127.0.0.1:${USB_PORT}/`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
