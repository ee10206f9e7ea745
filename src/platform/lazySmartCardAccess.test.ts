import { describe, expect, it } from 'vitest';
import { LazySmartCardAccess } from './lazySmartCardAccess';
import type { SmartCardContextLike, SmartCardResourceManagerLike } from './smartCardApi';

/** `navigator.smartCard` with one reader, empty; counts the contexts asked for. */
function fakeManager(): SmartCardResourceManagerLike & { contexts: number } {
  const context: SmartCardContextLike = {
    listReaders: async () => ['ACS ACR39U ICC Reader 00 00'],
    getStatusChange: async (states) => states.map((s) => ({ readerName: s.readerName, eventState: { empty: true }, eventCount: 1 })),
    connect: () => Promise.reject(Object.assign(new Error('no card'), { responseCode: 'no-smartcard' })),
  };
  const manager = {
    contexts: 0,
    establishContext: async () => {
      manager.contexts++;
      return context;
    },
  };
  return manager;
}

describe('LazySmartCardAccess (the Web Smart Card route, loaded when first used)', () => {
  it('says at once whether the API is there; nowhere else does it offer readers', async () => {
    const access = new LazySmartCardAccess(null);
    expect(access.available).toBe(false);
    await expect(access.listReaders()).rejects.toMatchObject({ code: 'smartcard/unavailable' });
  });

  it('asks nothing of PC/SC until used, then drives the manager found at start-up as WebSmartCardAccess does', async () => {
    const manager = fakeManager();
    const access = new LazySmartCardAccess(manager);
    expect(access.available).toBe(true);
    expect(manager.contexts).toBe(0);
    expect(await access.listReaders()).toEqual([{ name: 'ACS ACR39U ICC Reader 00 00', cardPresent: false }]);
    await expect(access.connect('ACS ACR39U ICC Reader 00 00')).rejects.toMatchObject({ code: 'usb/no-card' });
    expect(manager.contexts).toBe(1);
  });
});
