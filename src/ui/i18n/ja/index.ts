import type { Catalog } from '../en';
import { jaApp } from './app';
import { jaStart } from './start';
import { jaCard } from './card';
import { jaReaderCheck } from './readerCheck';
import { jaLog } from './log';
import { jaResults } from './results';
import { jaPins } from './pins';
import { jaCardNames } from './cardNames';
import { jaFiles } from './files';
import { jaServices } from './services';

/** 日本語の UI テキスト。主題ごとに 1 ファイル、キーは `en/` と同じ。 */
export const ja: Catalog = {
  ...jaApp,
  ...jaStart,
  ...jaCard,
  ...jaReaderCheck,
  ...jaLog,
  ...jaResults,
  ...jaPins,
  ...jaCardNames,
  ...jaFiles,
  ...jaServices,
};

/** 主題ごとの部分（2 つの部分が同じキーを持たないことを確かめるテスト用）。 */
export const JA_PARTS = [
  jaApp,
  jaStart,
  jaCard,
  jaReaderCheck,
  jaLog,
  jaResults,
  jaPins,
  jaCardNames,
  jaFiles,
  jaServices,
] as const;
