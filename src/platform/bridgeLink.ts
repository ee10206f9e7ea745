/**
 * The page's WebSocket to the MynaLens bridge (`npm run bridge`) on 127.0.0.1: opens it, signs
 * in (a pairing code once, then the token the bridge issued), and sends requests matched to
 * answers by id. Every failure is an `Error` with a `code` for the error catalog; failures the
 * bridge relays from PC/SC also carry the Web Smart Card `responseCode`, so `WebSmartCardAccess`
 * handles them as it handles `navigator.smartCard`'s.
 */

import {
  BRIDGE_CLOSE,
  BRIDGE_MAX_MESSAGE_BYTES,
  BridgeProtocolError,
  parseBridgeMessage,
} from './bridgeProtocol';

/** What signing in can end with, besides success. */
export type BridgeLinkErrorCode =
  | 'bridge/unreachable'
  | 'bridge/origin-refused'
  | 'bridge/not-paired'
  | 'bridge/wrong-token'
  | 'bridge/busy'
  | 'bridge/wrong-code'
  | 'bridge/code-retired'
  | 'bridge/lost';

/** A failure with a catalog code and, when PC/SC said it, the Web Smart Card response code. */
export type BridgeFailure = Error & { code: string; responseCode?: string };

export function bridgeFailure(code: string, message: string, responseCode?: string): BridgeFailure {
  // The catalog's "start the bridge with --origin {origin}" needs this page's origin.
  const details = code === 'bridge/origin-refused' ? { details: { origin: globalThis.location?.origin ?? '' } } : {};
  return Object.assign(new Error(message), { code, ...(responseCode ? { responseCode } : {}), ...details });
}

/** The catalog code for how the bridge closed the socket. */
function codeForClose(closeCode: number): BridgeLinkErrorCode {
  switch (closeCode) {
    case BRIDGE_CLOSE.originRefused:
      return 'bridge/origin-refused';
    case BRIDGE_CLOSE.notPaired:
      return 'bridge/not-paired';
    case BRIDGE_CLOSE.wrongToken:
      return 'bridge/wrong-token';
    case BRIDGE_CLOSE.busy:
      return 'bridge/busy';
    default:
      return 'bridge/lost';
  }
}

/** The structural WebSocket this needs (the browser's, or a test double). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: Event & { data?: unknown; code?: number }) => void): void;
}

export type WebSocketFactory = (url: string) => WebSocketLike;

/** An open, signed-in link. */
export class BridgeLink {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: Record<string, unknown>) => void; reject: (e: BridgeFailure) => void }>();
  private closedWith: BridgeFailure | null = null;
  private readonly closeListeners = new Set<(failure: BridgeFailure) => void>();

  private constructor(private readonly socket: WebSocketLike) {
    socket.addEventListener('message', (event) => this.receive(event.data));
    socket.addEventListener('close', (event) => {
      this.fail(bridgeFailure(codeForClose(event.code ?? 1006), 'the MynaLens bridge closed the connection', 'bridge-lost'));
    });
  }

  /**
   * Opens the socket and signs in with `auth`. Resolves with the link and, after a pairing, the
   * token to keep. Rejects with a `BridgeFailure` whose code says why (unreachable, refused…).
   */
  static async open(url: string, auth: { token: string } | { code: string }, createSocket: WebSocketFactory): Promise<{ link: BridgeLink; token?: string }> {
    const socket = createSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('error', () => undefined); // a 'close' always follows, with the code
      let opened = false;
      socket.addEventListener('open', () => {
        opened = true;
        resolve();
      });
      socket.addEventListener('close', (event) => {
        if (!opened) reject(bridgeFailure(event.code === BRIDGE_CLOSE.originRefused ? 'bridge/origin-refused' : 'bridge/unreachable', 'no MynaLens bridge answered'));
      });
    });
    const link = new BridgeLink(socket);
    const answer = await link.request('token' in auth ? { op: 'hello', token: auth.token } : { op: 'pair', code: auth.code }).catch((error: BridgeFailure) => {
      link.close();
      // A refusal at sign-in arrives as a close; its code is the reason.
      throw error.code === 'bridge/lost' ? bridgeFailure('bridge/unreachable', error.message) : error;
    });
    return { link, ...(typeof answer.token === 'string' ? { token: answer.token } : {}) };
  }

  /** True until the bridge or the page closes the socket. */
  get open(): boolean {
    return this.closedWith === null;
  }

  /** Called once if the socket closes (the bridge stopped, or refused us). */
  onClose(listener: (failure: BridgeFailure) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** Sends one request; resolves with the answer, rejects with its error. */
  request(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const id = this.nextId++;
    const text = JSON.stringify({ id, ...body });
    if (text.length > BRIDGE_MAX_MESSAGE_BYTES) return Promise.reject(bridgeFailure('transport/protocol', 'a request is over the bridge’s size cap', 'message-too-large'));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.send(text);
    });
  }

  close(): void {
    this.socket.close(1000, 'page closed the bridge link');
    this.fail(bridgeFailure('bridge/lost', 'the bridge link was closed', 'bridge-lost'));
  }

  private receive(data: unknown): void {
    let message: Record<string, unknown> & { id: number };
    try {
      message = parseBridgeMessage(typeof data === 'string' ? data : '');
    } catch (error) {
      // The bridge broke the protocol: nothing it says can be trusted any more.
      this.socket.close(1002, 'protocol error');
      this.fail(bridgeFailure('transport/protocol', error instanceof BridgeProtocolError ? error.message : 'bad message from the bridge'));
      return;
    }
    const waiter = this.pending.get(message.id);
    if (!waiter) return;
    this.pending.delete(message.id);
    if (message.ok === true) {
      waiter.resolve(message);
      return;
    }
    const error = (typeof message.error === 'object' && message.error !== null ? message.error : {}) as { responseCode?: unknown; message?: unknown };
    const responseCode = typeof error.responseCode === 'string' ? error.responseCode : 'unknown-error';
    const code = responseCode === 'wrong-code' ? 'bridge/wrong-code' : responseCode === 'code-retired' ? 'bridge/code-retired' : 'smartcard/failed';
    waiter.reject(bridgeFailure(code, typeof error.message === 'string' ? error.message.slice(0, 200) : responseCode, responseCode));
  }

  private fail(failure: BridgeFailure): void {
    if (this.closedWith) return;
    this.closedWith = failure;
    for (const waiter of this.pending.values()) waiter.reject(failure);
    this.pending.clear();
    for (const listener of this.closeListeners) listener(failure);
  }
}
