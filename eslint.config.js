// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The import direction of docs/architecture.md, enforced: each folder lists the folders of
 * `src/` it must NOT import. bytes → apdu → transport → {usb | simulator} → cards → worker → ui.
 */
const layers = {
  bytes: ['apdu', 'transport', 'usb', 'simulator', 'cards', 'worker', 'ui', 'pwa', 'vectors', 'platform'],
  apdu: ['transport', 'usb', 'simulator', 'cards', 'worker', 'ui', 'pwa', 'vectors', 'platform'],
  transport: ['usb', 'simulator', 'cards', 'worker', 'ui', 'pwa', 'vectors', 'platform'],
  usb: ['simulator', 'cards', 'worker', 'ui', 'pwa', 'platform'],
  simulator: ['cards', 'worker', 'ui', 'pwa'],
  cards: ['usb', 'simulator', 'worker', 'ui', 'pwa', 'platform'],
  worker: ['ui', 'pwa', 'platform'],
  pwa: ['bytes', 'apdu', 'transport', 'usb', 'simulator', 'cards', 'worker', 'ui', 'vectors', 'platform'],
  // Main-thread browser capabilities other than USB (Web NFC, Web Smart Card): nothing of the card.
  platform: ['apdu', 'usb', 'simulator', 'cards', 'worker', 'ui', 'pwa', 'vectors'],
  vectors: ['apdu', 'transport', 'usb', 'simulator', 'cards', 'worker', 'ui', 'pwa', 'platform'],
};

/** Matches a relative import of `src/<folder>` (or anything inside it) from anywhere in src/. */
const regexFor = (folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

const layerRules = Object.entries(layers).map(([folder, forbidden]) => ({
  files: [`src/${folder}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: regexFor(forbidden),
            message: `src/${folder} may not import this layer (see docs/architecture.md, "The chain").`,
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'dist-iwa/**', 'dist-iwa-bundle/**', 'dist-usb-emulator/**', '.iwa/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'src/simulator/personalisation/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.worker, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...layerRules,
  {
    // The bridge (npm run bridge) is Node-only and publishable on its own: of the app it shares
    // only the wire protocol. Its tests may drive the page's side.
    files: ['bridge/**/*.ts'],
    ignores: ['bridge/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!platform/bridgeProtocol$)',
              message: 'bridge/ shares only src/platform/bridgeProtocol.ts with the app (docs/architecture.md).',
            },
          ],
        },
      ],
    },
  },
  {
    // The UI reaches the engine only through its client and protocol, and USB only for permission.
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: regexFor(['bytes', 'apdu', 'transport', 'simulator', 'cards', 'pwa', 'vectors']),
              message: 'The UI sees the card only through worker/EngineClient and worker/protocol.',
            },
            {
              regex: '^(\\.\\./)+(worker/(?!(EngineClient|protocol)$)|usb/(?!permission$)|worker$|usb$)',
              message: 'The UI may import only worker/EngineClient, worker/protocol and usb/permission.',
            },
          ],
        },
      ],
    },
  },
  {
    // Scripts and tooling run in Node and may print.
    files: ['scripts/**/*.ts', 'e2e/**/*.ts', '*.config.ts', '*.config.js'],
    rules: { 'no-console': 'off' },
  },
);
