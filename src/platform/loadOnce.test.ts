import { describe, expect, it } from 'vitest';
import { loadOnce } from './loadOnce';

describe('loadOnce (a route loaded when first used)', () => {
  it('loads once, however many uses ask at the same time or later', async () => {
    let loads = 0;
    const load = loadOnce(async () => ({ loads: ++loads }));
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(await load()).toBe(a);
    expect(loads).toBe(1);
  });

  it('a load that failed is tried again at the next use, not kept as a failure', async () => {
    let attempts = 0;
    const load = loadOnce(async () => {
      attempts++;
      if (attempts === 1) throw new Error('offline');
      return 'loaded';
    });
    await expect(load()).rejects.toThrow('offline');
    expect(await load()).toBe('loaded');
    expect(attempts).toBe(2);
  });
});
