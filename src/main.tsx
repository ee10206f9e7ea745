import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EngineSupervisor } from './client/EngineSupervisor';
import { createAppStore } from './ui/store/createAppStore';
import { AppStoreProvider } from './ui/store/AppStoreContext';
import { App } from './ui/App';
import { registerServiceWorker } from './pwa/registerServiceWorker';
import { registerLater } from './pwa/registerLater';
import { installSameOriginScriptPolicy } from './pwa/trustedTypes';
import { requestReader, usbCapabilities } from './usb/permission';
import { LazyBridgeAccess } from './platform/lazyBridgeAccess';
import { LazySmartCardAccess } from './platform/lazySmartCardAccess';
import { waitForTap, webNfcAvailable } from './platform/webNfc';
import './ui/styles.css';

// The composition root (architecture: the only file that wires worker, ui and pwa together).
installSameOriginScriptPolicy();
// The engine runs in a worker the supervisor replaces if it crashes or stops answering; the
// store is told (`restarted`) and asks the person to connect and scan again.
const engine = new EngineSupervisor({
  spawn: () => new Worker(new URL('./worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'mynalens-engine' }),
});
const store = createAppStore(
  engine,
  window.localStorage,
  navigator.languages,
  { capabilities: usbCapabilities, requestReader },
  // PC/SC through the bridge or navigator.smartCard: offered at once where available, loaded when first used.
  {
    smartCard: new LazySmartCardAccess(),
    nfc: { available: webNfcAvailable(), waitForTap },
    bridge: new LazyBridgeAccess(),
    afterRehearsal: () => offlineCopy.now(),
  },
);

const serviceWorker = registerServiceWorker((status) =>
  store.getState().setAppStatus(status, status === 'update-available' ? () => serviceWorker?.applyUpdate() : undefined),
);
// The offline copy is fetched once the start screen's rehearsal is over, so the two never
// compete for the machine, or 10 s after the page loaded at the latest (pwa/registerLater.ts).
const offlineCopy = registerLater(() => serviceWorker?.register() ?? Promise.resolve(), window, 10_000);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>
  </StrictMode>,
);
