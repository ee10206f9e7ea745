/**
 * One deadline for everything one APDU (or one start-up command) takes (issue 15 §3): every
 * bulk write and read waits at most until it. A time extension — CCID's time-extension status
 * (§6.2.6) or T=1's S(WTX) (ISO/IEC 7816-3 §11.6.2.3) — moves it later, but never past `maxMs`
 * after the start, so a card that asks for more time for ever still ends in an error.
 */
export class Deadline {
  private end: number;
  private readonly limit: number;

  constructor(
    budgetMs: number,
    /** The stated maximum, time extensions included. */
    maxMs: number,
    private readonly now: () => number = Date.now,
  ) {
    const start = now();
    this.limit = start + maxMs;
    this.end = Math.min(start + budgetMs, this.limit);
  }

  /** Milliseconds left; 0 or less once it has passed. */
  remaining(): number {
    return this.end - this.now();
  }

  /** A time extension: at least `ms` from now, within the stated maximum. */
  extend(ms: number): void {
    this.end = Math.min(this.limit, Math.max(this.end, this.now() + ms));
  }
}
