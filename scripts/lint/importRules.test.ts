import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface ImportPolicy {
  readonly FOLDERS: readonly string[];
  readonly mayImport: Readonly<Record<string, readonly string[]>>;
  readonly UI_ENTRY_POINTS: readonly string[];
  readonly MAIN_MAY_IMPORT: readonly string[];
}

/** The lint policy of an `eslint.config.js` (ESLint itself reads only the default export). */
async function importPolicyOf(configFile: string): Promise<ImportPolicy> {
  const module = (await import(pathToFileURL(configFile).href)) as { default: Linter.Config[]; importPolicy: ImportPolicy };
  return module.importPolicy;
}

/**
 * A temporary copy of the repo's lint setup — its `eslint.config.js` and its `node_modules` (linked)
 * — with one small file per case, linted as `npx eslint .` lints the repo (ESLint's Node API finds
 * the copied config from cwd = the copy), so each rule is seen to fire or to stay quiet on real files.
 */
const CASES: Record<string, string> = {
  'src/ui/components/Bad/Bad.tsx': "import { PIN_RULES } from '../../../cards/mynumber/pin';\nexport const x = PIN_RULES;\n",
  'src/ui/store/badPlatform.ts': "import type { SmartCardResourceManagerLike } from '../../platform/smartCardApi';\nexport type X = SmartCardResourceManagerLike;\n",
  'src/ui/store/goodPlatform.ts': "import type { TapResult } from '../../platform/webNfc';\nexport type X = TapResult;\n",
  'src/cards/lazyUp.ts': "export const load = () => import('../worker/Engine');\n",
  'src/cards/lazyAnything.ts': 'export const load = (name: string) => import(name);\n',
  'src/worker/staticSimulator.ts': "import { SimulatedCard } from '../simulator';\nexport const x = SimulatedCard;\n",
  'src/worker/lazySimulator.ts': "export const load = async () => (await import('../simulator')).SimulatedCard;\n",
  'src/worker/staticSimulator.test.ts': "import { SimulatedCard } from '../simulator';\nexport const x = SimulatedCard;\n",
  'src/testing/reachesDown.ts': "import { hex } from '../bytes/hex';\nexport const x = hex;\n",
  'src/usb/usesFuzz.ts': "import { FUZZ_RUNS } from '../testing/fuzz';\nexport const x = FUZZ_RUNS;\n",
  'src/usb/usesFuzz.test.ts': "import { FUZZ_RUNS } from '../testing/fuzz';\nexport const x = FUZZ_RUNS;\n",
  'src/simulator/lazyCards.ts': "export const load = () => import('../cards/mynumber/pin');\n",
  'src/main.tsx': "import { Engine } from './worker/Engine';\nimport { EngineSupervisor } from './client/EngineSupervisor';\nimport { hex } from './bytes/hex';\nexport const x = [Engine, EngineSupervisor, hex];\nexport const sim = () => import('./simulator');\n",
  'src/ui/components/Lazy/lazySimulator.tsx': "export const load = () => import('../../../simulator/SimulatedCard');\n",
  'src/ui/components/Lazy/templateSimulator.tsx': 'export const load = () => import(`../../../simulator`);\n',
  'src/cards/lazySimulator.ts': "export const load = () => import('../simulator');\n",
  'src/cards/reexportUp.ts': "export { Engine } from '../worker/Engine';\n",
  'src/worker/lazyUi.ts': "export const load = () => import('../ui/App');\n",
  'src/testing/lazyBytes.ts': "export const load = () => import('../bytes/hex');\n",
  'src/protocol/reachesDown.ts': "import type { CardErrorCode } from '../cards/mynumber/errors';\nexport type X = CardErrorCode;\n",
  'src/ui/store/goodProtocol.ts': "import type { ErrorCode } from '../../protocol';\nimport type { ReaderView } from '../../protocol/readers';\nexport type X = ErrorCode | ReaderView;\n",
  'src/worker/reachesClient.ts': "import { EngineClient } from '../client/EngineClient';\nexport const x = EngineClient;\n",
  'src/worker/reachesClient.test.ts': "import { EngineClient } from '../client/EngineClient';\nexport const x = EngineClient;\n",
  'src/client/reachesWorker.ts': "import { Engine } from '../worker/Engine';\nexport const x = Engine;\n",
  'src/client/reachesWorker.test.ts': "import { Engine } from '../worker/Engine';\nimport { SimulatedCard } from '../simulator';\nexport const x = [Engine, SimulatedCard];\n",
  'src/client/reachesCards.test.ts': "import { PIN_RULES } from '../cards/mynumber/pin';\nexport const x = PIN_RULES;\n",
  'src/worker/goodProtocol.ts': "import type { ErrorCode } from '../protocol';\nexport type X = ErrorCode;\n",
};

let copy: string;
let results: Map<string, string[]>;
let policy: ImportPolicy;

/** Rule ids that fired on a case file, by line. */
const fired = (file: string) => results.get(file) ?? [];

beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), 'mynalens-lint-'));
  copyFileSync(join(repoRoot, 'eslint.config.js'), join(copy, 'eslint.config.js'));
  symlinkSync(realpathSync(join(repoRoot, 'node_modules')), join(copy, 'node_modules'), 'dir');
  for (const [file, text] of Object.entries(CASES)) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    writeFileSync(join(copy, file), text);
  }
  // The copy's config (the repo's, byte for byte): typescript-eslint takes its root from the one config it sees.
  policy = await importPolicyOf(join(copy, 'eslint.config.js'));
  const eslint = new ESLint({ cwd: copy });
  const linted = await eslint.lintFiles(Object.keys(CASES));
  results = new Map(
    linted.map((result) => [
      result.filePath.slice(copy.length + 1),
      // A file that does not parse must not pass for a file that lints clean.
      result.messages.filter((m) => m.fatal === true || m.ruleId?.startsWith('no-restricted')).map((m) => `${m.line}:${m.ruleId ?? m.message}`),
    ]),
  );
}, 60_000);

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('the layer rules fire on a violating file', () => {
  it('a static import up or across the chain', () => {
    expect(fired('src/ui/components/Bad/Bad.tsx')).toEqual(['1:no-restricted-imports']);
  });

  it('the UI reaches platform only through smartCard and webNfc', () => {
    expect(fired('src/ui/store/badPlatform.ts')).toEqual(['1:no-restricted-imports']);
    expect(fired('src/ui/store/goodPlatform.ts')).toEqual([]);
  });

  it('a dynamic import() up the chain, and one whose module is not a literal', () => {
    expect(fired('src/cards/lazyUp.ts')).toEqual(['1:no-restricted-syntax']);
    expect(fired('src/cards/lazyAnything.ts')).toEqual(['1:no-restricted-syntax']);
    expect(fired('src/simulator/lazyCards.ts')).toEqual(['1:no-restricted-syntax']);
    expect(fired('src/worker/lazyUi.ts')).toEqual(['1:no-restricted-syntax']);
    expect(fired('src/testing/lazyBytes.ts')).toEqual(['1:no-restricted-syntax']);
  });

  it('a dynamic import() of the simulator from a layer that may not import it, literal or template', () => {
    expect(fired('src/ui/components/Lazy/lazySimulator.tsx')).toEqual(['1:no-restricted-syntax']);
    expect(fired('src/ui/components/Lazy/templateSimulator.tsx')).toEqual(['1:no-restricted-syntax']);
    expect(fired('src/cards/lazySimulator.ts')).toEqual(['1:no-restricted-syntax']);
  });

  it('a re-export is an import too', () => {
    expect(fired('src/cards/reexportUp.ts')).toEqual(['1:no-restricted-imports']);
  });

  it('the worker loads the simulator lazily (the sanctioned seam), statically only in tests', () => {
    expect(fired('src/worker/staticSimulator.ts')).toEqual(['1:no-restricted-imports']);
    expect(fired('src/worker/lazySimulator.ts')).toEqual([]);
    expect(fired('src/worker/staticSimulator.test.ts')).toEqual([]);
  });

  it('src/testing imports nothing of the app, and only tests import it', () => {
    expect(fired('src/testing/reachesDown.ts')).toEqual(['1:no-restricted-imports']);
    expect(fired('src/usb/usesFuzz.ts')).toEqual(['1:no-restricted-imports']);
    expect(fired('src/usb/usesFuzz.test.ts')).toEqual([]);
  });

  it('protocol/ imports nothing of the app; the UI and the worker import all of it', () => {
    expect(fired('src/protocol/reachesDown.ts')).toEqual(['1:no-restricted-imports']);
    expect(fired('src/ui/store/goodProtocol.ts')).toEqual([]);
    expect(fired('src/worker/goodProtocol.ts')).toEqual([]);
  });

  it('one folder per side of the thread boundary: each side reaches the other only in tests', () => {
    expect(fired('src/worker/reachesClient.ts')).toEqual(['1:no-restricted-imports']);
    expect(fired('src/worker/reachesClient.test.ts')).toEqual([]);
    expect(fired('src/client/reachesWorker.ts')).toEqual(['1:no-restricted-imports']);
    expect(fired('src/client/reachesWorker.test.ts')).toEqual([]);
    expect(fired('src/client/reachesCards.test.ts')).toEqual(['1:no-restricted-imports']);
  });

  it('main.tsx wires the engine only through its main-thread side', () => {
    expect(fired('src/main.tsx')).toEqual(['1:no-restricted-imports', '3:no-restricted-imports', '5:no-restricted-syntax']);
  });
});

/** The "may import" column of docs/architecture.md: the names before any "—", or none for "nothing". */
function documentedImports(): Map<string, string[]> {
  const table = new Map<string, string[]>();
  const doc = readFileSync(join(repoRoot, 'docs', 'architecture.md'), 'utf8');
  for (const match of doc.matchAll(/^\| `src\/([\w.]+?)(?:\/mynumber)?\/?` \|.*\| ([^|]*) \|$/gm)) {
    const list = (match[2] ?? '').split(' — ')[0]?.trim() ?? '';
    table.set(match[1] ?? '', list === 'nothing' ? [] : list.split(/,\s*/));
  }
  return table;
}

describe('docs/architecture.md states the lint exactly', () => {
  it('lists, for every folder and main.tsx, what the lint lets it import', () => {
    const documented = documentedImports();
    const linted = new Map<string, readonly string[]>(
      policy.FOLDERS.map((folder) => [folder, folder === 'ui' ? policy.UI_ENTRY_POINTS : (policy.mayImport[folder] ?? [])]),
    );
    linted.set('main.tsx', policy.MAIN_MAY_IMPORT);
    const sorted = (map: ReadonlyMap<string, readonly string[]>) =>
      Object.fromEntries([...map].map(([key, list]) => [key, [...list].sort()]).sort(([a], [b]) => String(a).localeCompare(String(b))));
    expect(sorted(documented)).toEqual(sorted(linted));
  });
});
