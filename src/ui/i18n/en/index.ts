import { enApp } from './app';
import { enStart } from './start';
import { enCard } from './card';
import { enReaderCheck } from './readerCheck';
import { enLog } from './log';
import { enResults } from './results';
import { enPins } from './pins';
import { enCardNames } from './cardNames';
import { enFiles } from './files';
import { enServices } from './services';

/**
 * English UI text, one file a subject (keys are shared with `ja/`, whose parts are typed against these,
 * so the type checker keeps the two in step). `cardNames.ts` names what the engine sends as keys: each
 * file (`file.<row key>`), PIN (`pin.name.<pinId>`), decoded field (`field.<key>`) and image (`image.<key>`).
 */
export const en = {
  ...enApp,
  ...enStart,
  ...enCard,
  ...enReaderCheck,
  ...enLog,
  ...enResults,
  ...enPins,
  ...enCardNames,
  ...enFiles,
  ...enServices,
} as const;

/** Each subject's part, for the test that no two parts share a key (a later spread would silently win). */
export const EN_PARTS = [
  enApp,
  enStart,
  enCard,
  enReaderCheck,
  enLog,
  enResults,
  enPins,
  enCardNames,
  enFiles,
  enServices,
] as const;

/** A key the UI asks for; `key.one` entries are plural forms `translate` picks by itself (a language without them needs none). */
export type MessageKey = Exclude<keyof typeof en, `${string}.one`>;

/** A language's catalog: every message, and plural forms where the language has them. */
export type Catalog = Record<MessageKey, string> & Partial<Record<`${MessageKey}.one`, string>>;
