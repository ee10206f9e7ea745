/**
 * The MynaLens bridge's WebSocket server (issue 18): on 127.0.0.1 only, for one web app at a
 * time. Each connection passes, in order:
 *
 * 1. its `Origin` must be on the allowlist — otherwise it is closed at once (4003) without a
 *    message read;
 * 2. one client at a time: while a page is signed in, another is closed at once (4009);
 * 3. its first message must pair (the one-time code) or present the token issued to that origin,
 *    within `authTimeoutMs` — otherwise 4001 / 4002;
 * 4. then it may use PC/SC (`BridgeSession`); messages over the caps are answered with
 *    `message-too-large` and the connection goes on; frames over the hard cap close it (1009).
 */

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { BRIDGE_CLOSE, BRIDGE_MAX_MESSAGE_BYTES, BridgeProtocolError, parseBridgeMessage, type BridgeResponse } from '../../src/platform/bridgeProtocol';
import type { PcscClient } from '../pcsc/PcscClient';
import type { Pairing } from './Pairing';
import { BridgeSession } from './BridgeSession';

/** Frames above this close the connection (ws's own check, before any parsing). */
const HARD_FRAME_CAP = 1 << 20;

export interface BridgeServerOptions {
  readonly pcsc: PcscClient;
  readonly pairing: Pairing;
  /** Exact origins (scheme://host[:port]) whose pages may connect. */
  readonly allowedOrigins: readonly string[];
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Write APDU bytes to the log (never PIN bytes). */
  readonly logApdus?: boolean;
  readonly log?: (line: string) => void;
  readonly authTimeoutMs?: number;
}

/** The bridge: start with `listen()`, stop with `close()`. */
export class BridgeServer {
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private active: { socket: WebSocket; session: BridgeSession } | null = null;
  /** The last session's clean-up; the next session starts after it, so its cards are free. */
  private previousEnded: Promise<void> = Promise.resolve();
  private readonly log: (line: string) => void;

  constructor(private readonly options: BridgeServerOptions) {
    this.log = options.log ?? (() => undefined);
    this.http = createServer((_request, response) => {
      response.writeHead(426, { 'content-type': 'text/plain' }).end('The MynaLens bridge speaks WebSocket only.\n');
    });
    this.wss = new WebSocketServer({ server: this.http, maxPayload: HARD_FRAME_CAP });
    this.wss.on('connection', (socket, request) => this.accept(socket, request));
  }

  /** Listens on 127.0.0.1 only; resolves with the port. */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.options.port, '127.0.0.1', () => resolve((this.http.address() as AddressInfo).port));
    });
  }

  /** Ends the session (cards reset and released), closes every connection and the port. */
  async close(): Promise<void> {
    await this.active?.session.end();
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
    await this.options.pcsc.close();
  }

  private accept(socket: WebSocket, request: IncomingMessage): void {
    const origin = request.headers.origin ?? '';
    // ws reports a frame over the hard cap (and other framing faults) here, then closes (1009, 1002).
    socket.on('error', (error) => {
      this.log(`closed a page from ${origin || '(no Origin)'}: ${error.message}`);
      this.release(socket, origin);
    });
    if (!this.options.allowedOrigins.includes(origin)) {
      this.log(`refused a page from ${origin || '(no Origin)'}: not on the allowlist (add it with --origin)`);
      socket.close(BRIDGE_CLOSE.originRefused, 'this page is not allowed to use the MynaLens bridge');
      return;
    }
    if (this.active) {
      this.log(`refused a second page from ${origin}: one page at a time`);
      socket.close(BRIDGE_CLOSE.busy, 'another MynaLens page is using the bridge');
      return;
    }
    let signedIn = false;
    const authTimer = setTimeout(() => {
      if (!signedIn) socket.close(BRIDGE_CLOSE.notPaired, 'no pairing or token was sent');
    }, this.options.authTimeoutMs ?? 10_000);
    socket.on('close', () => {
      clearTimeout(authTimer);
      this.release(socket, origin);
    });
    socket.on('message', (data: RawData, isBinary: boolean) => {
      const text = isBinary ? '' : data.toString();
      let message: Record<string, unknown> & { id: number };
      try {
        if (isBinary) throw new BridgeProtocolError('binary frames are not part of the protocol');
        message = parseBridgeMessage(text, BRIDGE_MAX_MESSAGE_BYTES);
      } catch (error) {
        const protocolError = error instanceof BridgeProtocolError ? error : new BridgeProtocolError(String(error));
        const id = Number(/^\{"id":(\d{1,15})[,}]/.exec(text.slice(0, 32))?.[1] ?? 0);
        send(socket, { id, ok: false, error: { responseCode: protocolError.responseCode, message: protocolError.message } });
        return;
      }
      if (signedIn) {
        void this.active?.session.handle(message).then((response) => send(socket, response));
        return;
      }
      signedIn = this.signIn(socket, origin, message);
      if (signedIn) clearTimeout(authTimer);
    });
  }

  /** Handles the first message: pairing or token. True once the page is signed in. */
  private signIn(socket: WebSocket, origin: string, message: Record<string, unknown> & { id: number }): boolean {
    if (this.active) {
      socket.close(BRIDGE_CLOSE.busy, 'another MynaLens page is using the bridge');
      return false;
    }
    if (message.op === 'pair' && typeof message.code === 'string') {
      const result = this.options.pairing.pair(message.code, origin);
      if (!result.ok) {
        this.log(`a wrong pairing code from ${origin}${result.reason === 'code-retired' ? '; that code is retired, a new one is above' : ''}`);
        send(socket, {
          id: message.id,
          ok: false,
          error: {
            responseCode: result.reason,
            message: result.reason === 'wrong-code' ? 'that is not the code the bridge printed' : 'too many wrong codes: the bridge printed a new one',
          },
        });
        return false;
      }
      this.log(`paired with ${origin}`);
      this.start(socket, origin);
      send(socket, { id: message.id, ok: true, token: result.token, origin });
      return true;
    }
    if (message.op === 'hello' && typeof message.token === 'string') {
      const check = this.options.pairing.check(message.token, origin);
      if (check !== 'ok') {
        this.log(`refused ${origin}: ${check === 'not-paired' ? 'the bridge is not paired with it' : 'wrong token'}`);
        socket.close(
          check === 'not-paired' ? BRIDGE_CLOSE.notPaired : BRIDGE_CLOSE.wrongToken,
          check === 'not-paired' ? 'pair this page with the code the bridge printed' : 'this token was not issued to this page; pair again',
        );
        return false;
      }
      this.start(socket, origin);
      send(socket, { id: message.id, ok: true, origin });
      return true;
    }
    socket.close(BRIDGE_CLOSE.notPaired, 'pair this page with the code the bridge printed');
    return false;
  }

  /** The page is gone (or being closed for a fault): its session ends, the next page may sign in. */
  private release(socket: WebSocket, origin: string): void {
    if (this.active?.socket !== socket) return;
    const { session } = this.active;
    this.active = null;
    this.previousEnded = session.end();
    this.log(`page from ${origin} left; its cards were reset and released`);
  }

  private start(socket: WebSocket, origin: string): void {
    const session = new BridgeSession(this.options.pcsc, {
      after: this.previousEnded,
      logApdus: this.options.logApdus ?? false,
      log: (line) => this.log(line),
    });
    this.active = { socket, session };
    this.log(`page from ${origin} signed in`);
  }
}

function send(socket: WebSocket, response: BridgeResponse): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(response));
}
