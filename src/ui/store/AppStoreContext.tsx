import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { AppState } from './createAppStore';

const AppStoreContext = createContext<StoreApi<AppState> | null>(null);

/** Provides the store built by `createAppStore` to the component tree. */
export function AppStoreProvider({ store, children }: { store: StoreApi<AppState>; children: ReactNode }) {
  return <AppStoreContext.Provider value={store}>{children}</AppStoreContext.Provider>;
}

/** Reads a slice of the app state; pass a selector defined at module scope. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStore outside AppStoreProvider');
  return useStore(store, selector);
}
