import type { EngineEvent, EventsMessage } from '../protocol';

/** The most events one message carries, so no single message makes the page's handler stall. */
export const MAX_EVENTS_PER_MESSAGE = 64;

/**
 * Engine events leave the worker in batches (issue "speed to the physical limit" §3): a scan
 * raises about four events an APDU, and one message each cost both threads a task per event.
 * Events wait for the end of the worker's current task — so a reader's APDUs, each awaiting
 * USB, still show one by one — or until a batch is full, and `flush` sends them at once before
 * anything that must come after them (a request's answer: the page relies on a request's events
 * arriving before its answer).
 */
export class EventOutbox {
  private pending: EngineEvent[] = [];
  private scheduled = false;

  constructor(
    private readonly post: (message: EventsMessage) => void,
    private readonly schedule: (flush: () => void) => void = (flush) => void setTimeout(flush, 0),
  ) {}

  add(event: EngineEvent): void {
    this.pending.push(event);
    if (this.pending.length >= MAX_EVENTS_PER_MESSAGE) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      this.schedule(() => {
        this.scheduled = false;
        this.flush();
      });
    }
  }

  /** Sends what waits, in the order it was raised. */
  flush(): void {
    if (this.pending.length === 0) return;
    const events = this.pending;
    this.pending = [];
    this.post({ kind: 'events', events });
  }
}
