/**
 * Asks for `flush` to run once, soon: the browser's next animation frame in the app, a queued
 * callback in tests. The batcher never asks twice while a flush is pending.
 */
export type FrameScheduler = (flush: () => void) => void;

/**
 * How long a requested frame may take before a timer flushes instead: a hidden tab runs no
 * animation frames, and its events must not pile up until it is shown again.
 */
export const FRAME_FALLBACK_MS = 100;

/**
 * The app's scheduler: the next animation frame, so one frame shows everything the engine said
 * since the last, with a timer as the fallback where no frame comes (a hidden tab, Node). Whichever
 * runs first flushes; the other finds the queue empty.
 */
export const nextAnimationFrame: FrameScheduler = (flush) => {
  const visible = typeof document === 'undefined' || document.visibilityState !== 'hidden';
  if (typeof requestAnimationFrame === 'function' && visible) {
    const fallback = setTimeout(flush, FRAME_FALLBACK_MS);
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      flush();
    });
  } else {
    setTimeout(flush, 0);
  }
};

/** A queue of engine events applied together: `push` queues, `flush` applies everything queued, in order. */
export interface EventBatcher<E> {
  push(event: E): void;
  /** Applies every queued event now (before a request's result, before an action changes the state). */
  flush(): void;
}

/**
 * Queues events and hands them to `apply` in one call per frame (issue "speed to the physical
 * limit" §3: a scan's ~190 events, or a hostile transcript's thousands of log rows, each applied
 * and rendered on its own, stalled the page). Order is kept and nothing is dropped: `apply` gets
 * every event pushed since the last flush, oldest first.
 */
export function createEventBatcher<E>(apply: (events: readonly E[]) => void, schedule: FrameScheduler): EventBatcher<E> {
  let queue: E[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (queue.length === 0) return;
    const events = queue;
    queue = [];
    apply(events);
  };
  return {
    push(event) {
      queue.push(event);
      if (!scheduled) {
        scheduled = true;
        schedule(flush);
      }
    },
    flush,
  };
}
