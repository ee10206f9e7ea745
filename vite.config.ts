import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { WEB_MANIFEST } from './scripts/shared/webManifest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, headersFile } from './scripts/shared/securityHeaders';

/**
 * The page's policy (scripts/shared/securityHeaders.ts) as a `<meta>` tag, injected at build time only, because the dev server's
 * hot-reload preamble is an inline script.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'mynalens-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * The same policy as HTTP headers, which alone bind the engine worker (loaded from its own URL)
 * and forbid framing: `vite preview` sends them with every file, and the web build writes them
 * into `dist/_headers` for static hosts. The installed app has no `_headers`: Chromium imposes
 * the IWA's own policy on every file of it.
 */
function securityHeaders(mode: string): Plugin {
  return {
    name: 'mynalens-security-headers',
    configurePreviewServer(server) {
      server.middlewares.use((_request, response, next) => {
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
        next();
      });
    },
    generateBundle() {
      if (!installedApp(mode)) this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile() });
    },
  };
}

/** Modules the browser-test build swaps for the USB reader emulator, absolute path → stand-in. */
const USB_EMULATOR_SWAPS = new Map([
  [fileURLToPath(new URL('./src/worker/usbHost.ts', import.meta.url)), fileURLToPath(new URL('./src/simulator/usb/emulatedUsbHostModule.ts', import.meta.url))],
  [fileURLToPath(new URL('./src/usb/permission.ts', import.meta.url)), fileURLToPath(new URL('./src/simulator/usb/emulatedPermission.ts', import.meta.url))],
]);

/**
 * Where each build mode writes: the web app, the installed app (IWA), the browser-test build, and
 * the installed app with the browser-test swaps (the install test, e2e/installed-app.spec.ts).
 */
const OUT_DIRS: Record<string, string> = { iwa: 'dist-iwa', 'usb-emulator': 'dist-usb-emulator', 'iwa-usb-emulator': 'dist-iwa-usb-emulator' };

/** The installed-app builds (`npm run build:iwa`, and the install test's emulator build). */
const installedApp = (mode: string) => mode === 'iwa' || mode === 'iwa-usb-emulator';
/** The builds whose WebUSB and device chooser are the reader emulator (browser tests only). */
const emulatedUsb = (mode: string) => mode === 'usb-emulator' || mode === 'iwa-usb-emulator';

/**
 * `vite build --mode usb-emulator` (Playwright's second build): the worker's WebUSB and the page's
 * device chooser become the CCID reader emulator, so browser journeys run the real driver, engine
 * and UI against emulated readers. Only this mode resolves the swaps; `npm run bench` checks the
 * production bundle holds no emulator code.
 */
function usbEmulator(): Plugin {
  return {
    name: 'mynalens-usb-emulator',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved ? (USB_EMULATOR_SWAPS.get(resolved.id) ?? null) : null;
    },
  };
}

/**
 * One config for the app build and the unit tests.
 * Unit tests sit next to the code (`src/**\/*.test.ts`); the OpenSC test has its own config
 * (`vitest.pcsc.config.ts`) because it needs pcscd and vpcd on the machine.
 */
export default defineConfig(({ mode }) => ({
  plugins: [
    react(),
    contentSecurityPolicy(),
    securityHeaders(mode),
    ...(emulatedUsb(mode) ? [usbEmulator()] : []),
    VitePWA({
      // The installed app (IWA) has no service worker: its files are all in its bundle, and
      // Chromium refuses the worker's importScripts under the IWA's Trusted Types.
      disable: installedApp(mode),
      // We register and prompt ourselves with workbox-window (src/pwa/), so nothing is injected.
      injectRegister: false,
      registerType: 'prompt',
      includeAssets: ['icons/*.png', 'icons/*.svg', 'robots.txt'],
      manifest: WEB_MANIFEST,
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,png,svg,webmanifest,txt}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        navigateFallback: 'index.html',
        // One file, no importScripts: sw.js is served under the header policy, whose Trusted
        // Types refuse a plain script URL in importScripts.
        inlineWorkboxRuntime: true,
      },
    }),
  ],
  worker: { format: 'es', plugins: () => (emulatedUsb(mode) ? [usbEmulator()] : []) },
  define: { 'import.meta.env.INSTALLED_APP': JSON.stringify(installedApp(mode)) },
  build: {
    target: 'es2022',
    sourcemap: true,
    outDir: OUT_DIRS[mode] ?? 'dist',
    // Vite's polyfill for <link rel="modulepreload"> is start-up code for browsers that lack the hint:
    // Chromium, the one engine with WebUSB, has had it since 66, and a browser without it only skips
    // the hint — the modules still load as imports (issue "speed to the physical limit" §4).
    modulePreload: { polyfill: false },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'bridge/**/*.test.ts'],
    exclude: ['**/*.pcsc.test.ts', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    benchmark: { include: ['src/**/*.bench.ts'] },
  },
}));
