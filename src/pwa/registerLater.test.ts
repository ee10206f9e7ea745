import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerLater, type LoadingWindow } from './registerLater';

/** A window that has not loaded yet; `load()` fires its load listeners. */
function loadingWindow(readyState: DocumentReadyState = 'loading') {
  const listeners: (() => void)[] = [];
  const win: LoadingWindow = {
    document: { readyState },
    addEventListener: (_type, listener) => void listeners.push(listener),
    setTimeout: (run, ms) => setTimeout(run, ms),
  };
  return { win, load: () => listeners.splice(0).forEach((l) => l()) };
}

describe('registerLater', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('registers when the page says its start-up work is done', async () => {
    const register = vi.fn(() => Promise.resolve());
    const { win, load } = loadingWindow();
    const later = registerLater(register, win, 10_000);
    load();
    expect(register).not.toHaveBeenCalled();
    await later.now();
    expect(register).toHaveBeenCalledTimes(1);
  });

  it('registers at the latest that long after the page loaded, for a page that never says so', () => {
    const register = vi.fn(() => Promise.resolve());
    const { win, load } = loadingWindow();
    registerLater(register, win, 10_000);
    vi.advanceTimersByTime(60_000);
    // The clock starts at the load event, not at the script.
    expect(register).not.toHaveBeenCalled();
    load();
    vi.advanceTimersByTime(9_999);
    expect(register).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(register).toHaveBeenCalledTimes(1);
  });

  it('counts from now on a page already loaded', () => {
    const register = vi.fn(() => Promise.resolve());
    registerLater(register, loadingWindow('complete').win, 10_000);
    vi.advanceTimersByTime(10_000);
    expect(register).toHaveBeenCalledTimes(1);
  });
});
