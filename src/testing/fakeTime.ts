import { expect, vi } from 'vitest';

/**
 * Bounded-time assertions that do not depend on how fast the machine is. Under fake timers
 * (`vi.useFakeTimers()`), the clock moves only when the test moves it, so "ends within N ms"
 * means "ends within N ms of the code's own timers", however loaded the machine.
 */

/**
 * Advances fake time by up to `ms`, in steps, until `work` settles; fails if it has not settled
 * by then. Returns the settled promise so the caller can assert its value or error.
 */
export async function settlesWithin<T>(ms: number, work: Promise<T>, stepMs = 5): Promise<T> {
  let settled = false;
  work.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let advanced = 0; !settled && advanced < ms; advanced += stepMs) {
    await vi.advanceTimersByTimeAsync(Math.min(stepMs, ms - advanced));
  }
  await vi.advanceTimersByTimeAsync(0);
  expect(settled, `still pending after ${ms} ms of fake time`).toBe(true);
  return work;
}

/** Advances fake time in steps until `condition` holds, failing after `ms`. */
export async function waitUntil(condition: () => boolean, ms: number, stepMs = 5): Promise<void> {
  for (let advanced = 0; !condition() && advanced < ms; advanced += stepMs) {
    await vi.advanceTimersByTimeAsync(stepMs);
  }
  expect(condition(), `condition still false after ${ms} ms of fake time`).toBe(true);
}
