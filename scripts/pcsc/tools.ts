/**
 * Running the PC/SC and OpenSC command-line tools with a time limit, with OpenSC configured so
 * that what it prints reflects the card and not a cache.
 */

import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from './processes';

/** The reader vpcd's first slot shows in PC/SC (Debian's /etc/reader.conf.d/vpcd). */
export const VPCD_READER_NAME = 'Virtual PCD 00 00';

/** OpenSC's PKCS#11 module on Debian amd64, for `pkcs11-tool --module`. */
export const OPENSC_PKCS11_MODULE = '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so';

/** What a tool did: its exit code (null if killed) and its output. */
export interface ToolResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Options for `runTool`. */
export interface RunToolOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

/**
 * Runs `file args…` (no shell) and resolves with its exit code and output; a non-zero exit is
 * a result, not an error, so callers can assert on it. Killed (by its PID) after `timeoutMs`.
 */
export function runTool(file: string, args: readonly string[], options: RunToolOptions = {}): Promise<ToolResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { env: options.env ?? process.env, timeout: options.timeoutMs ?? 20_000, encoding: 'utf8', maxBuffer: 4 << 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr, ms: Date.now() - started });
      },
    );
  });
}

/**
 * Writes an opensc.conf into `dir` that turns OpenSC's file cache off, and returns the
 * environment that makes the tools use it (and keeps any cache they still write in `dir`).
 */
export function openscEnvironment(dir: string): NodeJS.ProcessEnv {
  const conf = join(dir, 'opensc.conf');
  const cache = join(dir, 'cache');
  mkdirSync(cache, { recursive: true });
  writeFileSync(
    conf,
    [
      '# Written by scripts/pcsc/tools.ts: every run reads the card itself, never a cached copy.',
      'app default {',
      '  framework pkcs15 {',
      '    use_file_caching = false;',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  return { ...process.env, OPENSC_CONF: conf, XDG_CACHE_HOME: cache };
}

/**
 * Polls `opensc-tool -l` until `readerName` shows a card ("Yes" in the Card column). Rejects
 * after `timeoutMs` with the last listing, which says what PC/SC did see.
 */
export async function waitForCardInReader(readerName: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const result = await runTool('opensc-tool', ['-l'], { env, timeoutMs: 10_000 });
    last = result.stdout + result.stderr;
    if (cardPresent(last, readerName)) return;
    await sleep(200);
  }
  throw new Error(`no card in "${readerName}" after ${timeoutMs} ms; opensc-tool -l said:\n${last}`);
}

/** True if an `opensc-tool -l` listing shows a card in `readerName`. */
export function cardPresent(listing: string, readerName: string): boolean {
  return listing.split('\n').some((line) => line.trimEnd().endsWith(readerName) && /^\s*\d+\s+Yes\b/.test(line));
}
