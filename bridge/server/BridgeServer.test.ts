import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { BRIDGE_CLOSE } from '../../src/platform/bridgeProtocol';
import { FakePcscLibrary } from '../pcsc/FakePcscLibrary';
import { PcscClient } from '../pcsc/PcscClient';
import { BridgeServer } from './BridgeServer';
import { Pairing } from './Pairing';

const APP = 'http://127.0.0.1:5173';
const OTHER_APP = 'http://localhost:4173';
const ATR = Uint8Array.of(0x3b, 0xe0, 0x00, 0xff, 0x81, 0x31, 0xfe, 0x45, 0x14);

/** A page's side of the socket: requests by id, and how the bridge closed it. */
class Page {
  private nextId = 1;
  private readonly pending = new Map<number, (value: Record<string, unknown>) => void>();
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;

  constructor(readonly socket: WebSocket) {
    this.opened = new Promise((resolve) => socket.once('open', () => resolve()));
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown> & { id: number };
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    });
  }

  static open(port: number, origin: string | null): Page {
    return new Page(new WebSocket(`ws://127.0.0.1:${port}/`, origin === null ? {} : { origin }));
  }

  async request(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    await this.opened;
    const answer = new Promise<Record<string, unknown>>((resolve) => this.pending.set(id, resolve));
    this.socket.send(JSON.stringify({ id, ...body }));
    return answer;
  }

  sendRaw(text: string): Promise<Record<string, unknown>> {
    const id = Number(/"id":(\d+)/.exec(text)?.[1] ?? 0);
    const answer = new Promise<Record<string, unknown>>((resolve) => this.pending.set(id, resolve));
    this.socket.send(text);
    return answer;
  }
}

let server: BridgeServer | null = null;
const pages: Page[] = [];
afterEach(async () => {
  for (const page of pages.splice(0)) page.socket.terminate();
  await server?.close();
  server = null;
});

async function startBridge(): Promise<{ port: number; lib: FakePcscLibrary; pairing: Pairing; codes: string[]; log: string[] }> {
  const lib = new FakePcscLibrary().addReader('Reader A').addReader('Reader B');
  lib.insertCard('Reader A', ATR, (command) => (command[1] === 0xa4 ? Uint8Array.of(0x90, 0x00) : Uint8Array.of(0x6d, 0x00)));
  const codes: string[] = [];
  const log: string[] = [];
  const pairing = new Pairing({ onNewCode: (code) => codes.push(code), firstCode: '12345678' });
  server = new BridgeServer({ pcsc: new PcscClient(lib), pairing, allowedOrigins: [APP, OTHER_APP], port: 0, log: (line) => log.push(line) });
  const port = await server.listen();
  return { port, lib, pairing, codes, log };
}

function page(port: number, origin: string | null = APP): Page {
  const p = Page.open(port, origin);
  pages.push(p);
  return p;
}

/** Pairs a page from APP with the first code and returns it with its token. */
async function pairedPage(port: number): Promise<{ page: Page; token: string }> {
  const p = page(port);
  const answer = await p.request({ op: 'pair', code: '1234 5678' });
  expect(answer.ok).toBe(true);
  return { page: p, token: answer.token as string };
}

async function selectWorks(p: Page): Promise<void> {
  const connected = await p.request({ op: 'connect', readerName: 'Reader A', preferredProtocols: ['t1', 't0'] });
  expect(connected).toMatchObject({ ok: true, activeProtocol: 't1' });
  const answer = await p.request({ op: 'transmit', handle: connected.handle, apdu: '00A4040C0AD392F000260100000001' });
  expect(answer).toMatchObject({ ok: true, response: '9000' });
  await p.request({ op: 'disconnect', handle: connected.handle, disposition: 'reset' });
}

describe('BridgeServer: the page’s side of PC/SC', () => {
  it('listens on 127.0.0.1 and serves the Web Smart Card operations to a paired page', async () => {
    const { port, lib } = await startBridge();
    const { page: p } = await pairedPage(port);
    expect(await p.request({ op: 'listReaders' })).toMatchObject({ ok: true, readers: ['Reader A', 'Reader B'] });
    const states = await p.request({
      op: 'getStatusChange',
      readerStates: [{ readerName: 'Reader A', currentState: { unaware: true } }],
      timeout: 0,
    });
    expect(states).toMatchObject({ ok: true, states: [{ readerName: 'Reader A', eventState: { present: true }, atr: '3BE000FF8131FE4514' }] });
    await selectWorks(p);
    expect(lib.commands).toHaveLength(1);
  });

  it('connects exclusively, and resets and releases the card when the page leaves', async () => {
    const { port, lib } = await startBridge();
    const { page: p, token } = await pairedPage(port);
    const connected = await p.request({ op: 'connect', readerName: 'Reader A', preferredProtocols: ['t1'] });
    expect(lib.readers[0]!.holder).not.toBeNull();
    p.socket.close();
    await p.closed;
    await expect.poll(() => lib.readers[0]!.holder).toBeNull();
    expect(connected.ok).toBe(true);
    const again = page(port);
    expect(await again.request({ op: 'hello', token })).toMatchObject({ ok: true });
    await selectWorks(again);
  });

  it('a card taken out mid-session: transmit fails with removed-card', async () => {
    const { port, lib } = await startBridge();
    const { page: p } = await pairedPage(port);
    const connected = await p.request({ op: 'connect', readerName: 'Reader A', preferredProtocols: ['t1'] });
    lib.removeCard('Reader A');
    expect(await p.request({ op: 'transmit', handle: connected.handle, apdu: '00B0000000' })).toMatchObject({
      ok: false,
      error: { responseCode: 'removed-card' },
    });
  });

  it('a blocking status wait ends on cancel with "cancelled"', async () => {
    const { port, lib } = await startBridge();
    const { page: p } = await pairedPage(port);
    const wait = p.request({ op: 'getStatusChange', readerStates: [{ readerName: 'Reader A', currentState: { present: true } }] });
    await expect.poll(() => lib.waiting).toBe(1);
    expect(await p.request({ op: 'cancel' })).toMatchObject({ ok: true });
    expect(await wait).toMatchObject({ ok: false, error: { responseCode: 'cancelled' } });
  });
});

describe('BridgeServer refusals (each clear, and the paired page keeps being served)', () => {
  it('a page from an origin not on the allowlist is closed with 4003 before anything is read', async () => {
    const { port, log } = await startBridge();
    const { page: paired } = await pairedPage(port);
    const stranger = page(port, 'https://evil.example');
    expect(await stranger.closed).toEqual({ code: BRIDGE_CLOSE.originRefused, reason: 'this page is not allowed to use the MynaLens bridge' });
    const noOrigin = page(port, null);
    expect((await noOrigin.closed).code).toBe(BRIDGE_CLOSE.originRefused);
    expect(log.some((line) => line.includes('https://evil.example') && line.includes('allowlist'))).toBe(true);
    await selectWorks(paired);
  });

  it('a page that neither pairs nor presents a token is closed with 4001', async () => {
    const { port } = await startBridge();
    const p = page(port);
    await p.opened;
    p.socket.send(JSON.stringify({ id: 1, op: 'listReaders' }));
    expect(await p.closed).toEqual({ code: BRIDGE_CLOSE.notPaired, reason: 'pair this page with the code the bridge printed' });
  });

  it('a token before any pairing: 4001; a wrong token: 4002; a token from another allowed origin: 4002', async () => {
    const { port } = await startBridge();
    const early = page(port);
    void early.request({ op: 'hello', token: 'ab'.repeat(32) });
    expect((await early.closed).code).toBe(BRIDGE_CLOSE.notPaired);

    const { page: paired, token } = await pairedPage(port);
    paired.socket.close();
    await paired.closed;
    const wrong = page(port);
    void wrong.request({ op: 'hello', token: 'cd'.repeat(32) });
    expect(await wrong.closed).toEqual({ code: BRIDGE_CLOSE.wrongToken, reason: 'this token was not issued to this page; pair again' });
    const elsewhere = page(port, OTHER_APP);
    void elsewhere.request({ op: 'hello', token });
    expect((await elsewhere.closed).code).toBe(BRIDGE_CLOSE.wrongToken);

    const back = page(port);
    expect(await back.request({ op: 'hello', token })).toMatchObject({ ok: true });
    await selectWorks(back);
  });

  it('a wrong pairing code is refused; five retire the code and a new one is printed; the code is one-time', async () => {
    const { port, codes } = await startBridge();
    const p = page(port);
    for (let i = 0; i < 4; i++) expect(await p.request({ op: 'pair', code: '0000 0000' })).toMatchObject({ ok: false, error: { responseCode: 'wrong-code' } });
    expect(await p.request({ op: 'pair', code: '0000 0000' })).toMatchObject({ ok: false, error: { responseCode: 'code-retired' } });
    expect(codes).toHaveLength(2);
    expect(await p.request({ op: 'pair', code: '1234 5678' })).toMatchObject({ ok: false });
    const answer = await p.request({ op: 'pair', code: codes[1]! });
    expect(answer).toMatchObject({ ok: true, origin: APP });
    expect(codes).toHaveLength(3); // spent: a new code waits for the next pairing
  });

  it('a second page while one is signed in is closed with 4009', async () => {
    const { port } = await startBridge();
    const { page: first, token } = await pairedPage(port);
    const second = page(port);
    expect(await second.closed).toEqual({ code: BRIDGE_CLOSE.busy, reason: 'another MynaLens page is using the bridge' });
    await selectWorks(first);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an oversized message is answered message-too-large and the session goes on; a huge frame closes only that page', async () => {
    const { port } = await startBridge();
    const { page: p, token } = await pairedPage(port);
    const big = await p.sendRaw(`{"id":77,"op":"transmit","handle":1,"apdu":"${'00'.repeat(80_000)}"}`);
    expect(big).toMatchObject({ id: 77, ok: false, error: { responseCode: 'message-too-large' } });
    const connected = await p.request({ op: 'connect', readerName: 'Reader A', preferredProtocols: ['t1'] });
    const longApdu = await p.request({ op: 'transmit', handle: connected.handle, apdu: '00'.repeat(65_545) });
    expect(longApdu).toMatchObject({ ok: false, error: { responseCode: 'message-too-large' } });
    expect(await p.request({ op: 'transmit', handle: connected.handle, apdu: '00A4040C0AD392F000260100000001' })).toMatchObject({ ok: true });
    await p.request({ op: 'disconnect', handle: connected.handle, disposition: 'reset' });

    p.socket.send('x'.repeat(2 << 20));
    expect((await p.closed).code).toBe(1009);
    const again = page(port);
    expect(await again.request({ op: 'hello', token })).toMatchObject({ ok: true });
    await selectWorks(again);
  });

  it('garbage and unknown operations are answered with an error, never a crash', async () => {
    const { port } = await startBridge();
    const { page: p } = await pairedPage(port);
    expect(await p.sendRaw('{"id":5,"op":"format-disk"}')).toMatchObject({ ok: false, error: { responseCode: 'invalid-message' } });
    expect(await p.request({ op: 'transmit', handle: 99, apdu: '00A40000' })).toMatchObject({ ok: false, error: { responseCode: 'invalid-message' } });
    expect(await p.request({ op: 'transmit', handle: 1, apdu: 'zz' })).toMatchObject({ ok: false });
    await selectWorks(p);
  });
});
