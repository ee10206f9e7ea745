/**
 * Puts a card object into vsmartcard's virtual reader, so that real PC/SC software (pcscd,
 * OpenSC, pcsc_scan) talks to it (docs/test-rigs.md §A). vpcd is the TCP server inside pcscd; this
 * bridge is the "virtual ICC" that connects to it and answers every message it sends, framed as
 * in `vpcdProtocol.ts`.
 *
 * Node only (`node:net`): imported by scripts and tests, never by the app, so it stays out of the
 * browser bundle. It depends on a structural card, not on the simulator, so any `respond()` works.
 */

import { Socket, isIP } from 'node:net';
import { VPCD_DEFAULT_PORT, VpcdMessageDecoder, classifyReaderMessage, encodeVpcdMessage } from './vpcdProtocol';

/** What the bridge needs from a card: its ATR, a synchronous APDU exchange, and a reset. */
export interface VpcdCard {
  readonly atr: Uint8Array;
  /** Answers one C-APDU with the R-APDU (data + SW1 SW2). */
  respond(command: Uint8Array): Uint8Array;
  /** Back to the state after power-on: no applet selected, no PIN verified. */
  reset(): void;
}

/** What happened on the connection, for a script's console or a test's diagnostics (never APDU bytes). */
export type VpcdBridgeEvent =
  | { readonly type: 'connected'; readonly host: string; readonly port: number; readonly socketPath?: string }
  | { readonly type: 'disconnected'; readonly reason: string }
  | { readonly type: 'protocol-error'; readonly message: string };

/** Where vpcd listens and how the bridge behaves; every field has a default. */
export interface VpcdBridgeOptions {
  /** A loopback IP literal (`127.x.x.x` or `::1`). Default `127.0.0.1`. */
  readonly host?: string;
  /** Default 35963, the first vpcd reader (`Virtual PCD 00 00`). */
  readonly port?: number;
  /**
   * A Unix socket to connect to instead of TCP: the loopback-only rig (`scripts/pcsc/isolatedPcscd.ts`)
   * keeps vpcd inside a network namespace of its own and relays it to this path.
   */
  readonly socketPath?: string;
  /** Pause before connecting again after vpcd refused or dropped us. Default 250 ms. */
  readonly reconnectDelayMs?: number;
  /** Largest message accepted from vpcd. Default 65535. */
  readonly maxPayload?: number;
  readonly onEvent?: (event: VpcdBridgeEvent) => void;
}

/**
 * SW `6F 00` ("no precise diagnosis"): what a card that fails inside says. Sent if `respond`
 * throws, because vpcd waits for an answer to every APDU and would otherwise hang the reader.
 */
const INTERNAL_ERROR_SW = Uint8Array.of(0x6f, 0x00);

/** True for the IP literals that can only reach this machine. Host names are refused: they resolve. */
export function isLoopbackAddress(host: string): boolean {
  if (isIP(host) === 4) return host.split('.')[0] === '127';
  return isIP(host) === 6 && (host === '::1' || host === '0:0:0:0:0:0:0:1');
}

/** A TCP client of vpcd that presents `card` in the reader until `close()`. */
export class VpcdBridge {
  readonly host: string;
  readonly port: number;
  readonly socketPath: string | undefined;
  private readonly reconnectDelayMs: number;
  private readonly maxPayload: number | undefined;
  private readonly onEvent: (event: VpcdBridgeEvent) => void;

  private socket: Socket | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private started = false;
  private closed = false;
  private isConnected = false;
  private readonly connectWaiters = new Set<() => void>();
  private answered = 0;

  constructor(
    private readonly card: VpcdCard,
    options: VpcdBridgeOptions = {},
  ) {
    this.host = options.host ?? '127.0.0.1';
    if (!isLoopbackAddress(this.host)) {
      throw new RangeError(`vpcd host must be a loopback IP literal (127.x.x.x or ::1), got "${this.host}"`);
    }
    this.port = options.port ?? VPCD_DEFAULT_PORT;
    if (!Number.isInteger(this.port) || this.port < 1 || this.port > 0xffff) {
      throw new RangeError(`vpcd port must be 1…65535, got ${this.port}`);
    }
    this.socketPath = options.socketPath;
    this.reconnectDelayMs = options.reconnectDelayMs ?? 250;
    this.maxPayload = options.maxPayload;
    this.onEvent = options.onEvent ?? (() => undefined);
  }

  /** True while a TCP connection to vpcd is open. */
  get connected(): boolean {
    return this.isConnected;
  }

  /** How many APDUs the card has answered through this bridge. */
  get apduCount(): number {
    return this.answered;
  }

  /** Starts connecting; keeps reconnecting until `close()`. Returns `this` for chaining. */
  start(): this {
    if (this.closed) throw new Error('VpcdBridge was closed; make a new one');
    if (!this.started) {
      this.started = true;
      this.connect();
    }
    return this;
  }

  /** Resolves once connected to vpcd; rejects after `timeoutMs` or if the bridge is closed first. */
  waitForConnection(timeoutMs: number): Promise<void> {
    if (this.isConnected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        this.connectWaiters.delete(done);
        if (this.isConnected) resolve();
        else reject(new Error('VpcdBridge closed before it connected'));
      };
      const timer = setTimeout(() => {
        this.connectWaiters.delete(done);
        const where = this.socketPath ?? `${this.host}:${this.port}`;
        reject(new Error(`no connection to vpcd at ${where} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.connectWaiters.add(done);
    });
  }

  /** Takes the card out of the reader: closes the socket and stops reconnecting. Idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    for (const waiter of [...this.connectWaiters]) waiter();
    const socket = this.socket;
    if (!socket) return;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.destroy();
    });
  }

  private connect(): void {
    const socket = new Socket();
    const decoder = new VpcdMessageDecoder(this.maxPayload);
    let reason = 'connection closed by vpcd';
    this.socket = socket;

    socket.on('connect', () => {
      // vpcd expects an answer to each message at once; Nagle would delay small ones.
      socket.setNoDelay(true);
      this.isConnected = true;
      this.onEvent({
        type: 'connected',
        host: this.host,
        port: this.port,
        ...(this.socketPath !== undefined ? { socketPath: this.socketPath } : {}),
      });
      for (const waiter of [...this.connectWaiters]) waiter();
    });
    socket.on('data', (chunk: Buffer) => {
      try {
        for (const message of decoder.push(chunk)) this.answer(socket, message);
      } catch (error) {
        reason = error instanceof Error ? error.message : String(error);
        this.onEvent({ type: 'protocol-error', message: reason });
        // The framing is lost; a fresh connection is the only way to resynchronise.
        socket.destroy();
      }
    });
    socket.on('error', (error) => {
      reason = error.message;
    });
    socket.on('close', () => {
      const wasConnected = this.isConnected;
      this.isConnected = false;
      if (this.socket === socket) this.socket = null;
      if (wasConnected) this.onEvent({ type: 'disconnected', reason: this.closed ? 'bridge closed' : reason });
      if (!this.closed) this.reconnectTimer = setTimeout(() => this.connect(), this.reconnectDelayMs);
    });
    if (this.socketPath !== undefined) socket.connect({ path: this.socketPath });
    else socket.connect({ host: this.host, port: this.port });
  }

  private answer(socket: Socket, payload: Uint8Array): void {
    const message = classifyReaderMessage(payload);
    switch (message.kind) {
      case 'power-off':
      case 'power-on':
      case 'reset':
        this.card.reset();
        return;
      case 'get-atr':
        socket.write(encodeVpcdMessage(this.card.atr));
        return;
      case 'apdu':
        socket.write(encodeVpcdMessage(this.respond(message.apdu)));
        this.answered++;
        return;
      case 'unknown':
        // vpcd defines no answer for these; saying nothing keeps the stream in step.
        return;
    }
  }

  private respond(apdu: Uint8Array): Uint8Array {
    try {
      return this.card.respond(apdu);
    } catch {
      return INTERNAL_ERROR_SW;
    }
  }
}
