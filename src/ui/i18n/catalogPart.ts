/**
 * One subject's messages in another language, typed against the English part of the same subject:
 * every key it has, plural forms (`key.one`) only where the language has them. A missing key fails to
 * compile in the part itself, before the catalogs are combined.
 */
export type CatalogPart<English> = Record<Exclude<keyof English, `${string}.one`>, string> &
  Partial<Record<Extract<keyof English, `${string}.one`>, string>>;
