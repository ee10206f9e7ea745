import type { ApduLogRow } from '../../protocol';

/**
 * How much of the APDU log the page keeps to show. A session has a few hundred rows; a hostile
 * transcript can make thousands, each with up to 64 KB of hex, and rendering them all froze the
 * page. The newest rows are kept and the rest counted ("N earlier rows not shown"); the engine
 * still holds every row, so "Export transcript" stays complete.
 */
export const LOG_ROWS_SHOWN = 500;
/**
 * Characters of command and response hex kept to show: a whole real session's log is about
 * 40 000, the longest possible row (64 KB of response) 196 607. More made every new row a
 * re-layout of a megabyte of text, and the page stalled past 100 ms.
 */
export const LOG_CHARS_SHOWN = 256 * 1024;

/** The log shown and how many earlier rows were dropped from it. */
export interface LogWindow {
  readonly log: readonly ApduLogRow[];
  readonly logHidden: number;
}

const charsOf = (row: ApduLogRow) => row.command.length + row.responseData.length;

/** Adds the newest row, dropping the oldest until both caps hold again (the newest row always stays). */
export function appendLogRow(window: LogWindow, row: ApduLogRow): LogWindow {
  return appendLogRows(window, [row]);
}

/**
 * Adds rows in order, as `appendLogRow` one by one would, in one pass: a frame's worth of rows
 * (ui/store/eventBatcher.ts) costs one copy of the window, not one per row.
 */
export function appendLogRows(window: LogWindow, rows: readonly ApduLogRow[]): LogWindow {
  if (rows.length === 0) return window;
  const log = [...window.log, ...rows];
  let chars = log.reduce((sum, r) => sum + charsOf(r), 0);
  let drop = 0;
  while (drop < log.length - 1 && (log.length - drop > LOG_ROWS_SHOWN || chars > LOG_CHARS_SHOWN)) {
    chars -= charsOf(log[drop]!);
    drop++;
  }
  return { log: drop === 0 ? log : log.slice(drop), logHidden: window.logHidden + drop };
}
