/**
 * The page's whole bridge route in one process: `BridgeAccess` (pairing, token) →
 * `WebSmartCardAccess` over `BridgeSmartCardManager` (the code the app runs for
 * `navigator.smartCard`) → a real WebSocket → `BridgeServer` → `PcscClient` → a fake PC/SC
 * library; the card reaches the engine's `PortTransport` over a MessagePort, as in the app.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { BRIDGE_TOKEN_KEY, BridgeAccess, type BridgeAccessOptions } from '../src/platform/bridgeAccess';
import type { WebSocketLike } from '../src/platform/bridgeLink';
import { LazyBridgeAccess } from '../src/platform/lazyBridgeAccess';
import type { SmartCardSession } from '../src/platform/smartCard';
import { PortTransport, type TransportError } from '../src/transport';
import { FakePcscLibrary } from './pcsc/FakePcscLibrary';
import { PcscClient } from './pcsc/PcscClient';
import { BridgeServer } from './server/BridgeServer';
import { Pairing, type PairingStore } from './server/Pairing';

const APP = 'http://127.0.0.1:5173';
const ATR = Uint8Array.of(0x3b, 0xe0, 0x00, 0xff, 0x81, 0x31, 0xfe, 0x45, 0x14);
const SELECT_JPKI = Uint8Array.of(0x00, 0xa4, 0x04, 0x0c, 0x0a, 0xd3, 0x92, 0xf0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01);

/** localStorage's three methods over a Map. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

/** The bridge's pairing file, in memory, so a restarted bridge keeps its pairing. */
function memoryStore(): PairingStore {
  let saved: { origin: string; tokenSha256: string } | null = null;
  return { load: () => saved, save: (p) => void (saved = p) };
}

interface Running {
  server: BridgeServer;
  port: number;
  lib: FakePcscLibrary;
}

const servers: BridgeServer[] = [];
const transports: PortTransport[] = [];
afterEach(async () => {
  for (const transport of transports.splice(0)) await transport.close().catch(() => undefined);
  for (const server of servers.splice(0)) await server.close().catch(() => undefined);
});

async function startBridge(store: PairingStore, port = 0, origins = [APP]): Promise<Running> {
  const lib = new FakePcscLibrary().addReader('Reader A').addReader('Reader B');
  lib.insertCard('Reader A', ATR, (command) => (command[1] === 0xa4 ? Uint8Array.of(0x90, 0x00) : Uint8Array.of(0x6d, 0x00)));
  const pairing = new Pairing({ store, onNewCode: () => undefined, firstCode: '12345678' });
  const server = new BridgeServer({ pcsc: new PcscClient(lib), pairing, allowedOrigins: origins, port });
  servers.push(server);
  return { server, port: await server.listen(), lib };
}

/** The page's side of the bridge at `port`, in Node: the `ws` package as its WebSocket, storage in memory. */
function pageOptions(port: number, storage = memoryStorage(), permission: PermissionState | null = null, origin = APP): BridgeAccessOptions {
  return {
    url: `ws://127.0.0.1:${port}/`,
    storage,
    desktop: true,
    networkPermission: async () => permission,
    createSocket: (url) => new WebSocket(url, { origin }) as unknown as WebSocketLike,
  };
}

function pageAccess(...args: Parameters<typeof pageOptions>): BridgeAccess {
  return new BridgeAccess(pageOptions(...args));
}

function engineSide(session: SmartCardSession): PortTransport {
  const transport = new PortTransport(session.port as never, { kind: 'bridge', atr: session.atr, extendedLength: session.extendedLength, timeoutMs: 5000 });
  transports.push(transport);
  return transport;
}

/** The reason the transport was disconnected with, once it is. */
function disconnection(transport: PortTransport): Promise<TransportError> {
  return new Promise((resolve) => transport.onDisconnect(resolve));
}

/**
 * Stops a running bridge under a connected page and checks what the page is told: the card's
 * transport ends with `transport/bridge-lost`, the loss listener hears it once, and the access
 * refuses further work with `bridge/lost`.
 */
async function stopBridgeExpectingLoss(
  bridge: Running,
  transport: PortTransport,
  access: Pick<BridgeAccess, 'listReaders'>,
  lostCount: () => number,
): Promise<void> {
  const gone = disconnection(transport);
  await bridge.server.close();
  servers.splice(servers.indexOf(bridge.server), 1);
  expect((await gone).code).toBe('transport/bridge-lost');
  expect(lostCount()).toBe(1);
  await expect(access.listReaders()).rejects.toMatchObject({ code: 'bridge/lost' });
}

describe('the page’s route through the bridge', () => {
  it('pairs once, lists readers with card presence, and hands the card to PortTransport', async () => {
    const { port } = await startBridge(memoryStore());
    const storage = memoryStorage();
    const access = pageAccess(port, storage);
    expect(await access.find()).toBe('needs-pairing');
    await access.pair('1234-5678');
    expect(storage.map.get(BRIDGE_TOKEN_KEY)).toMatch(/^[0-9a-f]{64}$/);
    expect(await access.listReaders()).toEqual([
      { name: 'Reader A', cardPresent: true },
      { name: 'Reader B', cardPresent: false },
    ]);
    const session = await access.connect('Reader A');
    expect(session.atrHex).toBe('3B E0 00 FF 81 31 FE 45 14');
    expect(session.extendedLength).toBe(true);
    expect(await engineSide(session).transmit(SELECT_JPKI)).toEqual(Uint8Array.of(0x90, 0x00));

    // Paired once: a new page load signs in with the kept token, no code.
    access.disconnect();
    const reload = pageAccess(port, storage);
    // Until the bridge has seen the old page go, the new one is "a second page" (bridge/busy).
    await expect.poll(() => reload.find().catch((error: { code: string }) => error.code)).toBe('ready');
  });

  it('a card taken out mid-session ends the engine’s transport with transport/card-removed', async () => {
    const { port, lib } = await startBridge(memoryStore());
    const access = pageAccess(port);
    await access.find();
    await access.pair('12345678');
    const transport = engineSide(await access.connect('Reader A'));
    const gone = disconnection(transport);
    lib.removeCard('Reader A');
    expect((await gone).code).toBe('transport/card-removed');
  });

  it('the bridge stopped mid-session: transport/bridge-lost; after a restart the kept token signs in and the card connects again', async () => {
    const store = memoryStore();
    const first = await startBridge(store);
    const storage = memoryStorage();
    const access = pageAccess(first.port, storage);
    await access.find();
    await access.pair('12345678');
    let lost = 0;
    access.onLost(() => lost++);
    const transport = engineSide(await access.connect('Reader A'));
    await stopBridgeExpectingLoss(first, transport, access, () => lost);

    await startBridge(store, first.port);
    expect(await access.find()).toBe('ready');
    expect(await engineSide(await access.connect('Reader A')).transmit(SELECT_JPKI)).toEqual(Uint8Array.of(0x90, 0x00));
  });

  it('as the app holds it (LazyBridgeAccess, loaded at first use): a loss listener added before the bridge loaded hears it stop', async () => {
    const first = await startBridge(memoryStore());
    const access = new LazyBridgeAccess(pageOptions(first.port));
    expect(access.available).toBe(true);
    let lost = 0;
    access.onLost(() => lost++);
    expect(await access.find()).toBe('needs-pairing');
    await access.pair('12345678');
    const transport = engineSide(await access.connect('Reader A'));
    expect(await transport.transmit(SELECT_JPKI)).toEqual(Uint8Array.of(0x90, 0x00));
    await stopBridgeExpectingLoss(first, transport, access, () => lost);
  });

  it('says why it cannot sign in: no bridge, a denied local-network permission, a refused origin, a wrong or malformed code', async () => {
    const { port } = await startBridge(memoryStore());
    const closedPort = await (async () => {
      const probe = await startBridge(memoryStore());
      await probe.server.close();
      servers.splice(servers.indexOf(probe.server), 1);
      return probe.port;
    })();
    await expect(pageAccess(closedPort).find()).rejects.toMatchObject({ code: 'bridge/unreachable' });
    await expect(pageAccess(closedPort, memoryStorage(), 'denied').find()).rejects.toMatchObject({ code: 'bridge/network-denied' });

    const stranger = pageAccess(port, memoryStorage(), null, 'https://evil.example');
    await expect(stranger.pair('12345678')).rejects.toMatchObject({ code: 'bridge/origin-refused' });

    const page = pageAccess(port);
    await expect(page.pair('87654321')).rejects.toMatchObject({ code: 'bridge/wrong-code' });
    await expect(page.pair('1234')).rejects.toMatchObject({ code: 'bridge/wrong-code' });
    await page.pair('12345678');
    expect(await page.listReaders()).toHaveLength(2);
  });

  it('a token the bridge no longer knows is dropped and the page asks for pairing again', async () => {
    const { port } = await startBridge(memoryStore());
    const storage = memoryStorage();
    storage.setItem(BRIDGE_TOKEN_KEY, 'ab'.repeat(32));
    expect(await pageAccess(port, storage).find()).toBe('needs-pairing');
    expect(storage.map.has(BRIDGE_TOKEN_KEY)).toBe(false);
  });
});
