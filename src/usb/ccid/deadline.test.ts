import { describe, expect, it } from 'vitest';
import { Deadline } from './deadline';

describe('Deadline (one per APDU, issue 15 §3)', () => {
  it('starts with the budget and counts down', () => {
    let now = 1000;
    const deadline = new Deadline(300, 1000, () => now);
    expect(deadline.remaining()).toBe(300);
    now += 250;
    expect(deadline.remaining()).toBe(50);
  });

  it('a time extension moves it to at least that long from now', () => {
    let now = 0;
    const deadline = new Deadline(300, 1000, () => now);
    now = 250;
    deadline.extend(200);
    expect(deadline.remaining()).toBe(200);
    // A shorter extension never brings it earlier.
    deadline.extend(10);
    expect(deadline.remaining()).toBe(200);
  });

  it('never past the stated maximum, however often the card asks', () => {
    let now = 0;
    const deadline = new Deadline(300, 1000, () => now);
    for (now = 0; now < 2000; now += 100) deadline.extend(500);
    expect(deadline.remaining()).toBeLessThanOrEqual(0);
  });

  it('a maximum below the budget caps the budget too', () => {
    const deadline = new Deadline(30_000, 500, () => 0);
    expect(deadline.remaining()).toBe(500);
  });
});
