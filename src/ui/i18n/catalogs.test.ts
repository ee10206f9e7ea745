import { describe, expect, it } from 'vitest';
import { EN_PARTS, en } from './en';
import { JA_PARTS, ja } from './ja';

/**
 * The catalogs are combined from one part a subject by spreading; a key two parts both held would
 * silently take the later part's text, so the parts must not overlap. That a Japanese part lacks no
 * key of its English part is the type checker's job (`CatalogPart`).
 */
describe('the catalogs, combined from one part a subject', () => {
  for (const [language, parts, catalog] of [['en', EN_PARTS, en], ['ja', JA_PARTS, ja]] as const) {
    it(`${language}: no two parts share a key`, () => {
      const keys = parts.flatMap((part) => Object.keys(part));
      expect(keys.length).toBe(new Set(keys).size);
      expect(Object.keys(catalog).length).toBe(keys.length);
    });
  }

  it('every part of one language has its counterpart in the other, subject by subject', () => {
    const plain = (part: object) => Object.keys(part).filter((k) => !k.endsWith('.one'));
    expect(JA_PARTS.map(plain)).toEqual(EN_PARTS.map(plain));
  });
});
