import type { BridgeAccess, BridgeAccessLike, BridgeAccessOptions } from './bridgeAccess';
import { isDesktopBrowser } from './bridgeAvailability';
import { loadOnce } from './loadOnce';
import type { SmartCardReaderInfo, SmartCardSession } from './smartCard';

/**
 * The bridge route as the page holds it from start-up (issue "speed to the physical limit" §4):
 * whether it is offered is known at once, but the bridge itself — `BridgeAccess` with its
 * WebSocket link, wire protocol and `navigator.smartCard` stand-in — loads with `import()` the
 * first time the person looks for a bridge. Most people never do, so none of it is in the start-up
 * chunk. The store subscribes to `onLost` when it is made, before anything has loaded, so the
 * listeners are kept here and told when the loaded bridge loses its link.
 */
export class LazyBridgeAccess implements BridgeAccessLike {
  readonly available: boolean;
  private readonly lostListeners = new Set<() => void>();
  private readonly bridge: () => Promise<BridgeAccess>;

  constructor(options: BridgeAccessOptions = {}) {
    this.available = options.desktop ?? isDesktopBrowser();
    const loadedOptions = { ...options, desktop: this.available };
    this.bridge = loadOnce(async () => {
      const { BridgeAccess } = await import('./bridgeAccess');
      const bridge = new BridgeAccess(loadedOptions);
      bridge.onLost(() => {
        for (const listener of this.lostListeners) listener();
      });
      return bridge;
    });
  }

  async find(): Promise<'ready' | 'needs-pairing'> {
    return (await this.bridge()).find();
  }

  async pair(code: string): Promise<void> {
    return (await this.bridge()).pair(code);
  }

  async listReaders(): Promise<SmartCardReaderInfo[]> {
    return (await this.bridge()).listReaders();
  }

  async connect(readerName: string): Promise<SmartCardSession> {
    return (await this.bridge()).connect(readerName);
  }

  onLost(listener: () => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }
}
