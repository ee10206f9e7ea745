import type { StoreApi } from 'zustand/vanilla';
import type { AppState, EngineClientLike, UsbAccess } from './appState';
import { EMPTY_CARD_DATA } from './appState';
import { errorInfo } from './errorInfo';

type SetState = StoreApi<AppState>['setState'];
type GetState = StoreApi<AppState>['getState'];
type Run = (work: () => Promise<void>) => Promise<void>;

/** A page without WebUSB (and the default in tests that do not care). */
export const NO_USB: UsbAccess = {
  capabilities: () => ({ webUsb: false, unrestricted: false }),
  requestReader: () => Promise.reject(Object.assign(new Error('this browser has no WebUSB'), { code: 'usb/unavailable' })),
};

/**
 * The USB reader actions of the store: list granted readers, ask for one with the browser's
 * chooser, connect (continuing an interrupted session on the same reader), and the reader check.
 */
export function readerActions(set: SetState, get: GetState, client: EngineClientLike, usb: UsbAccess, run: Run) {
  const unrestricted = () => get().usb.unrestricted;

  async function connect(readerId: string): Promise<void> {
    const state = get();
    const continuing = state.interrupted && state.source?.kind === 'reader' && state.source.readerId === readerId;
    // The engine keeps a report of this attempt whatever its outcome: offered from here on.
    set(continuing ? { cardChanged: false, readerReportOffered: true } : { ...EMPTY_CARD_DATA, readerReportOffered: true });
    const connection = await client.call('connectReader', { readerId, unrestricted: unrestricted() });
    const name = connection.reader?.name ?? readerId;
    set({ connection, source: { kind: 'reader', readerId, name }, interrupted: false, readerCheck: null });
  }

  return {
    refreshReaders: async () => {
      if (!get().usb.webUsb) return;
      try {
        set({ readers: await client.call('listReaders', { unrestricted: unrestricted() }) });
      } catch {
        // The list is a convenience; the chooser still works without it.
      }
    },
    addReader: () =>
      run(async () => {
        const picked = await usb.requestReader();
        const readers = await client.call('listReaders', { unrestricted: unrestricted() });
        set({ readers });
        const match = readers.find(
          (r) =>
            parseInt(r.vendorId, 16) === picked.vendorId &&
            parseInt(r.productId, 16) === picked.productId &&
            (picked.serialNumber === null || r.serialNumber === picked.serialNumber),
        );
        if (!match) throw Object.assign(new Error('the chosen reader is not listed'), { code: 'usb/reader-not-found' });
        await connect(match.id);
      }),
    connectReader: (readerId: string) => run(() => connect(readerId)),
    showReaderCheck: () =>
      run(async () => {
        set({ readerCheck: await client.call('readerCheck', {}) });
      }),
    hideReaderCheck: () => set({ readerCheck: null }),
    saveReaderReport: async () => {
      // Not through `run`: that would clear the error the report is about, and saving needs no card.
      try {
        return await client.call('readerReport', {});
      } catch (error) {
        const { code, details } = errorInfo(error);
        set({ errorCode: code, errorDetails: details });
        return null;
      }
    },
  };
}
