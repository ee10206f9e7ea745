import { describe, expect, it } from 'vitest';
import type { ApduLogRow } from '../../protocol';
import { LOG_CHARS_SHOWN, LOG_ROWS_SHOWN, appendLogRow, appendLogRows, type LogWindow } from './logWindow';

const logRow = (seq: number, responseBytes = 0): ApduLogRow => ({
  seq,
  name: 'GET RESPONSE',
  nameParts: { instruction: 'GET RESPONSE' },
  command: '00 C0 00 00 00',
  responseData: '5A '.repeat(responseBytes).trimEnd(),
  sw: '6100',
  sensitive: false,
  elapsedMs: 0,
});

const EMPTY: LogWindow = { log: [], logHidden: 0 };

describe('appendLogRow: the APDU log the page keeps to show', () => {
  it('keeps every row of an ordinary session', () => {
    let window = EMPTY;
    for (let seq = 1; seq <= 300; seq++) window = appendLogRow(window, logRow(seq, 200));
    expect(window.log).toHaveLength(300);
    expect(window.logHidden).toBe(0);
  });

  it(`keeps the newest ${LOG_ROWS_SHOWN} rows and counts the rest`, () => {
    let window = EMPTY;
    for (let seq = 1; seq <= LOG_ROWS_SHOWN + 123; seq++) window = appendLogRow(window, logRow(seq));
    expect(window.log).toHaveLength(LOG_ROWS_SHOWN);
    expect(window.log[0]!.seq).toBe(124);
    expect(window.log.at(-1)!.seq).toBe(LOG_ROWS_SHOWN + 123);
    expect(window.logHidden).toBe(123);
  });

  it(`keeps at most ${LOG_CHARS_SHOWN} characters of hex, dropping the oldest rows`, () => {
    let window = EMPTY;
    // 64 KB responses: 196 607 characters of hex each, so only the newest fits.
    for (let seq = 1; seq <= 20; seq++) window = appendLogRow(window, logRow(seq, 65_536));
    const chars = window.log.reduce((sum, r) => sum + r.command.length + r.responseData.length, 0);
    expect(chars).toBeLessThanOrEqual(LOG_CHARS_SHOWN);
    expect(window.log.length + window.logHidden).toBe(20);
    expect(window.log.at(-1)!.seq).toBe(20);
    expect(window.logHidden).toBeGreaterThan(0);
  });

  it('always shows the newest row, however long', () => {
    const huge = { ...logRow(2), responseData: 'A'.repeat(LOG_CHARS_SHOWN + 1) };
    const window = appendLogRow(appendLogRow(EMPTY, logRow(1)), huge);
    expect(window.log.map((r) => r.seq)).toEqual([2]);
    expect(window.logHidden).toBe(1);
  });

  it('adding a frame of rows at once keeps what adding them one by one keeps', () => {
    const rows = Array.from({ length: LOG_ROWS_SHOWN + 40 }, (_, i) => logRow(i + 1, i % 7 === 0 ? 30_000 : 100));
    let oneByOne = EMPTY;
    for (const r of rows) oneByOne = appendLogRow(oneByOne, r);
    let batched = EMPTY;
    for (let i = 0; i < rows.length; i += 33) batched = appendLogRows(batched, rows.slice(i, i + 33));
    expect(batched.log.map((r) => r.seq)).toEqual(oneByOne.log.map((r) => r.seq));
    expect(batched.logHidden).toBe(oneByOne.logHidden);
  });
});
