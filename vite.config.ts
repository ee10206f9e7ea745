import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The Content-Security-Policy of the built app: only our own origin, no inline script, no
 * third party of any kind; the one other endpoint is the MynaLens bridge on 127.0.0.1. 'wasm-unsafe-eval' lets the worker compile OpenJPEG's WebAssembly;
 * `data:` images carry the decoded card images. Injected at build time only, because the dev
 * server's hot-reload preamble is an inline script.
 */
/** BRIDGE_DEFAULT_PORT of src/platform/bridgeProtocol.ts (bridge/contentSecurityPolicy.test.ts keeps them equal). */
const BRIDGE_PORT = 27436;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  // The MynaLens bridge (bridge/, `npm run bridge`) on this computer, and nothing else.
  `connect-src 'self' ws://127.0.0.1:${BRIDGE_PORT}`,
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  // An Isolated Web App enforces Trusted Types; the web build does too, so both run the same way.
  "require-trusted-types-for 'script'",
  'trusted-types default',
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'mynalens-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/** Modules the browser-test build swaps for the USB reader emulator, absolute path → stand-in. */
const USB_EMULATOR_SWAPS = new Map([
  [fileURLToPath(new URL('./src/worker/usbHost.ts', import.meta.url)), fileURLToPath(new URL('./src/simulator/usb/emulatedUsbHostModule.ts', import.meta.url))],
  [fileURLToPath(new URL('./src/usb/permission.ts', import.meta.url)), fileURLToPath(new URL('./src/simulator/usb/emulatedPermission.ts', import.meta.url))],
]);

/** Where each build mode writes: the web app, the installed app (IWA), the browser-test build. */
const OUT_DIRS: Record<string, string> = { iwa: 'dist-iwa', 'usb-emulator': 'dist-usb-emulator' };

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
    ...(mode === 'usb-emulator' ? [usbEmulator()] : []),
    VitePWA({
      // We register and prompt ourselves with workbox-window (src/pwa/), so nothing is injected.
      injectRegister: false,
      registerType: 'prompt',
      includeAssets: ['icons/*.png', 'icons/*.svg', 'robots.txt'],
      manifest: {
        id: '/',
        name: 'MynaLens — マイナンバーカードの中身を確かめる',
        short_name: 'MynaLens',
        description: 'See what your My Number Card gives away, decoded on your own device. / マイナンバーカードが何を明かすかを端末内で確かめます。',
        lang: 'ja',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f6f7f9',
        theme_color: '#0b5cad',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,png,svg,webmanifest,txt}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        navigateFallback: 'index.html',
      },
    }),
  ],
  worker: { format: 'es', plugins: () => (mode === 'usb-emulator' ? [usbEmulator()] : []) },
  build: { target: 'es2022', sourcemap: true, outDir: OUT_DIRS[mode] ?? 'dist' },
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
