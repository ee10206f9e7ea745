/** The width below which the page folds its long lists (styles.css uses the same 640 px breakpoint). */
const PHONE = '(max-width: 640px)';

/**
 * A `<details>` ref callback: the fold-out starts open where the screen is wide enough for its
 * content, and folded on a phone, where the matrix and the PIN list would otherwise run to
 * thousands of pixels before the log. Set once, on mount; after that the person decides.
 */
export function openWhenWide(element: HTMLDetailsElement | null): void {
  if (element && !element.dataset.initialised) {
    element.dataset.initialised = 'true';
    element.open = typeof matchMedia !== 'function' || !matchMedia(PHONE).matches;
  }
}
