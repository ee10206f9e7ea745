import { describe, expect, it } from 'vitest';
import { cardViewShown } from './cardViewHold';

describe('cardViewShown', () => {
  it('shows nothing of a card without a connection', () => {
    for (const shownBefore of [false, true]) for (const scanning of [false, true]) for (const runOut of [false, true]) {
      expect(cardViewShown(shownBefore, false, scanning, runOut)).toBe(false);
    }
  });

  it("holds the view back while a connection's first scan runs, until the hold runs out", () => {
    expect(cardViewShown(false, true, true, false)).toBe(false);
    expect(cardViewShown(false, true, true, true)).toBe(true);
  });

  it('shows it as soon as no scan runs: the scan ended, failed, or never started', () => {
    expect(cardViewShown(false, true, false, false)).toBe(true);
  });

  it('keeps a shown view in place through a second scan of the same card', () => {
    expect(cardViewShown(true, true, true, false)).toBe(true);
  });
});
