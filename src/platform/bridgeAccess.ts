/**
 * PC/SC readers through the MynaLens bridge (`npm run bridge`), for the start screen: finds the
 * bridge on 127.0.0.1 (only when the person asks: the first connection may make Chrome ask for
 * "local network access", which the start screen explains before), pairs once with the code the
 * bridge printed, keeps the token it issued, and then offers readers and cards through the very
 * same `WebSmartCardAccess` as `navigator.smartCard`.
 */

import { isDesktopBrowser } from './bridgeAvailability';
import { BridgeLink, bridgeFailure, type BridgeFailure, type WebSocketFactory } from './bridgeLink';
import { BRIDGE_DEFAULT_PORT } from './bridgeProtocol';
import { BridgeSmartCardManager } from './bridgeSmartCard';
import { WebSmartCardAccess, type SmartCardReaderInfo, type SmartCardSession } from './smartCard';

/** Where the page keeps the bridge's token: it is a key to the bridge, not card data. */
export const BRIDGE_TOKEN_KEY = 'mynalens.bridge.token';

/** What the start screen needs of the bridge route (this class in the app; a fake in tests). */
export interface BridgeAccessLike {
  /** A desktop browser: the bridge runs on a computer, not on a phone. */
  readonly available: boolean;
  /** Connects with the kept token: `ready`, or `needs-pairing` when there is none (or it is stale). */
  find(): Promise<'ready' | 'needs-pairing'>;
  /** Pairs with the code the bridge printed; then `ready`. */
  pair(code: string): Promise<void>;
  listReaders(): Promise<SmartCardReaderInfo[]>;
  connect(readerName: string): Promise<SmartCardSession>;
  /** Called when a signed-in link to the bridge closes (the bridge stopped). */
  onLost(listener: () => void): () => void;
}

/** The storage and browser pieces it uses; the defaults are the page's own. */
export interface BridgeAccessOptions {
  readonly url?: string;
  readonly storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  readonly createSocket?: WebSocketFactory;
  /** Chrome's Local Network Access permission state, where the browser can tell. */
  readonly networkPermission?: () => Promise<PermissionState | null>;
  readonly desktop?: boolean;
}

/**
 * Chrome's Local Network Access permission ("local-network-access"; later split into
 * "loopback-network" for 127.0.0.1): `denied` means the page cannot reach the bridge until the
 * person allows it in the site settings. Null where the browser has no such permission.
 */
async function localNetworkPermission(): Promise<PermissionState | null> {
  const permissions = globalThis.navigator?.permissions;
  if (!permissions) return null;
  for (const name of ['loopback-network', 'local-network-access']) {
    try {
      return (await permissions.query({ name } as unknown as PermissionDescriptor)).state;
    } catch {
      // Not a permission this browser knows: try the other name.
    }
  }
  return null;
}

export class BridgeAccess implements BridgeAccessLike {
  readonly available: boolean;
  private readonly url: string;
  private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  private readonly createSocket: WebSocketFactory;
  private readonly networkPermission: () => Promise<PermissionState | null>;
  private link: BridgeLink | null = null;
  private access: WebSmartCardAccess | null = null;
  private readonly lostListeners = new Set<() => void>();

  constructor(options: BridgeAccessOptions = {}) {
    this.url = options.url ?? `ws://127.0.0.1:${BRIDGE_DEFAULT_PORT}/`;
    this.storage = options.storage ?? (typeof localStorage === 'undefined' ? null : localStorage);
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url));
    this.networkPermission = options.networkPermission ?? localNetworkPermission;
    this.available = options.desktop ?? isDesktopBrowser();
  }

  async find(): Promise<'ready' | 'needs-pairing'> {
    if (this.link?.open) return 'ready';
    const token = this.storage?.getItem(BRIDGE_TOKEN_KEY) ?? null;
    if (!token) {
      await this.reachable();
      return 'needs-pairing';
    }
    try {
      await this.signIn({ token });
      return 'ready';
    } catch (error) {
      const code = (error as BridgeFailure).code;
      if (code === 'bridge/wrong-token' || code === 'bridge/not-paired') {
        this.storage?.removeItem(BRIDGE_TOKEN_KEY);
        return 'needs-pairing';
      }
      throw error;
    }
  }

  async pair(code: string): Promise<void> {
    const digits = code.normalize('NFKC').replace(/[\s-]/g, '');
    if (!/^\d{8}$/.test(digits)) throw bridgeFailure('bridge/wrong-code', 'a pairing code is 8 digits');
    const token = await this.signIn({ code: digits });
    if (token) this.storage?.setItem(BRIDGE_TOKEN_KEY, token);
  }

  async listReaders(): Promise<SmartCardReaderInfo[]> {
    return this.signedIn().listReaders();
  }

  async connect(readerName: string): Promise<SmartCardSession> {
    return this.signedIn().connect(readerName);
  }

  /** Leaves the bridge (its session ends: cards reset and released), e.g. when the page unloads. */
  disconnect(): void {
    const link = this.link;
    this.link = null;
    this.access = null;
    link?.close();
  }

  onLost(listener: () => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  private signedIn(): WebSmartCardAccess {
    if (!this.link?.open || !this.access) throw bridgeFailure('bridge/lost', 'the bridge is not connected');
    return this.access;
  }

  /** Opens a link that does not sign in, only to tell "no bridge" from "a bridge that wants pairing". */
  private async reachable(): Promise<void> {
    await this.open(async () => {
      const socket = this.createSocket(this.url);
      await new Promise<void>((resolve, reject) => {
        socket.addEventListener('error', () => undefined); // a 'close' always follows
        socket.addEventListener('open', () => {
          socket.close(1000, 'looking only');
          resolve();
        });
        socket.addEventListener('close', () => reject(bridgeFailure('bridge/unreachable', 'no MynaLens bridge answered')));
      });
    });
  }

  private async signIn(auth: { token: string } | { code: string }): Promise<string | undefined> {
    this.link?.close();
    const { link, token } = await this.open(() => BridgeLink.open(this.url, auth, this.createSocket));
    this.link = link;
    this.access = new WebSmartCardAccess(new BridgeSmartCardManager(link));
    link.onClose(() => {
      if (this.link !== link) return;
      this.link = null;
      this.access = null;
      for (const listener of this.lostListeners) listener();
    });
    return token;
  }

  /** Runs a connection attempt; an unreachable bridge is told apart from a browser that refused. */
  private async open<T>(attempt: () => Promise<T>): Promise<T> {
    if ((await this.networkPermission().catch(() => null)) === 'denied') throw bridgeFailure('bridge/network-denied', 'local network access is denied');
    try {
      return await attempt();
    } catch (error) {
      if ((error as BridgeFailure).code === 'bridge/unreachable' && (await this.networkPermission().catch(() => null)) === 'denied') {
        throw bridgeFailure('bridge/network-denied', 'local network access was denied');
      }
      throw error;
    }
  }
}
