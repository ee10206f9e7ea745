import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeProblems, findCitationProblems, resolveInRepo, sectionIds, type RepoView } from './citations';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where citations live: code, scripts, journeys, the bridge, CI, the README, the docs and the root configs. */
const SCANNED = ['src', 'scripts', 'e2e', 'bridge', '.ci', 'public', 'docs', 'README.md', 'index.html', 'package.json'];
const SCANNED_ROOT_FILE = /\.config\.(ts|js)$/;
/** Text files by extension, and CI's extensionless entry scripts. */
const TEXT_FILE = /\.(ts|tsx|js|mjs|md|sh|html|json|txt)$|^\.ci\/[\w-]+$/;
/** The checker and this test spell out the old forms on purpose (as patterns and examples). */
const SELF = new Set(['scripts/docs/citations.ts', 'scripts/docs/citations.test.ts']);

function filesUnder(path: string): string[] {
  const absolute = join(repoRoot, path);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return [path];
  return readdirSync(absolute).flatMap((entry) => filesUnder(`${path}/${entry}`));
}

function repoView(): RepoView {
  const sections = new Map<string, Set<string>>();
  for (const doc of readdirSync(join(repoRoot, 'docs')).filter((name) => name.endsWith('.md'))) {
    sections.set(`docs/${doc}`, sectionIds(readFileSync(join(repoRoot, 'docs', doc), 'utf8')));
  }
  return { sections, exists: (path) => existsSync(join(repoRoot, path)) };
}

const fakeRepo: RepoView = {
  sections: new Map([
    ['docs/card-reference.md', new Set(['7', '7.4', '9', '9.4', '13', '13.4'])],
    ['docs/test-rigs.md', new Set(['A', 'A.4', 'B', 'B.8'])],
  ]),
  exists: (path) => ['src/cards/mynumber/shared/fields.ts', 'docs/architecture.md'].includes(path),
};

const problemsIn = (text: string, file = 'src/x.ts') => findCitationProblems(file, text, fakeRepo);

describe('section ids from headings', () => {
  it('reads numbered and lettered headings, with or without a trailing dot', () => {
    const ids = sectionIds('# Title\n## 0. Summary\n### 7.4 Integrity\n## A. Rig A\n### B.5 lsusb\n#### 13.1 Detect\nno ## 9 here');
    expect([...ids].sort()).toEqual(['0', '13.1', '7.4', 'A', 'B.5']);
  });
});

describe('citation checks', () => {
  it('accepts a citation whose page and sections exist, including a list and a wrapped comment', () => {
    expect(problemsIn('/** (docs/card-reference.md §7.4, §9.4 and §13) */')).toEqual([]);
    expect(problemsIn(' * foo (docs/card-reference.md\n * §13.4): bar')).toEqual([]);
    expect(problemsIn('see `docs/test-rigs.md` §B.8 and docs/architecture.md, "The chain"')).toEqual([]);
  });

  it('reports a missing section, naming the page and the section', () => {
    const [problem, ...rest] = problemsIn('// docs/card-reference.md §7.9');
    expect(rest).toEqual([]);
    expect(problem?.fix).toContain('no section §7.9');
    expect(problemsIn('// docs/card-reference.md §7.4–§7.12').map((p) => p.fix)).toEqual([
      'docs/card-reference.md has no section §7.12: cite a heading it has, or add the section',
    ]);
  });

  it('reports a page that does not exist', () => {
    expect(problemsIn('// docs/card-protocol.md §3')[0]?.fix).toContain('does not exist');
  });

  it('reports every old form with the way to write it now', () => {
    const text = [
      '/** card reference §7.4 */',
      '// (card reference\n * §9.4)',
      "it('decodes the ATR (spec §1)')",
      '// browser-platform.md §3.3',
      '// test-rigs.md Rig A',
      '// peers §5',
      '// ../shared/spec/mynumber-card.md',
      '// ../research/aesthetics.md',
    ].join('\n');
    const problems = problemsIn(text);
    expect(problems.map((p) => p.line)).toEqual(expect.arrayContaining([1, 2, 4, 5, 6, 7, 8, 9]));
    expect(problems.every((p) => p.fix.length > 0)).toBe(true);
    expect(problems.find((p) => p.line === 1)?.fix).toBe('write `docs/card-reference.md §N`');
  });

  it('reports the old forms however they are cased, wrapped or shortened', () => {
    const cases = [
      '// Card reference §13.1, with the token label padded',
      ' * the empty VERIFY that spends nothing (card\n * reference §2, §13.2).',
      ' * which WebUSB keeps from plain pages: browser-platform\n * §1, §3.3)',
      '// see test-rigs §B.8',
      '/** default 64 (EZ Sign RC-S300 notes §9.1). */',
    ];
    for (const text of cases) expect(problemsIn(text), text).toHaveLength(1);
    expect(problemsIn('// docs/test-rigs.md §B.8 and docs/card-reference.md\n * §13.4')).toEqual([]);
  });

  it('leaves other standards and in-repo `../shared` imports alone', () => {
    expect(problemsIn('/** PNG spec §11.2.2, CCID spec §5.1, ISO/IEC 7816-4 §5.1 */')).toEqual([]);
    expect(problemsIn("import { x } from '../shared/fields';", 'src/cards/mynumber/text/a.ts')).toEqual([]);
    expect(problemsIn("import { x } from '../shared/missing';", 'src/cards/mynumber/text/a.ts')).toHaveLength(1);
  });

  it('exempts data that only looks like a citation when its line says so', () => {
    expect(problemsIn("message: 'card reference §13.4 test vector', // signed bytes, not a citation")).toEqual([]);
    expect(problemsIn("message: 'card reference §13.4 test vector',")).toHaveLength(1);
  });

  it('checks the card-reference sections a data row names', () => {
    expect(problemsIn("specSection: '§9.4, §13.4'")).toEqual([]);
    expect(problemsIn("specSection: '§9.4, §21'")[0]?.fix).toContain('§21');
  });

  it('resolves relative paths and refuses those that leave the repo', () => {
    expect(resolveInRepo('src/a/b/c.ts', '../shared/fields')).toBe('src/a/shared/fields');
    expect(resolveInRepo('README.md', '../shared/spec/x.md')).toBeNull();
  });
});

describe('the repository stands alone', () => {
  it('has no citation without an in-repo target and no reference to ../shared', () => {
    const repo = repoView();
    const files = [
      ...SCANNED.flatMap(filesUnder),
      ...readdirSync(repoRoot).filter((name) => SCANNED_ROOT_FILE.test(name)),
    ].filter((file) => TEXT_FILE.test(file) && !SELF.has(file) && !file.includes('node_modules'));
    expect(files.length).toBeGreaterThan(100);
    const problems = files.flatMap((file) =>
      findCitationProblems(relative(repoRoot, join(repoRoot, file)), readFileSync(join(repoRoot, file), 'utf8'), repo),
    );
    expect(problems, describeProblems(problems)).toEqual([]);
  });
});
