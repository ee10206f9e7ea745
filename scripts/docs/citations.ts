/**
 * Citation checks: every reference a comment or a doc makes to the project's reference pages must
 * land on a file and a section heading inside this repository. The repo stands alone — the team's
 * notes outside it (`../shared`) are not part of a clone, so nothing may point there.
 *
 * Pure functions over text; `citations.test.ts` runs them over the repository.
 */

/** One citation that does not resolve, with the line it sits on and how to fix it. */
export interface CitationProblem {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly fix: string;
}

/** What the checker needs to know about the repository. */
export interface RepoView {
  /** Section ids ("7.4", "A.4", "13") by doc path ("docs/card-reference.md"); absent = no such doc. */
  readonly sections: ReadonlyMap<string, ReadonlySet<string>>;
  /** Whether a repo-relative path exists (file or folder). */
  readonly exists: (repoPath: string) => boolean;
}

/** How each old citation form is written now. Shown in every failure. */
export const HOW_TO_CITE = [
  'Cite an in-repo page and a section heading it has, e.g. `docs/card-reference.md §7.4`.',
  'Old forms and what to write instead:',
  '  card reference §N, spec §N, mynumber-card.md §N, ../shared/spec/mynumber-card.md → docs/card-reference.md §N',
  '  browser-platform.md §N, ../shared/research/browser-platform.md                 → docs/browser-platform.md §N',
  '  test-rigs.md Rig A, test-rigs.md B.8, test-rigs.md §A.4                       → docs/test-rigs.md §A, §B.8, §A.4',
  '  peers §N                                                                       → docs/peers.md §N',
  '  browser-platform §N (no .md, no docs/), Card reference §N                      → docs/browser-platform.md §N, docs/card-reference.md §N',
  '  <someone\'s> notes §N (research notes outside the repo)                        → the docs/ section that states the fact',
  '  ../research/aesthetics.md                                                      → docs/aesthetics.md',
  'If the section you need is missing, add it to the page under the next free number (numbers never change).',
].join('\n');

/**
 * The section ids of a Markdown page, from headings that start with a number or a letter:
 * `## 7. Title` → "7", `### 7.4 Title` → "7.4", `## A. Rig A` → "A", `### B.5 …` → "B.5".
 */
export function sectionIds(markdown: string): Set<string> {
  const ids = new Set<string>();
  for (const match of markdown.matchAll(/^#{1,6}[ \t]+([A-Z]|\d+)((?:\.\d+)*)\.?[ \t]/gm)) {
    ids.add(`${match[1]}${match[2]}`);
  }
  return ids;
}

/** Between a page name and its `§`: spaces, a closing backtick, or a comment line break (` *`, `//`, `#`). */
const GAP = String.raw`\`?(?:[ \t]|\n[ \t]*(?:\*|\/\/|#)?[ \t]*)*`;
const SECTION = String.raw`§[ \t]?([A-Z]|\d+)((?:\.\d+)*)`;
/** A list after the first section: `, §9.4`, `–§9`, ` and §12`, `/§3`. */
const MORE_SECTIONS = String.raw`(?:[ \t]*(?:,|–|-|\/|and|or)[ \t]*§[ \t]?(?:[A-Z]|\d+)(?:\.\d+)*)*`;

const IN_REPO_CITATION = new RegExp(
  String.raw`(?<![\w/.:-])(docs\/[\w-]+\.md)(?:${GAP}(${SECTION}${MORE_SECTIONS}))?`,
  'g',
);

/** Old forms that name the reference without saying where it lives. */
const OLD_FORMS: readonly { readonly pattern: RegExp; readonly fix: string }[] = [
  { pattern: new RegExp(String.raw`\bcard${GAP}reference${GAP}§`, 'gi'), fix: 'write `docs/card-reference.md §N`' },
  { pattern: /(?<![A-Z0-9]{2,}[ \t])\bspec[ \t]*§/g, fix: 'write `docs/card-reference.md §N` (or name the standard, e.g. `PNG spec §N`)' },
  { pattern: /(?<![\w/-])(mynumber-card|card-protocol)\.md/g, fix: 'write `docs/card-reference.md §N`' },
  { pattern: /(?<![\w/-])(browser-platform|test-rigs|aesthetics)\.md/g, fix: 'prefix the page with `docs/` and cite a section: `docs/<page>.md §N`' },
  { pattern: /(?<![\w/-])peers(\.md)?[ \t]*§/g, fix: 'write `docs/peers.md §N`' },
  {
    pattern: new RegExp(String.raw`(?<![\w/.-])(browser-platform|test-rigs|aesthetics|card-reference)${GAP}§`, 'g'),
    fix: 'write the page as `docs/<page>.md §N`',
  },
  {
    pattern: new RegExp(String.raw`\bnotes${GAP}§`, 'gi'),
    fix: 'notes are not in the repo: cite the docs/ section that states the fact with its public source (add it if missing)',
  },
];

/** Relative paths into the team's notes folders; they may only stand if they resolve inside the repo. */
const RELATIVE_NOTES_PATH = /(?:\.\.\/)+(?:shared|spec|research)(?:\/[\w.@-]+)*/g;

/** Resolves `relative` against the folder of `file` (both repo-relative); null if it leaves the repo. */
export function resolveInRepo(file: string, relative: string): string | null {
  const parts = file.split('/').slice(0, -1);
  for (const part of relative.split('/')) {
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else if (part !== '.' && part !== '') {
      parts.push(part);
    }
  }
  return parts.join('/');
}

const MODULE_SUFFIXES = ['', '.ts', '.tsx', '.js', '.mjs', '/index.ts'];

/**
 * Data that merely contains words like "card reference §13.4" (a message a test vector signs, whose
 * hash is fixed) is exempt when its line says so with the words `not a citation`.
 */
export const EXEMPT_MARK = 'not a citation';

function onMarkedLine(text: string, offset: number): boolean {
  const start = text.lastIndexOf('\n', offset) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? undefined : end).includes(EXEMPT_MARK);
}

/** The 1-based line of an offset in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function sectionsIn(list: string): string[] {
  return [...list.matchAll(/§[ \t]?((?:[A-Z]|\d+)(?:\.\d+)*)/g)].map((m) => m[1] ?? '');
}

/** Every citation problem in one file's text. */
export function findCitationProblems(file: string, text: string, repo: RepoView): CitationProblem[] {
  const problems: CitationProblem[] = [];
  const report = (offset: number, found: string, fix: string) =>
    problems.push({ file, line: lineAt(text, offset), text: found.replace(/\s+/g, ' ').trim(), fix });

  for (const match of text.matchAll(IN_REPO_CITATION)) {
    const [found, page = '', list] = match;
    const sections = repo.sections.get(page);
    if (!sections) {
      if (!repo.exists(page)) report(match.index, found, `${page} does not exist in the repo; cite one of ${[...repo.sections.keys()].join(', ')}`);
      continue;
    }
    for (const id of list ? sectionsIn(list) : []) {
      if (!sections.has(id)) report(match.index, found, `${page} has no section §${id}: cite a heading it has, or add the section`);
    }
  }

  for (const { pattern, fix } of OLD_FORMS) {
    for (const match of text.matchAll(pattern)) {
      const before = text.slice(Math.max(0, match.index - 5), match.index);
      if (before.endsWith('docs/') || onMarkedLine(text, match.index)) continue;
      report(match.index, match[0], fix);
    }
  }

  for (const match of text.matchAll(RELATIVE_NOTES_PATH)) {
    const target = resolveInRepo(file, match[0]);
    const resolves = target !== null && MODULE_SUFFIXES.some((suffix) => repo.exists(`${target}${suffix}`));
    if (!resolves) report(match.index, match[0], 'points outside the repository; cite the in-repo page instead (see below)');
  }

  for (const match of text.matchAll(/specSection:\s*'([^']*)'/g)) {
    const sections = repo.sections.get('docs/card-reference.md') ?? new Set<string>();
    for (const id of sectionsIn(match[1] ?? '')) {
      if (!sections.has(id)) report(match.index, match[0], `docs/card-reference.md has no section §${id}`);
    }
  }

  return problems;
}

/** The failure text: each problem on its own line, then how to cite. */
export function describeProblems(problems: readonly CitationProblem[]): string {
  const lines = problems.map((p) => `${p.file}:${p.line}: "${p.text}" — ${p.fix}`);
  return `${problems.length} citation(s) do not resolve inside the repo:\n${lines.join('\n')}\n\n${HOW_TO_CITE}`;
}
