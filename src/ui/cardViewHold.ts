import { useEffect, useState } from 'react';

/**
 * How long a scan that starts with a connection keeps the card view back, showing only its
 * progress. A scan that ends sooner — the simulator's, a transcript's — then draws the card view
 * once, whole, instead of drawing every file as unread and redrawing it as each is read (issue
 * "speed to the physical limit" §3: those drawings were most of the page's work, and nobody can
 * read a view that changes within a fifth of a second). A reader's scan, seconds long, shows its
 * files arriving from then on.
 */
export const CARD_VIEW_HOLD_MS = 200;

/**
 * Whether the card view is shown: never without a connection; once shown, until the connection
 * ends (a second scan of the same card keeps it in place); else as soon as no scan is running or
 * the hold has run out.
 */
export function cardViewShown(shownBefore: boolean, connected: boolean, scanning: boolean, holdRunOut: boolean): boolean {
  if (!connected) return false;
  return shownBefore || !scanning || holdRunOut;
}

/** `cardViewShown` over time: the hold starts when a connection's first scan does. */
export function useCardViewShown(connected: boolean, scanning: boolean): boolean {
  const [shownBefore, setShownBefore] = useState(false);
  const [holdRunOut, setHoldRunOut] = useState(false);
  const shown = cardViewShown(shownBefore, connected, scanning, holdRunOut);
  // Derived state, kept in step during render (React re-renders at once, before committing).
  if (shown !== shownBefore) setShownBefore(shown);
  if (!connected && holdRunOut) setHoldRunOut(false);
  const holding = connected && scanning && !shown;
  useEffect(() => {
    if (!holding) return;
    const timer = setTimeout(() => setHoldRunOut(true), CARD_VIEW_HOLD_MS);
    return () => clearTimeout(timer);
  }, [holding]);
  return shown;
}
