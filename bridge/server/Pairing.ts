/**
 * Pairing the bridge with one web app: the bridge prints a one-time code; the person types it
 * once into the app; the bridge answers with a token bound to that page's Origin. From then on
 * it accepts only that origin presenting that token (the page keeps it; the bridge keeps only
 * its SHA-256, in a file only the user can read, so a restart needs no new pairing). A new
 * pairing replaces the old one. Five wrong codes retire the code and a new one is printed, so
 * guessing 8 digits is hopeless.
 */

import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where the pairing lives between runs; `null` keeps it in memory only (tests). */
export interface PairingStore {
  load(): { origin: string; tokenSha256: string } | null;
  save(pairing: { origin: string; tokenSha256: string }): void;
}

/** A JSON file, written with mode 0600 in a directory of mode 0700. */
export function fileStore(path: string): PairingStore {
  return {
    load() {
      try {
        const value = JSON.parse(readFileSync(path, 'utf8')) as { origin?: unknown; tokenSha256?: unknown };
        if (typeof value.origin !== 'string' || typeof value.tokenSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(value.tokenSha256)) return null;
        return { origin: value.origin, tokenSha256: value.tokenSha256 };
      } catch {
        return null;
      }
    },
    save(pairing) {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      writeFileSync(path, `${JSON.stringify(pairing)}\n`, { mode: 0o600 });
    },
  };
}

export type PairResult = { ok: true; token: string } | { ok: false; reason: 'wrong-code' | 'code-retired' };
export type TokenCheck = 'ok' | 'not-paired' | 'wrong-token';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Digits only: the person may type the code with spaces or a hyphen, or in full-width digits. */
export function normaliseCode(input: string): string {
  return input.normalize('NFKC').replace(/[\s-]/g, '');
}

export class Pairing {
  private currentCode = '';
  private wrongTries = 0;
  private paired: { origin: string; tokenSha256: string } | null;

  constructor(
    private readonly options: {
      readonly store?: PairingStore | null;
      /** Told every new code (the bridge prints it). */
      readonly onNewCode: (code: string) => void;
      readonly maxWrongTries?: number;
      /** A fixed first code, for tests only. */
      readonly firstCode?: string;
    },
  ) {
    this.paired = options.store?.load() ?? null;
    this.newCode(options.firstCode);
  }

  /** The code as printed: two groups of four digits. */
  get code(): string {
    return `${this.currentCode.slice(0, 4)} ${this.currentCode.slice(4)}`;
  }

  /** The origin paired now, if any. */
  get pairedOrigin(): string | null {
    return this.paired?.origin ?? null;
  }

  private newCode(fixed?: string): void {
    this.currentCode = fixed ?? String(randomInt(0, 100_000_000)).padStart(8, '0');
    this.wrongTries = 0;
    this.options.onNewCode(this.code);
  }

  /** Pairs `origin` if `code` is the current one; the code is spent either way after too many tries. */
  pair(code: string, origin: string): PairResult {
    const given = Buffer.from(normaliseCode(code));
    const expected = Buffer.from(this.currentCode);
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      const token = randomBytes(32).toString('hex');
      this.paired = { origin, tokenSha256: sha256(token) };
      this.options.store?.save(this.paired);
      this.newCode(); // one-time: the code just used is gone
      return { ok: true, token };
    }
    this.wrongTries++;
    if (this.wrongTries >= (this.options.maxWrongTries ?? 5)) {
      this.newCode();
      return { ok: false, reason: 'code-retired' };
    }
    return { ok: false, reason: 'wrong-code' };
  }

  /** Whether `token` is the one issued to `origin`. */
  check(token: string, origin: string): TokenCheck {
    if (!this.paired) return 'not-paired';
    const given = Buffer.from(sha256(token), 'hex');
    const expected = Buffer.from(this.paired.tokenSha256, 'hex');
    return origin === this.paired.origin && timingSafeEqual(given, expected) ? 'ok' : 'wrong-token';
  }
}
