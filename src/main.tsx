import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EngineClient } from './worker/EngineClient';
import { createAppStore } from './ui/store/createAppStore';
import { AppStoreProvider } from './ui/store/AppStoreContext';
import { App } from './ui/App';
import { registerServiceWorker } from './pwa/registerServiceWorker';
import { installSameOriginScriptPolicy } from './pwa/trustedTypes';
import { requestReader, usbCapabilities } from './usb/permission';
import './ui/styles.css';

// The composition root (architecture: the only file that wires worker, ui and pwa together).
installSameOriginScriptPolicy();
const worker = new Worker(new URL('./worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'mynalens-engine' });
const client = new EngineClient(worker);
const store = createAppStore(client, window.localStorage, navigator.languages, { capabilities: usbCapabilities, requestReader });

const serviceWorker = registerServiceWorker((status) =>
  store.getState().setAppStatus(status, status === 'update-available' ? () => serviceWorker?.applyUpdate() : undefined),
);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>
  </StrictMode>,
);
