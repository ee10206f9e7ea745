import { describe, expect, it } from 'vitest';
import { PINS, PIN_IDS } from '../cards/mynumber/pin';
import { pinStateView } from './pinViews';

describe('pinStateView: tries as facts only', () => {
  it('gives the maximum only for the PINs whose maximum the sources establish (docs/card-reference.md §10, §15.7)', () => {
    for (const id of PIN_IDS) {
      const view = pinStateView(id, null, false);
      expect(view.maxTries).toBe(PINS[id].maxTriesConfirmed ? PINS[id].maxTries : null);
    }
    expect(pinStateView('textPinA', null, false).maxTries).toBeNull();
    expect(pinStateView('jpkiAuth', null, false).maxTries).toBe(3);
  });

  it('passes on the count the card gave for an unverified key, whatever its maximum', () => {
    const view = pinStateView('textPinA', { pinId: 'textPinA', maxTries: 10, triesLeft: 7, blocked: false, verified: false }, false);
    expect(view.triesLeft).toBe(7);
  });

  it('does not turn "verified" into a count when the maximum it would be reset to is not established', () => {
    const unconfirmed = pinStateView('visualBirth', { pinId: 'visualBirth', maxTries: 10, triesLeft: 10, blocked: false, verified: true }, true);
    expect(unconfirmed).toMatchObject({ triesLeft: null, maxTries: null, verified: true });
    const confirmed = pinStateView('jpkiAuth', { pinId: 'jpkiAuth', maxTries: 3, triesLeft: 3, blocked: false, verified: true }, true);
    expect(confirmed).toMatchObject({ triesLeft: 3, maxTries: 3, verified: true });
  });
});
