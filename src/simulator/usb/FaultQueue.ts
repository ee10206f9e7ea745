/**
 * The one-shot faults an emulated reader is told to commit, in order. `inject` queues a fault for
 * the next place it fits; `injectAfter` holds one back until that many more exchanges (XfrBlocks,
 * frames over the air) have passed — counted by `countExchange`; `take` uses up the first queued
 * fault of a kind, so a test says exactly where its fault falls.
 */
export class FaultQueue<F extends { readonly kind: string }> {
  private readonly queued: F[] = [];
  private readonly delayed: { remaining: number; readonly fault: F }[] = [];

  /** Faults queued and not used yet (tests check theirs was). */
  get pending(): readonly F[] {
    return this.queued;
  }

  inject(fault: F): void {
    this.queued.push(fault);
  }

  injectAfter(exchanges: number, fault: F): void {
    this.delayed.push({ remaining: exchanges, fault });
  }

  /** One more exchange went by: held-back faults due now join the queue. */
  countExchange(): void {
    for (const held of this.delayed.splice(0)) {
      if (held.remaining <= 0) this.queued.push(held.fault);
      else this.delayed.push({ remaining: held.remaining - 1, fault: held.fault });
    }
  }

  /** Removes and returns the first queued fault of this kind, if any. */
  take<K extends F['kind']>(kind: K): Extract<F, { kind: K }> | null {
    const index = this.queued.findIndex((f) => f.kind === kind);
    if (index < 0) return null;
    return this.queued.splice(index, 1)[0] as Extract<F, { kind: K }>;
  }
}
