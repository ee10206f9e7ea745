// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The import direction of docs/architecture.md, enforced for static `import … from` and for dynamic
 * `import()` alike: each folder of `src/` lists the folders it MAY import (the table in
 * docs/architecture.md says the same). bytes → apdu → transport → {usb | simulator} → cards → worker → ui,
 * with protocol/ (the plain-data contract between the two threads) importing nothing, and the thread
 * boundary between worker/ (the engine, inside the worker) and client/ (its main-thread side).
 */
const FOLDERS = ['bytes', 'apdu', 'transport', 'usb', 'simulator', 'cards', 'protocol', 'worker', 'client', 'ui', 'pwa', 'platform', 'vectors', 'testing'];
const mayImport = {
  bytes: [],
  apdu: ['bytes'],
  transport: ['apdu', 'bytes'],
  usb: ['transport', 'apdu', 'bytes'],
  // platform: the structural Web Smart Card shapes FakeSmartCardApi implements (as usb's for the fake readers).
  simulator: ['usb', 'platform', 'transport', 'apdu', 'bytes'],
  cards: ['transport', 'apdu', 'bytes'],
  // The worker boundary's types and error codes: plain data, so nothing of the app below it.
  protocol: [],
  worker: ['protocol', 'cards', 'simulator', 'usb', 'transport', 'apdu', 'bytes'],
  // The engine's main-thread side: it talks to the worker only in messages, so it sees only their types.
  client: ['protocol'],
  // The UI sees the card only through the engine's client and protocol; see UI_ENTRY_POINTS.
  ui: [],
  pwa: [],
  // Main-thread browser capabilities other than USB (Web NFC, Web Smart Card): nothing of the card.
  platform: ['transport', 'bytes'],
  vectors: ['bytes'],
  // Test support shared by every layer, importing none.
  testing: [],
};
/** The only modules of other folders the UI may import; a bare folder name (protocol) allows the whole folder. */
const UI_ENTRY_POINTS = ['client/EngineClient', 'protocol', 'usb/permission', 'platform/smartCard', 'platform/webNfc', 'platform/bridgeAccess', 'bytes/base64'];
/** Test support only tests import: the fuzz harness (Node's fs) and the hand-written transcripts. */
const TEST_ONLY = ['testing', 'vectors'];
/**
 * Across the thread boundary, for tests only: the engine's tests drive it through the real
 * EngineClient, and the supervisor's tests run a real engine (with the simulator's card) behind a
 * stand-in worker — one realm over a MessageChannel (house rule 9). Production code of either
 * side never imports the other.
 */
const TESTS_ACROSS = { worker: ['client'], client: ['worker', 'simulator'] };
const TEST_FILES = ['src/**/*.test.ts', 'src/**/*.test.tsx', 'src/**/*.bench.ts', 'src/**/test-support/**'];

/**
 * A regex source matching a relative specifier of `src/<folder>` (or anything inside it) from a file in
 * a subfolder of src/ (or, with FROM_SRC_ROOT, from a file in src/ itself). Slashes are written `\x2F`
 * so the same source works inside an ESLint selector (a `/…/` literal there cannot hold a `/`).
 */
const FROM_SUBFOLDER = String.raw`^(\.\.\x2F)+`;
const FROM_SRC_ROOT = String.raw`^\.\x2F`;
const regexFor = (folders, from = FROM_SUBFOLDER) => `${from}(${folders.join('|')})(\\x2F|$)`;
/** Any module of `folder` except `allowed` (module names inside the folder). */
const regexExcept = (folder, allowed, from = FROM_SUBFOLDER) => `${from}${folder}(\\x2F(?!(${allowed.join('|')})$)|$)`;

/** One restriction; `staticOnly` leaves `import()` free (the worker's lazy simulator). */
const restriction = (regex, message, staticOnly = false) => ({ regex, message, staticOnly });

/**
 * The two rules for a set of restrictions: static imports through `no-restricted-imports`, `import()`
 * through `no-restricted-syntax` with the same patterns. A dynamic `import()` must name its module
 * literally so those patterns can check it.
 */
function importRules(restrictions) {
  return {
    'no-restricted-imports': ['error', { patterns: restrictions.map(({ regex, message }) => ({ regex, message })) }],
    'no-restricted-syntax': [
      'error',
      ...restrictions
        .filter(({ staticOnly }) => !staticOnly)
        .map(({ regex, message }) => ({ selector: `ImportExpression[source.value=/${regex}/]`, message })),
      {
        selector: "ImportExpression:not([source.type='Literal'])",
        message: 'Name the module of a dynamic import() literally, so lint can check the layer (docs/architecture.md).',
      },
    ],
  };
}

/** Folders a folder may not import at all. Tests may also use the test support folders. */
const forbiddenFor = (folder) =>
  FOLDERS.filter((other) => other !== folder && !mayImport[folder].includes(other) && !TEST_ONLY.includes(other) && !(TESTS_ACROSS[folder] ?? []).includes(other));

/** What any file of a folder, test or not, may not import. */
function layerRestrictions(folder) {
  const ownTestSupport = TEST_ONLY.includes(folder) ? [restriction(regexFor(TEST_ONLY.filter((f) => f !== folder)), `src/${folder} may not import this layer (see docs/architecture.md, "The chain").`)] : [];
  if (folder !== 'ui') {
    return [restriction(regexFor(forbiddenFor(folder)), `src/${folder} may not import this layer (see docs/architecture.md, "The chain").`), ...ownTestSupport];
  }
  const entryFolders = [...new Set(UI_ENTRY_POINTS.map((entry) => entry.split('/')[0]))];
  const wholeFolders = UI_ENTRY_POINTS.filter((entry) => !entry.includes('/'));
  const namesIn = (entryFolder) => UI_ENTRY_POINTS.filter((e) => e.startsWith(`${entryFolder}/`)).map((e) => e.split('/')[1]);
  return [
    restriction(regexFor(forbiddenFor('ui').filter((f) => !entryFolders.includes(f))), 'The UI sees the card only through client/EngineClient and protocol/.'),
    ...entryFolders.filter((entryFolder) => !wholeFolders.includes(entryFolder)).map((entryFolder) => restriction(regexExcept(entryFolder, namesIn(entryFolder)), `The UI may import only ${UI_ENTRY_POINTS.join(', ')}.`)),
  ];
}

/** Production code adds: no test support, and the worker reaches the simulator only lazily. */
function productionRestrictions(folder) {
  const extra = TEST_ONLY.includes(folder) ? [] : [restriction(regexFor(TEST_ONLY), 'Only tests import src/testing and src/vectors.')];
  if (TESTS_ACROSS[folder]) {
    extra.push(
      restriction(
        regexFor(TESTS_ACROSS[folder]),
        `src/${folder} may not import this layer: the other side of the thread boundary is for tests only (see docs/architecture.md, "The chain").`,
      ),
    );
  }
  if (folder === 'worker') {
    extra.push(
      restriction(
        regexFor(['simulator']),
        "The worker loads the simulator only on demand, with `await import('../simulator')`: the sanctioned seam that keeps it out of the engine's first chunk (docs/architecture.md).",
        true,
      ),
    );
  }
  return extra;
}

const layerRules = FOLDERS.flatMap((folder) => [
  { files: [`src/${folder}/**/*.{ts,tsx}`], rules: importRules(layerRestrictions(folder)) },
  {
    files: [`src/${folder}/**/*.{ts,tsx}`],
    ignores: TEST_FILES,
    rules: importRules([...layerRestrictions(folder), ...productionRestrictions(folder)]),
  },
]);

/** The composition root wires the UI, the PWA, the platform pieces and the engine's main-thread side. */
const MAIN_MAY_IMPORT = ['ui', 'pwa', 'platform', 'usb/permission', 'client'];
const mainMessage = `main.tsx may import only ${MAIN_MAY_IMPORT.join(', ')}.`;
const mainRules = {
  files: ['src/main.tsx'],
  rules: importRules([
    restriction(regexFor(FOLDERS.filter((f) => !MAIN_MAY_IMPORT.some((m) => m.split('/')[0] === f)), FROM_SRC_ROOT), mainMessage),
    restriction(regexExcept('usb', ['permission'], FROM_SRC_ROOT), mainMessage),
  ]),
};

/** The import policy as data, for `scripts/lint/importRules.test.ts` (ESLint reads only the default export). */
export const importPolicy = { FOLDERS, mayImport, UI_ENTRY_POINTS, MAIN_MAY_IMPORT, TEST_ONLY, TESTS_ACROSS };

export default tseslint.config(
  { ignores: ['dist/**', 'dist-iwa/**', 'dist-iwa-bundle/**', 'dist-usb-emulator/**', 'dist-iwa-usb-emulator/**', '.iwa/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'src/simulator/personalisation/generated/**'] },
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
  mainRules,
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
    // Scripts and tooling run in Node and may print.
    files: ['scripts/**/*.ts', 'e2e/**/*.ts', '*.config.ts', '*.config.js'],
    rules: { 'no-console': 'off' },
  },
);
