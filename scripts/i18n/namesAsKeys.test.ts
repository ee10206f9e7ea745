import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The card's names cross the worker boundary as keys, never as display text in two languages
 * (docs/architecture.md "Languages"): no type or object anywhere in the app carries a `nameJa`,
 * `labelJa` or `titleJa`, and no component picks its words by comparing the language — words come
 * from the catalogs, so a third language is a third catalog.
 */
const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function matches(files: readonly string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) ? [`${relative('.', file)}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('names as keys', () => {
  it('nothing in src/ carries a bilingual name pair (nameJa, labelJa, titleJa)', () => {
    expect(matches(sources('src'), /\b(name|label|title)Ja\b/)).toEqual([]);
  });

  it('no component picks its words by the language (the language switch, a button a language, aside)', () => {
    const components = sources('src/ui/components').filter((file) => !file.includes('LanguageSwitch'));
    expect(matches(components, /language\s*===?\s*['"]|['"]\s*===?\s*language\b/)).toEqual([]);
  });
});
