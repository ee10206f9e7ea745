import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import { fromHex } from '../../bytes';
import { VpcdBridge, isLoopbackAddress, type VpcdBridgeEvent, type VpcdCard } from './VpcdBridge';

/**
 * A stand-in for vpcd: a TCP server on 127.0.0.1 that writes raw bytes and reads raw bytes. It
 * does no framing of its own, so every expectation below is a hand-written byte string.
 */
class FakeVpcd {
  private readonly server: Server;
  private readonly peers: Peer[] = [];
  private readonly everyPeer: Peer[] = [];
  private readonly waiting: ((peer: Peer) => void)[] = [];

  private constructor(server: Server) {
    this.server = server;
    server.on('connection', (socket) => {
      const peer = new Peer(socket);
      this.everyPeer.push(peer);
      const waiter = this.waiting.shift();
      if (waiter) waiter(peer);
      else this.peers.push(peer);
    });
  }

  static async listen(port = 0): Promise<FakeVpcd> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return new FakeVpcd(server);
  }

  get port(): number {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening');
    return address.port;
  }

  /** The next card connection, waiting up to `timeoutMs`. */
  nextPeer(timeoutMs = 2000): Promise<Peer> {
    const ready = this.peers.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no card connected')), timeoutMs);
      this.waiting.push((peer) => {
        clearTimeout(timer);
        resolve(peer);
      });
    });
  }

  /** Resolves true if a card connects within `ms`, false otherwise. */
  async connectsWithin(ms: number): Promise<boolean> {
    return this.nextPeer(ms).then(
      () => true,
      () => false,
    );
  }

  async close(): Promise<void> {
    // server.close() waits for open connections, so end them all first.
    for (const peer of this.everyPeer) peer.socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** One accepted connection, with a byte-exact reader. */
class Peer {
  private received = new Uint8Array(0);
  private wake: (() => void) | null = null;
  readonly closed: Promise<void>;

  constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      const next = new Uint8Array(this.received.length + chunk.length);
      next.set(this.received, 0);
      next.set(chunk, this.received.length);
      this.received = next;
      this.wake?.();
    });
    this.closed = new Promise((resolve) => socket.on('close', () => resolve()));
  }

  send(hex: string): void {
    this.socket.write(fromHex(hex));
  }

  /** Exactly `count` bytes, as they arrived. */
  async read(count: number, timeoutMs = 2000): Promise<Uint8Array> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`wanted ${count} bytes, have ${this.received.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    const out = this.received.slice(0, count);
    this.received = this.received.slice(count);
    return out;
  }

  get unread(): number {
    return this.received.length;
  }
}

const ATR = fromHex('3B E0 00 FF 81 31 FE 45 14');

/** A card that says 90 00 to SELECT, returns 256 bytes to READ BINARY with Le 00, and 6D 00 to the rest. */
function stubCard(): VpcdCard & { reset: Mock<() => void>; seen: Uint8Array[] } {
  const seen: Uint8Array[] = [];
  return {
    atr: ATR,
    seen,
    reset: vi.fn<() => void>(),
    respond(command: Uint8Array): Uint8Array {
      seen.push(command);
      if (command[1] === 0xa4) return fromHex('90 00');
      if (command[1] === 0xb0) {
        const out = new Uint8Array(258).fill(0x30);
        out.set(fromHex('90 00'), 256);
        return out;
      }
      return fromHex('6D 00');
    },
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(
  card: VpcdCard = stubCard(),
  extra: { maxPayload?: number } = {},
): Promise<{ vpcd: FakeVpcd; bridge: VpcdBridge; peer: Peer; events: VpcdBridgeEvent[] }> {
  const vpcd = await FakeVpcd.listen();
  cleanups.push(() => vpcd.close());
  const events: VpcdBridgeEvent[] = [];
  const bridge = new VpcdBridge(card, { port: vpcd.port, reconnectDelayMs: 20, onEvent: (e) => events.push(e), ...extra });
  cleanups.push(() => bridge.close());
  bridge.start();
  const peer = await vpcd.nextPeer();
  await bridge.waitForConnection(2000);
  return { vpcd, bridge, peer, events };
}

describe('VpcdBridge answering vpcd', () => {
  it('answers get ATR (00 01 04) with the framed ATR', async () => {
    const { peer, events } = await setUp();
    peer.send('00 01 04');
    expect(await peer.read(11)).toEqual(fromHex('00 09 3B E0 00 FF 81 31 FE 45 14'));
    expect(events).toEqual([{ type: 'connected', host: '127.0.0.1', port: expect.any(Number) }]);
  });

  it('resets the card on power off, power on and reset, and answers none of them', async () => {
    const card = stubCard();
    const { peer } = await setUp(card);
    peer.send('00 01 00  00 01 01  00 01 02  00 01 04');
    // The first bytes back are the ATR: the three control messages produced nothing.
    expect(await peer.read(11)).toEqual(fromHex('00 09 3B E0 00 FF 81 31 FE 45 14'));
    expect(card.reset).toHaveBeenCalledTimes(3);
    expect(peer.unread).toBe(0);
  });

  it('passes a C-APDU to the card byte for byte and frames the R-APDU', async () => {
    const card = stubCard();
    const { peer, bridge } = await setUp(card);
    peer.send('00 0F 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
    expect(await peer.read(4)).toEqual(fromHex('00 02 90 00'));
    expect(card.seen).toEqual([fromHex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01')]);
    expect(bridge.apduCount).toBe(1);
  });

  it('frames a 258-byte answer with length 01 02', async () => {
    const { peer } = await setUp();
    peer.send('00 05 00 B0 00 00 00');
    const answer = await peer.read(260);
    expect(answer.subarray(0, 3)).toEqual(fromHex('01 02 30'));
    expect(answer.subarray(258)).toEqual(fromHex('90 00'));
  });

  it('reassembles a message vpcd splits across TCP writes', async () => {
    const card = stubCard();
    const { peer } = await setUp(card);
    peer.send('00');
    await new Promise((r) => setTimeout(r, 20));
    peer.send('04 00 20');
    await new Promise((r) => setTimeout(r, 20));
    peer.send('00 80');
    expect(await peer.read(4)).toEqual(fromHex('00 02 6D 00'));
    expect(card.seen).toEqual([fromHex('00 20 00 80')]);
  });

  it('answers 6F 00 if the card throws, so the reader is not left waiting', async () => {
    const card: VpcdCard = {
      atr: ATR,
      reset: () => undefined,
      respond: () => {
        throw new Error('boom');
      },
    };
    const { peer } = await setUp(card);
    peer.send('00 04 00 84 00 00');
    expect(await peer.read(4)).toEqual(fromHex('00 02 6F 00'));
  });

  it('says nothing to an unknown control byte and carries on', async () => {
    const { peer } = await setUp();
    peer.send('00 01 03  00 01 04');
    expect(await peer.read(11)).toEqual(fromHex('00 09 3B E0 00 FF 81 31 FE 45 14'));
  });
});

describe('VpcdBridge connection handling', () => {
  it('reconnects when vpcd drops the connection, and works on the new one', async () => {
    const { vpcd, peer, events } = await setUp();
    peer.socket.destroy();
    const again = await vpcd.nextPeer();
    again.send('00 01 04');
    expect(await again.read(11)).toEqual(fromHex('00 09 3B E0 00 FF 81 31 FE 45 14'));
    expect(events.map((e) => e.type)).toEqual(['connected', 'disconnected', 'connected']);
  });

  it('keeps trying while nothing listens yet, then connects', async () => {
    const probe = await FakeVpcd.listen();
    const port = probe.port;
    await probe.close(); // the port is now (very probably) free and refuses connections
    const bridge = new VpcdBridge(stubCard(), { port, reconnectDelayMs: 20 });
    cleanups.push(() => bridge.close());
    bridge.start();
    await new Promise((r) => setTimeout(r, 100));
    expect(bridge.connected).toBe(false);
    const vpcd = await FakeVpcd.listen(port);
    cleanups.push(() => vpcd.close());
    const peer = await vpcd.nextPeer();
    await bridge.waitForConnection(2000);
    peer.send('00 01 04');
    expect((await peer.read(11)).subarray(0, 2)).toEqual(fromHex('00 09'));
  });

  it('drops a connection whose declared length exceeds the bound, then reconnects', async () => {
    const { vpcd, peer, events } = await setUp(stubCard(), { maxPayload: 300 });
    peer.send('01 2D'); // 301 bytes announced
    await peer.closed;
    expect(await vpcd.connectsWithin(2000)).toBe(true);
    expect(events.find((e) => e.type === 'protocol-error')).toBeDefined();
  });

  it('close() ends the connection and stops reconnecting', async () => {
    const { vpcd, bridge, peer } = await setUp();
    await bridge.close();
    await peer.closed;
    expect(bridge.connected).toBe(false);
    expect(await vpcd.connectsWithin(200)).toBe(false);
    await bridge.close(); // idempotent
    expect(() => bridge.start()).toThrow(/closed/);
  });

  it('waitForConnection rejects after its timeout when vpcd never answers', async () => {
    const probe = await FakeVpcd.listen();
    const port = probe.port;
    await probe.close();
    const bridge = new VpcdBridge(stubCard(), { port, reconnectDelayMs: 20 }).start();
    cleanups.push(() => bridge.close());
    await expect(bridge.waitForConnection(100)).rejects.toThrow(/within 100 ms/);
  });
});

describe('loopback only', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1'])('accepts %s', (host) => {
    expect(isLoopbackAddress(host)).toBe(true);
    expect(() => new VpcdBridge(stubCard(), { host })).not.toThrow();
  });

  it.each(['0.0.0.0', '192.168.1.10', '10.0.0.1', '::', 'localhost', 'vpcd.example', '128.0.0.1'])('refuses %s', (host) => {
    expect(isLoopbackAddress(host)).toBe(false);
    expect(() => new VpcdBridge(stubCard(), { host })).toThrow(RangeError);
  });

  it('refuses a port outside 1…65535', () => {
    expect(() => new VpcdBridge(stubCard(), { port: 0 })).toThrow(RangeError);
    expect(() => new VpcdBridge(stubCard(), { port: 70000 })).toThrow(RangeError);
  });
});

describe('VpcdBridge over a Unix socket (the loopback-only rig)', () => {
  it('connects to the socket path, not to TCP, and answers vpcd there byte for byte', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'vpcd-unix-'));
    const path = join(dir, 'vpcd.sock');
    const accepted: Socket[] = [];
    const server = createServer((socket) => accepted.push(socket));
    await new Promise<void>((resolve) => server.listen(path, () => resolve()));
    const events: VpcdBridgeEvent[] = [];
    // Port 1 is never dialled: with a socket path the bridge must not touch TCP at all.
    const bridge = new VpcdBridge(stubCard(), { socketPath: path, port: 1, onEvent: (e) => events.push(e) }).start();
    cleanups.push(async () => {
      await bridge.close();
      for (const socket of accepted) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    });
    await bridge.waitForConnection(2000);
    const peer = new Peer(accepted[0]!);
    peer.send('00 01 04'); // get ATR
    expect(await peer.read(2 + ATR.length)).toEqual(fromHex('00 09 3B E0 00 FF 81 31 FE 45 14'));
    expect(events[0]).toEqual({ type: 'connected', host: '127.0.0.1', port: 1, socketPath: path });
  });
});
